// The geometry of the listener chart, kept apart from the SVG so it is plain arithmetic a test
// can read: times to x, counts to y, a round top for the scale, a few time ticks, the peak.
import type { AudiencePoint } from '$contract/types.ts';

export interface Box {
  width: number;
  height: number;
  /** Room for the axis labels: left (counts), bottom (times), top and right (the peak's label). */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface Plotted {
  x: number;
  y: number;
  at: string;
  connected: number;
}

export interface Chart {
  line: Plotted[];
  /** The polyline's points attribute. */
  points: string;
  peak: Plotted | null;
  /** Count gridlines, 0 first. */
  yTicks: { y: number; value: number }[];
  /** Time labels, evenly spread from the first moment to the last. */
  xTicks: { x: number; at: string }[];
}

/** The smallest of 1, 2, 5 × 10^k that is ≥ n (1 for anything up to 1): a step that reads round. */
export function roundTop(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

export function chart(series: AudiencePoint[], peak: AudiencePoint | null, box: Box, timeTicks = 4): Chart {
  const all = peak ? [...series, peak] : series;
  const times = all.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  // About four whole steps up to just above the most seen: 0, 5, 10 for a peak of 9.
  const most = Math.max(0, ...all.map((p) => p.connected));
  const step = Math.max(1, roundTop(most / 4));
  const top = Math.max(step, Math.ceil(most / step) * step);
  const w = box.width - box.left - box.right;
  const h = box.height - box.top - box.bottom;
  // One moment only: put it in the middle rather than divide by nothing.
  const x = (t: number) => box.left + (t1 > t0 ? ((t - t0) / (t1 - t0)) * w : w / 2);
  const y = (n: number) => box.top + h - (n / top) * h;
  const place = (p: AudiencePoint): Plotted => ({ x: x(Date.parse(p.at)), y: y(p.connected), at: p.at, connected: p.connected });
  const line = [...series].sort((a, b) => a.at.localeCompare(b.at)).map(place);
  const yTicks = Array.from({ length: top / step + 1 }, (_, i) => ({ y: y(i * step), value: i * step }));
  const n = t1 > t0 ? Math.max(2, timeTicks) : 1;
  const xTicks = Array.from({ length: n }, (_, i) => {
    const t = n === 1 ? t0 : t0 + ((t1 - t0) * i) / (n - 1);
    return { x: x(t), at: new Date(t).toISOString() };
  });
  return {
    line,
    points: line.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
    peak: peak ? place(peak) : null,
    yTicks,
    xTicks,
  };
}
