import { open, rename, readFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * A lowdb adapter that writes compact JSON to a temp file, fsyncs it and renames it
 * over the target, then fsyncs the directory. lowdb's own JSONFile pretty-prints and
 * never fsyncs: fine for a config file, not for votes a listener was told are saved.
 * Serialisation happens synchronously at the start of write(), so the bytes on disk are
 * exactly the state at the moment the write began (what group commit relies on).
 */
export class DurableJSONFile<T> implements Adapter<T> {
  readonly #path: string;
  readonly #fsync: boolean;
  #seq = 0;

  constructor(path: string, opts: { fsync?: boolean } = {}) {
    this.#path = path;
    this.#fsync = opts.fsync ?? true;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const tmp = join(dirname(this.#path), `.${basename(this.#path)}.${process.pid}.${++this.#seq}.tmp`);
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(text, 'utf8');
      if (this.#fsync) await fh.datasync();
    } finally {
      await fh.close();
    }
    await rename(tmp, this.#path);
    if (this.#fsync) await syncDir(dirname(this.#path));
  }
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
