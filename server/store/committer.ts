/**
 * Group commit: callers ask for their change to be made durable; the first caller
 * starts a write at once, everyone who arrives while it runs shares the next write.
 * A promise resolves only after a write that began after its change completed, so an
 * acknowledgement sent on resolve is never ahead of the disk.
 */
export class Committer {
  readonly #write: () => Promise<void>;
  #waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  #running = false;
  /** Writes completed; the benchmark reports it as writes per second. */
  writes = 0;

  constructor(write: () => Promise<void>) {
    this.#write = write;
  }

  commit(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#kick();
    });
  }

  /** Resolves once nothing is waiting or being written. */
  async idle(): Promise<void> {
    while (this.#running || this.#waiting.length) await this.commit();
  }

  #kick(): void {
    if (this.#running || this.#waiting.length === 0) return;
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
    this.#write().then(
      () => {
        this.writes++;
        next();
        for (const w of batch) w.resolve();
      },
      (err) => {
        next();
        for (const w of batch) w.reject(err);
      },
    );
  }
}
