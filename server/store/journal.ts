import { open, readdir, readFile, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Committer } from './committer.ts';
import type { Id, Question } from '../contract/types.ts';
import { isId } from '../contract/ids.ts';
import { insideDir } from './paths.ts';
import { syncDir } from './durable-file.ts';
import type { JournalEntry } from '../domain/changes.ts';

export type { JournalEntry };

/** A vote as one JSON line: short keys, as a storm writes tens of thousands of them. */
interface VoteLine {
  op: '+' | '-';
  q: Id;
  l: Id;
}
type Line = VoteLine | { op: 'q'; v: Question } | { op: 'j'; l: Id };

function lineOf(e: JournalEntry): Line {
  if ('vote' in e) return { op: e.vote.op, q: e.vote.questionId, l: e.vote.listenerId };
  if ('question' in e) return { op: 'q', v: e.question };
  return { op: 'j', l: e.join };
}

function entryOf(line: unknown): JournalEntry | null {
  if (!line || typeof line !== 'object') return null;
  const e = line as { op?: unknown; q?: unknown; l?: unknown; v?: unknown };
  if ((e.op === '+' || e.op === '-') && typeof e.q === 'string' && typeof e.l === 'string') return { vote: { op: e.op, questionId: e.q, listenerId: e.l } };
  if (e.op === 'j' && typeof e.l === 'string') return { join: e.l };
  const q = e.v as Partial<Question> | undefined;
  if (e.op === 'q' && q && typeof q === 'object' && typeof q.id === 'string' && Array.isArray(q.voters)) return { question: q as Question };
  return null;
}

/**
 * The changes of one episode since its last full write, appended to `episodes/<id>.<gen>.votes`
 * (the name is older than the question and join lines).
 *
 * Rewriting a 2 MB episode file for every batch of votes costs tens of milliseconds of
 * JSON.stringify each time; appending the batch's lines costs a small write and an fdatasync.
 * Group commit as for the episode file: changes arriving while a write runs share the next
 * one, and each is acknowledged after the write that holds it. A vote on a question just
 * asked or approved lands in the same file after that question's line, so it never waits
 * for a rewrite of the episode.
 *
 * Each full write of the episode starts a new generation first (rotate) and records it in
 * the file (Episode.journalGen): the file holds every line of the generations before it,
 * and those are deleted once it is on disk. A line belongs to the generation current when
 * its change was made, even if it reaches the disk after a rotation, so loading replays
 * exactly the lines made after the state in the file, in the order they were made.
 */
/** The least time from one journal write's start to the next's (ms). */
export const JOURNAL_GATHER_MS = 3;

export class VoteJournal {
  readonly #dir: string;
  readonly #id: Id;
  readonly #fsync: boolean;
  readonly #committer: Committer;
  readonly #handles = new Map<number, FileHandle>();
  #gen: number;
  /** The generation a write is appending to right now, if any. */
  #writing: number | null = null;
  /** Lines not yet written, by generation (oldest first). */
  #lines = new Map<number, string[]>();
  /** Entries appended since the last rotation. */
  pending = 0;
  /** When the last rotation happened (ms since epoch). */
  rotatedAt = Date.now();

  constructor(dir: string, id: Id, opts: { fsync: boolean; gen: number }) {
    this.#dir = dir;
    this.#id = id;
    this.#fsync = opts.fsync;
    this.#gen = opts.gen;
    // Appends at most every JOURNAL_GATHER_MS: at 5,000 votes/s a write per millisecond or so
    // (two fs calls each) was a twelfth of the server's CPU; gathered, a write carries more lines.
    this.#committer = new Committer(() => this.#write(), { gapAfter: () => JOURNAL_GATHER_MS });
  }

  static fileName(id: Id, gen: number): string {
    return `${id}.${gen}.votes`;
  }

  /** The journal file's path, checked to stay in the folder (the id comes from a stored file). */
  static pathOf(dir: string, id: Id, gen: number): string {
    const path = isId(id) && Number.isSafeInteger(gen) && gen >= 0 ? insideDir(dir, VoteJournal.fileName(id, gen)) : null;
    if (!path) throw new Error(`no vote journal for episode id ${JSON.stringify(id).slice(0, 60)}`);
    return path;
  }

  /** Generations on disk for an episode, oldest first. */
  static async generations(dir: string, id: Id): Promise<number[]> {
    const prefix = `${id}.`;
    const gens: number[] = [];
    for (const f of await readdir(dir)) {
      if (!f.startsWith(prefix) || !f.endsWith('.votes')) continue;
      const gen = Number(f.slice(prefix.length, -'.votes'.length));
      if (Number.isSafeInteger(gen) && gen >= 0) gens.push(gen);
    }
    return gens.sort((a, b) => a - b);
  }

