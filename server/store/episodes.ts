import { mkdir, readdir, copyFile, unlink } from 'node:fs/promises';
import { error as logError } from '../log.ts';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile } from './durable-file.ts';
import { Committer } from './committer.ts';
import { VoteJournal } from './journal.ts';
import type { VoteEntry } from './journal.ts';
import { castVote, withdrawVote } from '../domain/vote.ts';
import type { Episode, EpisodeStatus, Id } from '../domain/types.ts';

interface IndexEntry {
  id: Id;
  code: string;
  title: string;
  status: EpisodeStatus;
  file: string;
}

interface IndexFile {
  version: 1;
  episodes: IndexEntry[];
}

interface Slot {
  db: Low<Episode>;
  committer: Committer;
  journal: VoteJournal;
}

/**
 * Serialising a large episode (100,000 votes: 2 MB) keeps the event loop busy for tens of
 * milliseconds, and staff actions or joins during a storm would ask for one several times
 * a second. After each full write, the next waits nine times as long as that one kept the
 * loop busy: full writes take at most a tenth of it, and a small episode (a millisecond)
 * is not held back noticeably. Capped so a staff action is never kept waiting long.
 */
function snapshotGap(busyMs: number): number {
  return Math.min(1_000, busyMs * 19);
}

/** A full write of the episode after this many journaled votes, or this long after the first one: the journal stays short to replay. */
const COMPACT_AFTER_VOTES = 20_000;
const COMPACT_AFTER_MS = 30_000;

export interface DamagedFile {
  file: string;
  reason: string;
}

export interface StoreOptions {
  dataDir: string;
  fsync?: boolean;
  log?: (line: string) => void;
}

/**
 * Episodes live in memory and on disk, one lowdb file each, plus a small index.
 * Callers change the in-memory Episode through the domain rules, then await
 * commit(id): it resolves once those changes are on disk (group commit).
 */
export class EpisodeStore {
  readonly #dir: string;
  readonly #fsync: boolean;
  readonly #log: (line: string) => void;
  readonly #slots = new Map<Id, Slot>();
  readonly #byCode = new Map<string, Id>();
  readonly #index: Low<IndexFile>;
  readonly #indexCommitter: Committer;
  readonly #damaged: DamagedFile[] = [];
  /** Counts the changes made durable per episode (full writes and journaled votes): a cheap "has it changed?" for caches. */
  readonly #versions = new Map<Id, number>();

  private constructor(opts: StoreOptions) {
    this.#dir = opts.dataDir;
    this.#fsync = opts.fsync ?? true;
    this.#log = opts.log ?? logError;
    this.#index = new Low(new DurableJSONFile<IndexFile>(join(this.#dir, 'index.json'), { fsync: this.#fsync }), { version: 1, episodes: [] });
    this.#indexCommitter = new Committer(() => this.#index.write());
  }

  static async open(opts: StoreOptions): Promise<EpisodeStore> {
    const store = new EpisodeStore(opts);
    await store.#load();
    return store;
  }

  /** True when the data folder held no index yet: the caller seeds the sample. */
  fresh = false;

