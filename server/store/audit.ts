import { open, readFile, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Committer } from './committer.ts';
import type { AuditEntry } from '../contract/audit.ts';
import { syncDir } from './durable-file.ts';

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at'>;

const FILE = 'audit.jsonl';

/**
 * The audit log, DATA_DIR/audit.jsonl: one JSON line per entry, only ever appended. Lines
 * written together share one append and one fdatasync (group commit, like the vote
 * journal); record() resolves once its line is on disk. A torn last line (a crash in the
 * middle of an append: never acknowledged) is cut off at start; any other unreadable
 * line is kept in the file, skipped and reported.
 *
 * The entries are held in memory for paging: a station's staff make a few hundred changes
 * a day, a few tens of thousands of lines (a few MB) a year.
 */
export class AuditLog {
  readonly #path: string;
  readonly #fsync: boolean;
  readonly #now: () => Date;
  readonly #committer: Committer;
  readonly #entries: AuditEntry[] = [];
  #lines: string[] = [];
  #fh: FileHandle | null = null;
  /** Lines that could not be read at start (not the torn last one). */
  skipped = 0;

  private constructor(dataDir: string, fsync: boolean, now: () => Date) {
    this.#path = join(dataDir, FILE);
    this.#fsync = fsync;
    this.#now = now;
    this.#committer = new Committer(() => this.#write());
  }

  static async open(opts: { dataDir: string; fsync?: boolean; now?: () => Date; log?: (line: string) => void }): Promise<AuditLog> {
    const a = new AuditLog(opts.dataDir, opts.fsync ?? true, opts.now ?? (() => new Date()));
    let text = '';
    try {
      text = await readFile(a.#path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const lines = text.split('\n');
    const torn = lines.pop();
    if (torn) {
      await truncate(a.#path, Buffer.byteLength(text) - Buffer.byteLength(torn));
      opts.log?.(`kentongan: ${a.#path}: baris terakhir terpotong (tulisan yang belum selesai) dibuang`);
    }
    for (const [i, line] of lines.entries()) {
      const e = parse(line);
      if (e) a.#entries.push(e);
      else {
        a.skipped++;
        opts.log?.(`kentongan: ${a.#path} baris ${i + 1} tidak terbaca dan dilewati (berkas tidak diubah)`);
      }
    }
    return a;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Appends an entry; resolves once it is on disk. */
  record(entry: NewAuditEntry): Promise<void> {
    const seq = (this.#entries.at(-1)?.seq ?? 0) + 1;
    const full: AuditEntry = { seq, at: this.#now().toISOString(), ...entry };
    this.#entries.push(full);
    this.#lines.push(`${JSON.stringify(full)}\n`);
    return this.#committer.commit();
  }

  /** Newest first: up to `limit` entries older than `before` (a seq), and the cursor of the next page. */
  page(opts: { before?: number; limit: number }): { entries: AuditEntry[]; next: number | null; total: number } {
    let end = this.#entries.length;
    if (opts.before !== undefined) {
      // seq grows by one per line written, but lines skipped at start leave gaps: search.
      let lo = 0;
      let hi = this.#entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.#entries[mid]!.seq < opts.before) lo = mid + 1;
        else hi = mid;
      }
      end = lo;
    }
    const start = Math.max(0, end - opts.limit);
    const entries = this.#entries.slice(start, end).reverse();
    return { entries, next: start > 0 ? this.#entries[start]!.seq : null, total: this.#entries.length };
  }

  /** Every entry as the file's lines (the backup's snapshot, taken synchronously; unreadable lines skipped at start are left out). */
  snapshot(): string {
    return this.#entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  }

  async flush(): Promise<void> {
    await this.#committer.idle();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.#fh?.close().catch(() => undefined);
    this.#fh = null;
  }

  async #write(): Promise<void> {
    const lines = this.#lines;
    this.#lines = [];
    if (lines.length === 0) return;
    if (!this.#fh) {
      this.#fh = await open(this.#path, 'a');
      if (this.#fsync) await syncDir(join(this.#path, '..'));
    }
    try {
      await this.#fh.write(lines.join(''));
      if (this.#fsync) await this.#fh.datasync();
    } catch (err) {
      // Not on disk: the next write tries again with these lines first (they stay in memory).
      this.#lines = [...lines, ...this.#lines];
      throw err;
    }
  }
}

function parse(line: string): AuditEntry | null {
  try {
    const e = JSON.parse(line) as AuditEntry;
    return typeof e === 'object' && e !== null && Number.isSafeInteger(e.seq) && typeof e.action === 'string' && typeof e.at === 'string' ? e : null;
  } catch {
    return null;
  }
}
