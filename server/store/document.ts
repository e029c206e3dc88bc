import { Low } from 'lowdb';
import { DurableJSONFile } from './durable-file.ts';
import { Committer } from './committer.ts';
import { CodedError } from '../contract/errors.ts';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type * as v from 'valibot';
import { Recovery } from './recovery.ts';
import { readShaped } from './shapes.ts';

/**
 * A store that is one document (staff, district, aspirations): what the backup, the
 * services and the shutdown ask of each of them.
 */
export abstract class DocumentStore<T> {
  protected constructor(protected readonly doc: JsonDocument<T>) {}

  /** The file as its next write would make it (the backup's snapshot, taken synchronously). */
  snapshot(): string {
    return this.doc.snapshot();
  }

  /** Rejects when the write fails, and then the data is back as it is on disk (see JsonDocument). */
  commit(): Promise<void> {
    return this.doc.commit();
  }

  flush(): Promise<void> {
    return this.doc.flush();
  }

  get writes(): number {
    return this.doc.writes;
  }

  /** See Committer.settled. */
  get settled(): number {
    return this.doc.settled;
  }
}

/**
 * Reads a small document store's file into it at start: nothing there → it stays empty; a
 * file that cannot be read or is wrongly shaped is set aside (Recovery, which says `lost`)
 * and the store starts empty. The stores apart from the episodes (readers, intake,
 * moderation) open the same way.
 */
export async function loadDocument<T>(
  doc: JsonDocument<T>, opts: { dataDir: string; recovery?: Recovery }, name: string, shape: v.GenericSchema, lost: string,
): Promise<void> {
  await mkdir(opts.dataDir, { recursive: true });
  if (!(await readdir(opts.dataDir)).includes(name)) return;
  const path = join(opts.dataDir, name);
  const read = await readShaped(path, shape);
  // Listed a moment ago: gone now is damage too.
  const problem = read.raw === null ? 'berkas hilang saat dibaca' : read.problem;
  if (!problem) {
    doc.adopt(read.raw as T);
    return;
  }
  await (opts.recovery ?? new Recovery(opts.dataDir)).keep(path, problem, lost);
}

/**
 * A write of a document failed and its changes were taken back (see JsonDocument): what the
 * HTTP and socket edges answer as `not_saved` ("dibatalkan"), not as `internal` ("mungkin
 * sudah tersimpan"), which stays for failures whose effect is unknown.
 */
export class WriteFailed extends CodedError {
  constructor(path: string, cause: unknown) {
    super('not_saved', `could not write ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WriteFailed';
  }
}

export interface DocumentOptions<T, M> {
  fsync?: boolean;
  /** See Committer: the pause after a write that kept the event loop busy for `busyMs`. */
  gapAfter?: (busyMs: number) => number;
  /** Runs synchronously just before a write serialises the data; its result is handed to `written`. */
  beforeWrite?: () => M;
  /** After the write that began with `mark` is on disk; the commit resolves once it is done. */
  written?: (mark: M) => void | Promise<void>;
  /** The state a failed write goes back to, built from the state on disk (the episode replays its journaled votes). */
  restore?: (onDisk: T) => T;
}

/**
 * One JSON file held in memory as one document, changed in place by the domain rules and
 * made durable by commit() (group commit). A write that fails takes its changes back:
 * memory returns to the file as it is on disk, and the commits waiting for the next write
 * fail too, since their changes went with it. So a caller told "not saved" is never
 * contradicted by a later write, a backup snapshot or a page (issue 11).
 */
export class JsonDocument<T, M = void> {
  readonly #db: Low<T>;
  readonly #file: DurableJSONFile<T>;
  readonly #committer: Committer;
  readonly #empty: () => T;
  /** The last state known to be on disk, serialised; null before the first read, adopt or write. */
  #onDisk: string | null = null;

  constructor(path: string, empty: () => T, opts: DocumentOptions<T, M> = {}) {
    this.#file = new DurableJSONFile<T>(path, { fsync: opts.fsync ?? true });
    this.#db = new Low(this.#file, empty());
    this.#empty = empty;
    this.#committer = new Committer(() => {
      const mark = opts.beforeWrite?.() as M;
      return this.#db.write().then(
        async () => {
          this.#onDisk = this.#file.durable;
          const busy = this.#file.lastBusyMs;
          await opts.written?.(mark);
          return busy;
        },
        (err: unknown) => {
          const onDisk = this.#onDisk === null ? this.#empty() : (JSON.parse(this.#onDisk) as T);
          this.#db.data = opts.restore ? opts.restore(onDisk) : onDisk;
          const failed = new WriteFailed(path, err);
          this.#committer.failWaiting(failed);
          throw failed;
        },
      );
    }, { gapAfter: opts.gapAfter });
  }

  get data(): T {
    return this.#db.data;
  }

  /** Reads the file; null when there is none (the data stays as it was). */
  async read(): Promise<T | null> {
    const data = await this.#file.read();
    if (data === null) return null;
    this.#db.data = data;
    this.#onDisk = this.#file.durable;
    return data;
  }

  /** Takes data read from this file some other way as what is on disk. */
  adopt(data: T): void {
    this.#db.data = data;
    this.#onDisk = JSON.stringify(data);
  }

  /** Replaces the data in memory; durable with the next commit. */
  replace(data: T): void {
    this.#db.data = data;
  }

  /** The file as its next write would make it (the backup's snapshot, taken synchronously). */
  snapshot(): string {
    return JSON.stringify(this.#db.data);
  }

  /** Resolves once the current state is on disk; rejects (and the state is back as on disk) when the write fails. */
  commit(): Promise<void> {
    return this.#committer.commit();
  }

  /** The next write starts without waiting out its gap. */
  hurry(): void {
    this.#committer.hurry();
  }

  /** Resolves once nothing is waiting or being written. */
  flush(): Promise<void> {
    return this.#committer.idle();
  }

  get writes(): number {
    return this.#committer.writes;
  }

  get settled(): number {
    return this.#committer.settled;
  }
}
