/**
 * Group commit: callers ask for their change to be made durable; the first caller
 * starts a write at once, everyone who arrives while it runs shares the next write.
 * A promise resolves only after a write that began after its change completed, so an
 * acknowledgement sent on resolve is never ahead of the disk.
 */
/** Time and timers, injected so tests of the gap run without the wall clock. */
export interface CommitterClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: CommitterClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export class Committer {
  readonly #write: () => Promise<void | number>;
  readonly #gapAfter: ((busyMs: number) => number) | undefined;
  readonly #clock: CommitterClock;
  #waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  #running = false;
  /** No write starts before this (clock ms); see gapAfter. */
  #notBefore = 0;
  #timer: unknown = null;
  /** Writes completed; the benchmark reports it as writes per second. */
  writes = 0;
  /**
   * Writes finished either way (a failed one has put memory back by then): a cache built
   * from the document stays right while this stands still.
   */
  settled = 0;

  /**
   * `gapAfter(busyMs)`, optional: given how long the last write kept the event loop busy
   * when it began (serialising), the pause in ms before the next write may begin. Changes
   * arriving meanwhile share that next write, so a large file costs a bounded share of
   * the CPU however often it changes. A write that works in slices (durable-file.ts) resolves
   * with its busy time in all, and the gap then counts from its end.
   */
  constructor(write: () => Promise<void | number>, opts: { gapAfter?: (busyMs: number) => number; clock?: CommitterClock } = {}) {
    this.#write = write;
    this.#gapAfter = opts.gapAfter;
    this.#clock = opts.clock ?? REAL_CLOCK;
  }

  commit(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#kick();
    });
  }

  /**
   * Lets the next write begin without waiting out the gap: someone is held up by it (a vote
   * resting on a question just approved). Costs at most one early write per call.
   */
  hurry(): void {
    this.#notBefore = 0;
    if (this.#timer !== null) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = null;
      this.#kick();
    }
  }

  /**
   * Rejects every commit still waiting for the next write: called by a write that failed and
   * put the state back as it is on disk (see rollingBack), which took their changes away too.
   */
  failWaiting(err: unknown): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    if (this.#timer !== null) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = null;
    }
    for (const w of waiting) w.reject(err);
  }

  /** Resolves once nothing is waiting or being written. */
  async idle(): Promise<void> {
    while (this.#running || this.#waiting.length) await this.commit();
  }

  #kick(): void {
    if (this.#running || this.#timer !== null || this.#waiting.length === 0) return;
    const wait = this.#notBefore - this.#clock.now();
    if (wait > 0) {
      this.#timer = this.#clock.setTimeout(() => {
        this.#timer = null;
        this.#kick();
      }, wait);
      return;
    }
    const batch = this.#waiting;
    this.#waiting = [];
    this.#running = true;
    // Clear #running before the batch's callbacks run: idle() checks it when its own
    // commit resolves, and would otherwise see a finished write as still running and
    // commit again, forever.
    const next = () => {
      this.#running = false;
      this.#kick();
    };
    const began = this.#clock.now();
    const writing = this.#write();
    if (this.#gapAfter) {
      const end = this.#clock.now();
      this.#notBefore = end + this.#gapAfter(end - began);
    }
    writing.then(
      (busyMs) => {
        if (this.#gapAfter && typeof busyMs === 'number') this.#notBefore = this.#clock.now() + this.#gapAfter(busyMs);
        this.writes++;
        this.settled++;
        next();
        for (const w of batch) w.resolve();
      },
      (err) => {
        this.settled++;
        next();
        for (const w of batch) w.reject(err);
      },
    );
  }
}