  async #load(): Promise<void> {
    await mkdir(join(this.#dir, 'episodes'), { recursive: true });
    let files: string[];
    let rebuilt = false;
    const episodeFiles = async () =>
      (await readdir(join(this.#dir, 'episodes'))).filter((f) => f.endsWith('.json')).map((f) => `episodes/${f}`);
    try {
      await this.#index.read();
      const hasIndex = (await readdir(this.#dir)).includes('index.json');
      files = this.#index.data.episodes.map((e) => e.file);
      if (!hasIndex) {
        // No index but episode files (a crash before the first index write): rebuild, never "fresh".
        files = await episodeFiles();
        rebuilt = files.length > 0;
      }
      this.fresh = !hasIndex && files.length === 0;
    } catch (err) {
      // The index only mirrors the episode files: keep a copy of the damaged one, rebuild from the folder.
      const copy = `index.json.damaged-${Date.now()}`;
      await copyFile(join(this.#dir, 'index.json'), join(this.#dir, copy));
      this.#log(`kentongan: ${join(this.#dir, 'index.json')} unreadable (${short(err)}); kept a copy as ${copy}, rebuilding from episodes/`);
      files = await episodeFiles();
      this.#index.data = { version: 1, episodes: [] };
      rebuilt = true;
    }
    const entries: IndexEntry[] = [];
    for (const file of files) {
      const db = new Low<Episode>(new DurableJSONFile(join(this.#dir, file), { fsync: this.#fsync }), null as unknown as Episode);
      try {
        await db.read();
        if (!isEpisode(db.data)) throw new Error('not an episode');
      } catch (err) {
        // Never written again: the slot is not kept, so nothing can overwrite the file.
        this.#damaged.push({ file, reason: short(err) });
        this.#log(`kentongan: berkas episode rusak dilewati: ${file} di ${this.#dir} (${short(err)}); berkas tidak diubah`);
        // Stays in the index (a placeholder when the index was rebuilt), so the next start
        // reports it again and no new episode can take its id.
        const kept = this.#index.data.episodes.find((e) => e.file === file);
        entries.push(kept ?? { id: file.replace(/^episodes\//, '').replace(/\.json$/, ''), code: '', title: '', status: 'ended', file });
        continue;
      }
      // Votes since the last full write: replayed through the vote rules, so a repeat is skipped.
      const { entries: votes, gens } = await VoteJournal.read(join(this.#dir, 'episodes'), db.data.id);
      for (const v of votes) {
        const who = { kind: 'listener' as const, listenerId: v.l };
        if (v.op === '+') castVote(db.data, who, v.q);
        else withdrawVote(db.data, who, v.q);
      }
      this.#adopt(db, gens.length ? gens[gens.length - 1]! + 1 : 0);
      // Fold them into the episode file now, so the journal starts empty.
      if (gens.length) await this.#slots.get(db.data.id)!.committer.commit();
      entries.push(entryOf(db.data, file));
    }
    this.#index.data.episodes = entries;
    // Write the rebuilt index now, so the next start neither copies nor logs the same damage again.
    if (rebuilt) await this.#indexCommitter.commit();
  }

  #adopt(db: Low<Episode>, gen = 0): void {
    const e = db.data;
    const journal = new VoteJournal(join(this.#dir, 'episodes'), e.id, { fsync: this.#fsync, gen });
    // A full write starts a new journal generation at the moment it serialises the episode
    // (DurableJSONFile does so synchronously), then deletes the generations it covers.
    const committer = new Committer(() => {
      const gen = journal.rotate();
      return db.write().then(() => journal.dropBefore(gen).catch((err) => this.#log(`kentongan: could not remove old vote journal of ${e.id}: ${short(err)}`)));
    }, { gapAfter: snapshotGap });
    this.#slots.set(e.id, { db, committer, journal });
    this.#byCode.set(e.code, e.id);
  }

  damaged(): readonly DamagedFile[] {
    return this.#damaged;
  }

  list(): Episode[] {
    return [...this.#slots.values()].map((s) => s.db.data);
  }

  get(id: Id): Episode | undefined {
    return this.#slots.get(id)?.db.data;
  }

  byCode(code: string): Episode | undefined {
    const id = this.#byCode.get(code.toUpperCase());
    return id ? this.get(id) : undefined;
  }

  codeTaken(code: string): boolean {
    return this.#byCode.has(code) || this.#index.data.episodes.some((e) => e.code === code);
  }

  /** True when an episode, loaded or damaged, already uses this id. */
  idTaken(id: Id): boolean {
    return this.#slots.has(id) || this.#index.data.episodes.some((x) => x.id === id) || this.#damaged.some((d) => d.file === `episodes/${id}.json`);
  }

  /** Adds a new episode; resolves once its file and the index are on disk. */
  async create(e: Episode): Promise<void> {
    // Never overwrite a file, damaged or not, that belongs to another episode.
    if (this.idTaken(e.id)) throw new Error(`episode id ${e.id} already in use`);
    const file = `episodes/${e.id}.json`;
    const db = new Low<Episode>(new DurableJSONFile(join(this.#dir, file), { fsync: this.#fsync }), e);
    this.#adopt(db);
    this.#index.data.episodes.push(entryOf(e, file));
    await this.#slots.get(e.id)!.committer.commit();
    await this.#indexCommitter.commit();
  }

  /** Changes every time the episode is committed or a vote journaled (never goes back). */
  version(id: Id): number {
    return this.#versions.get(id) ?? 0;
  }

  #bump(id: Id): void {
    this.#versions.set(id, this.version(id) + 1);
  }

  /** Makes the episode's current in-memory state durable. */
  async commit(id: Id): Promise<void> {
    const slot = this.#slots.get(id);
    if (!slot) throw new Error(`unknown episode ${id}`);
    this.#bump(id);
    const e = slot.db.data;
    const entry = this.#index.data.episodes.find((x) => x.id === id);
    const indexChanged = entry && (entry.title !== e.title || entry.status !== e.status);
    if (entry && indexChanged) Object.assign(entry, { title: e.title, status: e.status });
    await Promise.all([slot.committer.commit(), indexChanged ? this.#indexCommitter.commit() : undefined]);
  }

  /** The episode's next full write starts without waiting out its gap (see Committer.hurry). */
  hurry(id: Id): void {
    this.#slots.get(id)?.committer.hurry();
  }

  /**
   * Makes one vote durable by appending it to the episode's vote journal (the in-memory
   * episode already holds it): a line instead of rewriting the whole file.
   */
  async journal(id: Id, entry: VoteEntry): Promise<void> {
    const slot = this.#slots.get(id);
    if (!slot) throw new Error(`unknown episode ${id}`);
    this.#bump(id);
    const written = slot.journal.append(entry);
    const j = slot.journal;
    if (j.pending >= COMPACT_AFTER_VOTES || Date.now() - j.rotatedAt > COMPACT_AFTER_MS) this.#compactSoon(slot, id);
    await written;
  }

  readonly #compacting = new Set<Id>();
  /** A full write in the background (votes keep their own acknowledgements). */
  #compactSoon(slot: Slot, id: Id): void {
    if (this.#compacting.has(id)) return;
    this.#compacting.add(id);
    slot.committer.commit().catch((err) => this.#log(`kentongan: could not save episode ${id}: ${short(err)}`)).finally(() => this.#compacting.delete(id));
  }

  async delete(id: Id): Promise<void> {
    const slot = this.#slots.get(id);
    if (!slot) return;
    await slot.committer.idle();
    await slot.journal.close();
    await slot.journal.dropBefore(Number.MAX_SAFE_INTEGER);
    this.#slots.delete(id);
    this.#byCode.delete(slot.db.data.code);
    const entry = this.#index.data.episodes.find((x) => x.id === id);
    this.#index.data.episodes = this.#index.data.episodes.filter((x) => x.id !== id);
    await this.#indexCommitter.commit();
    if (entry) await unlink(join(this.#dir, entry.file)).catch(() => undefined);
  }

  /** Writes completed across all episode files since start. */
  writes(): number {
    let n = 0;
    for (const s of this.#slots.values()) n += s.committer.writes + s.journal.writes;
    return n;
  }

  /** Waits for every pending write; used on SIGTERM and in tests. */
  async flush(): Promise<void> {
    // Journaled votes first, then one full write that folds them in and empties the journal.
    await Promise.all([...this.#slots.values()].map(async (s) => {
      await s.journal.close();
      if (s.journal.pending > 0) await s.committer.commit();
    }));
    await Promise.all([...this.#slots.values()].map((s) => s.committer.idle()));
    await this.#indexCommitter.idle();
  }
}

function entryOf(e: Episode, file: string): IndexEntry {
  return { id: e.id, code: e.code, title: e.title, status: e.status, file };
}

function isEpisode(x: unknown): x is Episode {
  const e = x as Episode | null;
  return !!e && typeof e.id === 'string' && typeof e.code === 'string' && Array.isArray(e.questions) && Array.isArray(e.notes);
}

function short(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);
}
