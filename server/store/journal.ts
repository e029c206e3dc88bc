import { open, readdir, readFile, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Committer } from './committer.ts';
import type { Id } from '../contract/types.ts';
import { isId } from '../contract/ids.ts';
import { insideDir } from './paths.ts';
import { syncDir } from './durable-file.ts';
import type { VoteCommand } from '../domain/vote.ts';

/** A vote command as one JSON line: short keys, as a storm writes tens of thousands of them. */
interface VoteLine {
  op: '+' | '-';
  q: Id;
  l: Id;
}

const lineOf = (v: VoteCommand): VoteLine => ({ op: v.op, q: v.questionId, l: v.listenerId });
const commandOf = (e: VoteLine): VoteCommand => ({ op: e.op, questionId: e.q, listenerId: e.l });

/**
 * The votes of one episode since its last full write, appended to `episodes/<id>.<gen>.votes`.
 *
 * Rewriting a 2 MB episode file for every batch of votes costs tens of milliseconds of
 * JSON.stringify each time; appending the batch's lines costs a small write and an fdatasync.
 * Group commit as for the episode file: votes arriving while a write runs share the next
 * one, and each is acknowledged after the write that holds it.
 *
 * Each full write of the episode starts a new generation first (rotate), so the full write
 * holds every vote before it and the older generations can be deleted once it is on disk.
 * Lines always go to the generation current when they are written, in the order the votes
 * were made; a line written just after a rotation may repeat a vote the full write already
 * holds. Loading replays every generation found through the vote rules (see EpisodeStore),
 * which makes a repeat harmless: a vote already counted, or on a question no longer open,
 * is refused and skipped.
 */
export class VoteJournal {
  readonly #dir: string;
  readonly #id: Id;
  readonly #fsync: boolean;
  readonly #committer: Committer;
  readonly #handles = new Map<number, FileHandle>();
  #gen: number;
  /** The generation a write is appending to right now, if any. */
  #writing: number | null = null;
  #lines: string[] = [];
  /** Entries appended since the last rotation. */
  pending = 0;
  /** When the last rotation happened (ms since epoch). */
  rotatedAt = Date.now();

  constructor(dir: string, id: Id, opts: { fsync: boolean; gen: number }) {
    this.#dir = dir;
    this.#id = id;
    this.#fsync = opts.fsync;
    this.#gen = opts.gen;
    this.#committer = new Committer(() => this.#write());
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

  /** Every complete line of every generation, oldest first. A torn last line (a crash mid-write) was never acknowledged and is skipped; an unreadable complete line is skipped and named in `bad` (1-based line numbers). */
  static async read(dir: string, id: Id): Promise<{ entries: VoteCommand[]; gens: number[]; bad: Array<{ gen: number; lines: number[] }> }> {
    const gens = await VoteJournal.generations(dir, id);
    const entries: VoteCommand[] = [];
    const bad: Array<{ gen: number; lines: number[] }> = [];
    for (const gen of gens) {
      const text = await readFile(VoteJournal.pathOf(dir, id, gen), 'utf8');
      const lines = text.split('\n');
      lines.pop(); // after the last newline: empty, or a torn line
      const badLines: number[] = [];
      lines.forEach((line, i) => {
        let e: VoteLine | null = null;
        try {
          e = JSON.parse(line) as VoteLine;
        } catch {
          /* reported below */
        }
        if (e && (e.op === '+' || e.op === '-') && typeof e.q === 'string' && typeof e.l === 'string') entries.push(commandOf(e));
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

  /** Resolves once the vote is on disk. */
  append(vote: VoteCommand): Promise<void> {
    this.#lines.push(`${JSON.stringify(lineOf(vote))}\n`);
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

  /** Deletes the generations before `gen` (the full write that covers them is on disk). */
  async dropBefore(gen: number): Promise<void> {
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
    const lines = this.#lines;
    this.#lines = [];
    if (lines.length === 0) return;
    const gen = this.#gen;
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