  /**
   * Every complete line of the generations from `from` on, oldest first (older ones are in the
   * episode file). A torn last line (a crash mid-write) was never acknowledged and is
   * skipped; an unreadable complete line is skipped and named in `bad` (1-based line numbers).
   * `gens` lists every generation on disk, the skipped ones too.
   */
  static async read(dir: string, id: Id, from = 0): Promise<{ entries: JournalEntry[]; gens: number[]; bad: Array<{ gen: number; lines: number[] }> }> {
    const gens = await VoteJournal.generations(dir, id);
    const entries: JournalEntry[] = [];
    const bad: Array<{ gen: number; lines: number[] }> = [];
    for (const gen of gens) {
      if (gen < from) continue;
      const text = await readFile(VoteJournal.pathOf(dir, id, gen), 'utf8');
      const lines = text.split('\n');
      lines.pop(); // after the last newline: empty, or a torn line
      const badLines: number[] = [];
      lines.forEach((line, i) => {
        let e: JournalEntry | null = null;
        try {
          e = entryOf(JSON.parse(line));
        } catch {
          /* reported below */
        }
        if (e) entries.push(e);
        else badLines.push(i + 1);
      });
      // Only a torn last line is normal; a bad complete line is damage the caller keeps and reports.
      if (badLines.length) bad.push({ gen, lines: badLines });
    }
    return { entries, gens, bad };
  }

  get writes(): number {
    return this.#committer.writes;
  }

  get generation(): number {
    return this.#gen;
  }

  /** Resolves once the change is on disk. Serialised now: the line is the state at this moment. */
  append(entry: JournalEntry): Promise<void> {
    const lines = this.#lines.get(this.#gen) ?? this.#lines.set(this.#gen, []).get(this.#gen)!;
    lines.push(`${JSON.stringify(lineOf(entry))}\n`);
    this.pending++;
    return this.#committer.commit();
  }

  /** Called synchronously just before the episode's full write serialises it; returns the new generation. */
  rotate(): number {
    this.#gen++;
    this.pending = 0;
    this.rotatedAt = Date.now();
    return this.#gen;
  }

  /** Generations below this are held by a full write on disk: their lines need no writing. */
  #covered = 0;

  /** Deletes the generations before `gen` (the full write that covers them is on disk). */
  async dropBefore(gen: number): Promise<void> {
    this.#covered = Math.max(this.#covered, gen);
    for (const [g, h] of this.#handles) {
      // A write still appending to an old generation closes its own file when done.
      if (g < gen && g !== this.#writing) {
        this.#handles.delete(g);
        await h.close().catch(() => undefined);
      }
    }
    for (const g of await VoteJournal.generations(this.#dir, this.#id)) {
      if (g < gen) await unlink(VoteJournal.pathOf(this.#dir, this.#id, g)).catch(() => undefined);
    }
  }

  /** Waits for every pending append, then closes the files. */
  async close(): Promise<void> {
    await this.#committer.idle();
    for (const h of this.#handles.values()) await h.close().catch(() => undefined);
    this.#handles.clear();
  }

  async #write(): Promise<void> {
    const batches = this.#lines;
    this.#lines = new Map();
    // Oldest generation first: its lines were made before any of the next one's.
    for (const [gen, lines] of [...batches].sort((a, b) => a[0] - b[0])) await this.#writeGen(gen, lines);
  }

  async #writeGen(gen: number, lines: string[]): Promise<void> {
    if (gen < this.#covered) return;
    this.#writing = gen;
    try {
      let fh = this.#handles.get(gen);
      if (!fh) {
        // (O_DSYNC instead of write + fdatasync was tried: under heavy load it stalled the
        // server for seconds at a time; two calls it is.)
        fh = await open(VoteJournal.pathOf(this.#dir, this.#id, gen), 'a');
        this.#handles.set(gen, fh);
        // The new file's name must be durable too, not only its bytes.
        if (this.#fsync) await syncDir(this.#dir);
      }
      await fh.write(lines.join(''));
      if (this.#fsync) await fh.datasync();
    } finally {
      this.#writing = null;
      // Rotated while writing: nothing will be appended to this generation again.
      const h = this.#handles.get(gen);
      if (gen < this.#gen && h) {
        this.#handles.delete(gen);
        await h.close().catch(() => undefined);
      }
    }
  }
}
