// Load-generator processes, forked once and reused by every scenario.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from './protocol.ts';

const SCRIPT = fileURLToPath(new URL('../loadgen.ts', import.meta.url));

/** Some load-generator processes, addressed by index 0 … size − 1: the whole pool or the first k of it. */
export interface Generators {
  readonly size: number;
  readonly pids: number[];
  ask<T>(i: number, cmd: Command): Promise<T>;
  /** Sends a command to every process (built per process index) and waits for all answers. */
  all<T>(cmd: (i: number) => Command): Promise<T[]>;
  /** Splits `total` across the processes as evenly as possible. */
  share(total: number, i: number): number;
}

function split(total: number, n: number, i: number): number {
  return Math.floor(total / n) + (i < total % n ? 1 : 0);
}

export class Pool implements Generators {
  readonly #children: ChildProcess[];
  readonly #waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  #next = 1;

  private constructor(children: ChildProcess[]) {
    this.#children = children;
    for (const child of children) {
      child.on('message', (m: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
        if (m.id === undefined) return;
        const w = this.#waiting.get(m.id);
        if (!w) return;
        this.#waiting.delete(m.id);
        if (m.ok) w.resolve(m.result);
        else w.reject(new Error(m.error));
      });
      child.on('exit', (code, signal) => {
        if (code !== 0 && signal !== 'SIGTERM') for (const w of this.#waiting.values()) w.reject(new Error(`load generator exited (${code ?? signal})`));
      });
    }
  }

  static async start(n: number): Promise<Pool> {
    const children = Array.from({ length: n }, () =>
      fork(SCRIPT, [], { execArgv: ['--import', 'tsx', '--max-old-space-size=4096'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await Promise.all(children.map((c) => new Promise<void>((resolve, reject) => {
      c.once('message', () => resolve());
      c.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    })));
    return new Pool(children);
  }

  get size(): number {
    return this.#children.length;
  }

  get pids(): number[] {
    return this.#children.map((c) => c.pid!);
  }

  ask<T>(i: number, cmd: Command): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#children[i]!.send({ id, cmd });
    });
  }

  all<T>(cmd: (i: number) => Command): Promise<T[]> {
    return Promise.all(this.#children.map((_, i) => this.ask<T>(i, cmd(i))));
  }

  share(total: number, i: number): number {
    return split(total, this.#children.length, i);
  }

  /** The first k processes only (the others stay idle): a storm from fewer generators than
   * the pool holds, e.g. one process, while a join burst still spreads over all of them. */
  subset(k: number): Generators {
    if (!Number.isInteger(k) || k < 1 || k > this.size) throw new Error(`subset of ${k} from a pool of ${this.size}`);
    if (k === this.size) return this;
    const ids = Array.from({ length: k }, (_, i) => i);
    return {
      size: k,
      pids: this.pids.slice(0, k),
      ask: <T>(i: number, cmd: Command) => {
        if (i >= k) throw new Error(`generator ${i} is outside a subset of ${k}`);
        return this.ask<T>(i, cmd);
      },
      all: <T>(cmd: (i: number) => Command) => Promise.all(ids.map((i) => this.ask<T>(i, cmd(i)))),
      share: (total: number, i: number) => split(total, k, i),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.#children.map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.disconnect();
      setTimeout(() => c.kill('SIGTERM'), 3_000).unref();
    })));
  }
}
