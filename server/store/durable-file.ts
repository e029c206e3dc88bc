import { open, rename, readFile, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { plan, text } from './sliced-json.ts';
import type { Piece } from './sliced-json.ts';

/** The temp file names write() uses: `.<name>.<pid>.<seq>.tmp` (swept at start, see EpisodeStore). */
export const DURABLE_TEMP = /^\..+\.json\.\d+\.\d+\.tmp$/;

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
  #durable: string | null = null;

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
    const data = JSON.parse(text) as T;
    this.#durable = text;
    return data;
  }

  /**
   * The file's content as last read or written successfully: the state on disk, which the
   * stores go back to when a later write fails (see rollingBack in committer.ts). Null
   * before the first read or write.
   */
  get durable(): string | null {
    return this.#durable;
  }

  /**
   * What the last write cost, in ms: the time its slices kept the event loop busy, plus a
   * quarter of the time it waited for the disk (a rewrite of megabytes slows every other
   * file's fdatasync, the vote journal's among them). The gap before the next rewrite
   * is measured in it (see Committer).
   */
  lastBusyMs = 0;

  /**
   * The state is planned synchronously (see sliced-json.ts), then turned into text, encoded
   * and written a slice at a time, the loop free between slices to acknowledge votes.
   */
  async write(data: T): Promise<void> {
    const began = performance.now();
    let mark = began;
    const pieces = plan(data);
    let busy = 0;
    const pause = () => { busy += performance.now() - mark; };
    const resume = () => { mark = performance.now(); };
    const tmp = join(dirname(this.#path), `.${basename(this.#path)}.${process.pid}.${++this.#seq}.tmp`);
    // A rope of the slices (cheap): the state on disk, parsed only if a later write fails.
    let text = '';
    try {
      pause();
      const fh = await open(tmp, 'w');
      resume();
      try {
        for (const slice of sliced(pieces)) {
          text += slice;
          const bytes = Buffer.from(slice, 'utf8');
          pause();
          for (let done = 0; done < bytes.length;) done += (await fh.write(bytes, done, bytes.length - done)).bytesWritten;
          resume();
        }
        pause();
        if (this.#fsync) await fh.datasync();
      } finally {
        await fh.close();
      }
      await rename(tmp, this.#path);
    } catch (err) {
      // A failed write (full disk, EMFILE) must not leave its temp file: a 2 MB episode
      // failing every batch would fill what little space is left.
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    if (this.#fsync) await syncDir(dirname(this.#path));
    this.#durable = text;
    this.lastBusyMs = busy + (performance.now() - began - busy) / 4;
  }
}

/**
 * Encoding a 2 MB episode to UTF-8 in one piece held the event loop for ~18 ms (a
 * non-ASCII title makes the whole JSON a two-byte string); in 256 KB slices it costs
 * ~7 ms in all, with the loop free between slices to acknowledge votes.
 */
const SLICE = 256 * 1024;

/**
 * The plan's text in slices of at most SLICE characters, never cutting a surrogate pair;
 * short pieces (the text between two long lists) are gathered, so a write is a few calls.
 */
function* sliced(pieces: Piece[]): Generator<string> {
  let gathered = '';
  for (const t of text(pieces)) {
    for (let at = 0; at < t.length;) {
      let end = Math.min(t.length, at + SLICE - gathered.length);
      // Each half of a pair alone would be written as U+FFFD.
      const last = t.charCodeAt(end - 1);
      if (end < t.length && last >= 0xd800 && last <= 0xdbff) end--;
      gathered += at === 0 && end === t.length ? t : t.slice(at, end);
      at = end;
      if (gathered.length >= SLICE - 1) {
        yield gathered;
        gathered = '';
      }
    }
  }
  if (gathered) yield gathered;
}
/**
 * Writes a whole file the durable way: into `tmp` (created with `mode`), fdatasync, rename
 * over `path`; a failed write removes its temp file (a full disk would keep it forever).
 * With `syncFolder`, the folder is fsynced too, so the rename survives power loss.
 */
export async function writeFileDurably(path: string, data: string | Buffer, opts: { tmp: string; mode?: number; syncFolder?: boolean }): Promise<void> {
  try {
    const fh = await open(opts.tmp, 'w', opts.mode ?? 0o666);
    try {
      await fh.writeFile(data);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await rename(opts.tmp, path);
  } catch (err) {
    await unlink(opts.tmp).catch(() => undefined);
    throw err;
  }
  if (opts.syncFolder) await syncDir(dirname(path));
}

/** fsync of a folder, so a rename or a new file in it survives power loss. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
