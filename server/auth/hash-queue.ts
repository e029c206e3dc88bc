// Every password hash (sign-in, new account, new password, first admin) waits its turn here.
//
// One scrypt at N = 2^17 takes 128 MB and a libuv pool thread for ~0.3 s, and the same four
// pool threads run the fsyncs that acknowledge votes. Sixteen sign-ins at once used to take
// all four threads and ~650 MB: votes waited seconds for their writes. Here at most
// `concurrency` hashes run; a bounded FIFO holds the next ones; beyond it the caller is
// told "busy" at once instead of waiting behind a queue no one can see the end of.
// (A bigger UV_THREADPOOL_SIZE would only let more hashes run at once: more memory, same CPU.)

export class HashQueueFull extends Error {
  constructor() {
    super('hash queue full');
  }
}

export interface HashQueueOptions {
  /** Hashes running at once: 1 or 2 (default 1). */
  concurrency?: number;
  /** Hashes waiting behind the running ones before new ones are refused (default 8). */
  maxWaiting?: number;
}

export class HashQueue {
  readonly concurrency: number;
  readonly maxWaiting: number;
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(opts: HashQueueOptions = {}) {
    this.concurrency = Math.max(1, opts.concurrency ?? 1);
    this.maxWaiting = Math.max(0, opts.maxWaiting ?? 8);
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `job` in its turn; rejects with HashQueueFull at once when the queue is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.maxWaiting) throw new HashQueueFull();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await job();
    } finally {
      // The slot passes straight to the next in line, so `running` never dips and rises.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
