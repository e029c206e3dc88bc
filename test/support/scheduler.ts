// Timers a test moves by hand (for code that takes a Scheduler), with the clock they share:
// a pause of five minutes passes when the test says so, not after five minutes.
export function manualScheduler(startIso = '2026-12-03T12:00:00.000Z') {
  let now = Date.parse(startIso);
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void; ms: number }>();
  return {
    setTimeout(fn: () => void, ms: number): unknown {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn, ms });
      return id;
    },
    clearTimeout(handle: unknown): void {
      timers.delete(handle as number);
    },
    now: () => new Date(now),
    /** The delays (as asked for) of the timers not yet run, soonest first. */
    waiting(): number[] {
      return [...timers.values()].sort((a, b) => a.at - b.at).map((t) => t.ms);
    },
    /** Moves the clock on, running every timer that falls due, in order. */
    advance(ms: number): void {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}
