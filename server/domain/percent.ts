// Percentages that add up: the largest remainder (Hamilton) method. Each share gets the
// whole part of its exact percentage; the points still missing go, one each, to the
// shares with the largest remainders. Integer arithmetic only, so 1/3 never rounds two
// ways, and ties go to the earlier option so the result is the same every time.

/** Whole percentages of `counts` summing to exactly 100 (all zeros when nothing was counted). */
export function largestRemainder(counts: readonly number[], whole = 100): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const shares = counts.map((c, i) => ({ i, floor: Math.floor((c * whole) / total), rest: (c * whole) % total }));
  let missing = whole - shares.reduce((a, s) => a + s.floor, 0);
  const byRest = [...shares].sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const s of byRest) {
    if (missing === 0) break;
    s.floor++;
    missing--;
  }
  return shares.map((s) => s.floor);
}
