import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile } from './durable-file.ts';
import { Committer } from './committer.ts';
import type { Aspiration } from '../domain/types.ts';

interface AspirationsFile {
  version: 1;
  aspirations: Aspiration[];
}

/**
 * Aspirations (usulan) of every episode in one lowdb file, data/aspirations.json: they
 * outlive their episode on the planner's desk and merge across episodes. Group commit,
 * like the episodes: many supports share one write, each acknowledged after it.
 */
export class AspirationStore {
  readonly #db: Low<AspirationsFile>;
  readonly #committer: Committer;

  private constructor(dataDir: string, fsync: boolean) {
    this.#db = new Low(new DurableJSONFile<AspirationsFile>(join(dataDir, 'aspirations.json'), { fsync }), { version: 1, aspirations: [] });
    this.#committer = new Committer(() => this.#db.write());
  }

  static async open(opts: { dataDir: string; fsync?: boolean }): Promise<AspirationStore> {
    const s = new AspirationStore(opts.dataDir, opts.fsync ?? true);
    await s.#db.read();
    return s;
  }

  /** The live list; the domain rules change it in place. */
  get list(): Aspiration[] {
    return this.#db.data.aspirations;
  }

  commit(): Promise<void> {
    return this.#committer.commit();
  }

  get writes(): number {
    return this.#committer.writes;
  }

  flush(): Promise<void> {
    return this.#committer.idle();
  }
}
