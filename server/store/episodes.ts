import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { error as logError } from '../log.ts';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile, DURABLE_TEMP } from './durable-file.ts';
import { JsonDocument } from './document.ts';
import { Recovery } from './recovery.ts';
import type { RecoveredFile } from './recovery.ts';
import { episodeShape, indexShape, shapeProblem } from './shapes.ts';
import { Committer } from './committer.ts';
import { VoteJournal } from './journal.ts';
import { replayEntry } from '../domain/replay.ts';
import type { JournalEntry } from '../domain/changes.ts';
import type { Episode, EpisodeStatus, Id } from '../contract/types.ts';
import { isId } from '../contract/ids.ts';
import { insideDir } from './paths.ts';
import { normalizeCode } from '../contract/join-code.ts';

/** The only file names an episode has: `episodes/<id>.json` with an id the server could have made. */
const EPISODE_FILE = /^episodes\/[A-Za-z0-9_-]{1,40}\.json$/;

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
  doc: JsonDocument<Episode, number>;
  journal: VoteJournal;
  /**
   * The journaled changes applied in memory since the state on disk was serialised, by the journal
   * generation current when each run began: what a failed full write replays on top of
   * the episode file to put memory back as a restart would find it.
   */
  since: Array<{ gen: number; entries: JournalEntry[] }>;
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
  /** Shared with the other stores so /api/health lists every recovered file; one of its own otherwise. */
  recovery?: Recovery;
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
  readonly #recovery: Recovery;
  /** Counts the changes made durable per episode (full writes and journaled votes): a cheap "has it changed?" for caches. */
  readonly #versions = new Map<Id, number>();

  private constructor(opts: StoreOptions) {
    this.#dir = opts.dataDir;
    this.#fsync = opts.fsync ?? true;
    this.#log = opts.log ?? logError;
    this.#recovery = opts.recovery ?? new Recovery(opts.dataDir, this.#log);
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
    const folder = join(this.#dir, 'episodes');
    await mkdir(folder, { recursive: true });
    await this.#sweepTemps([this.#dir, folder]);
    const inFolder = (await readdir(folder)).filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => `episodes/${f}`);
    const indexPath = join(this.#dir, 'index.json');
    const hasIndex = (await readdir(this.#dir)).includes('index.json');
    let listed: IndexEntry[] = [];
    let rebuilt = false;
    if (hasIndex) {
      let problem: string | null;
      try {
        const raw: unknown = JSON.parse(await readFile(indexPath, 'utf8'));
        problem = shapeProblem(indexShape, raw);
        if (!problem) listed = (raw as IndexFile).episodes;
      } catch (err) {
        problem = short(err);
      }
      // The index only mirrors the episode files: keep a copy of the damaged one, rebuild from the folder.
      if (problem) {
        await this.#recovery.keep(indexPath, problem, 'daftar episode dibangun ulang dari episodes/');
        rebuilt = true;
      }
    }
    this.fresh = !hasIndex && inFolder.length === 0;
    // Reconciled with the folder: an episode file the index does not list (an index written
    // empty, an older copy restored, a crash before the first index write) is loaded too,
    // so no episode is left unlisted and its id can never be handed out again.
    const files = [...new Set(listed.map((e) => e.file))];
    const unlisted = inFolder.filter((f) => !files.includes(f));
    if (unlisted.length) {
      if (hasIndex && !rebuilt) this.#log(`kentongan: ${unlisted.length} berkas episode tidak tercatat di ${indexPath}; ditambahkan: ${unlisted.slice(0, 5).join(', ')}${unlisted.length > 5 ? ', …' : ''}`);
      files.push(...unlisted);
      rebuilt = true;
    }
    this.#index.data = { version: 1, episodes: listed };
    const entries: IndexEntry[] = [];
    for (const file of files) {
      // An index entry is data too: one naming a file outside episodes/ (an import on older
      // code could make one) is never opened, written or deleted.
      const path = EPISODE_FILE.test(file) ? insideDir(join(this.#dir, 'episodes'), file.slice('episodes/'.length)) : null;
      const slot = this.#slot(path ?? '');
      let data: Episode | null;
      try {
        if (!path) throw new Error('not a file name the server makes');
        data = await slot.doc.read();
        if (data === null) throw new Error('berkas tidak ada');
        const problem = shapeProblem(episodeShape, data);
        if (problem) throw new Error(problem);
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
      // Changes since the last full write, in the order made (a vote through the vote rules).
      // Generations before the file's journalGen are in the file already (a crash before their
      // deletion); a file from before journalGen existed replays all, as it always did.
      const { entries: journaled, gens, bad } = await VoteJournal.read(folder, data.id, data.journalGen ?? 0);
      // A garbage line in the middle is not a torn write: keep the file before the fold below deletes it.
      for (const b of bad) {
        await this.#recovery.keep(VoteJournal.pathOf(folder, data.id, b.gen), `baris ${b.lines.join(', ')} tidak terbaca`, 'suara lain di berkas ini dipulihkan');
      }
      // The same function the vote handler applied them with: a refused one is skipped.
      for (const entry of journaled) replayEntry(data, entry);
      // Not in the file yet: a failed fold below replays them again.
      slot.since = [{ gen: -1, entries: journaled }];
      // Never a generation the file says it holds already (a restored backup carries journalGen).
      this.#adopt(slot, data, Math.max(data.journalGen ?? 0, gens.length ? gens[gens.length - 1]! + 1 : 0));
      // Fold them into the episode file now, so the journal starts empty.
      if (gens.length) await slot.doc.commit();
      entries.push(entryOf(data, file));
    }
    this.#index.data = { version: 1, episodes: entries };
    // Write the rebuilt index now, so the next start neither copies nor logs the same damage again.
    if (rebuilt) await this.#indexCommitter.commit();
  }

  /** An episode file's document; the journal is opened by #adopt once the episode's id is known. */
  #slot(path: string): Slot {
    const slot: Slot = {
      // A full write starts a new journal generation at the moment it serialises the episode
      // (DurableJSONFile does so synchronously), then deletes the generations it covers.
      doc: new JsonDocument<Episode, number>(path, () => null as unknown as Episode, {
        fsync: this.#fsync,
        gapAfter: snapshotGap,
        beforeWrite: () => {
          const gen = slot.journal.rotate();
          slot.since.push({ gen, entries: [] });
          // Serialised with the file: it holds every line of the generations before this one.
          slot.doc.data.journalGen = gen;
          return gen;
        },
        written: (gen) => {
          slot.since = slot.since.filter((run) => run.gen >= gen);
          const id = slot.doc.data.id;
          return slot.journal.dropBefore(gen).catch((err) => this.#log(`kentongan: could not remove old vote journal of ${id}: ${short(err)}`));
        },
        // As a restart would find it: the file, then the changes journaled since it was written.
        restore: (onDisk) => {
          for (const run of slot.since) for (const entry of run.entries) replayEntry(onDisk, entry);
          return onDisk;
        },
      }),
      journal: null as unknown as VoteJournal,
      since: [{ gen: -1, entries: [] }],
    };
    return slot;
  }

  #adopt(slot: Slot, e: Episode, gen = 0): void {
    slot.journal = new VoteJournal(join(this.#dir, 'episodes'), e.id, { fsync: this.#fsync, gen });
    this.#slots.set(e.id, slot);
    // Normalised: an import on older code could store "sd7air" beside "SD7AIR".
    this.#byCode.set(normalizeCode(e.code), e.id);
  }

  /**
   * Every file of the store as a full write would make it at this moment, built
   * synchronously: one state between two changes, votes journaled or not (memory holds
   * them all), so no journal is needed beside it. Files found damaged at start are only
   * named: they are never written again, so the caller copies them as they are.
   */
  snapshot(): { files: Array<{ name: string; text: string }>; damaged: string[] } {
    const files = [{ name: 'index.json', text: JSON.stringify(this.#index.data) }];
    for (const entry of this.#index.data.episodes) {
      const slot = this.#slots.get(entry.id);
      if (slot) files.push({ name: entry.file, text: slot.doc.snapshot() });
    }
    return { files, damaged: this.#damaged.map((d) => d.file) };
  }

  damaged(): readonly DamagedFile[] {
    return this.#damaged;
  }

  /** Files found wrongly shaped at this start, copied aside and rebuilt (every store's, when they share one Recovery). */
  recovered(): readonly RecoveredFile[] {
    return this.#recovery.files;
  }

  /** Temp files of writes that never finished (a crash, a full disk): never the data, safe to remove. */
  async #sweepTemps(dirs: string[]): Promise<void> {
    for (const dir of dirs) {
      for (const f of await readdir(dir)) {
        if (!DURABLE_TEMP.test(f)) continue;
        await unlink(join(dir, f)).catch(() => undefined);
        this.#log(`kentongan: berkas sementara dari penulisan yang gagal dihapus: ${join(dir, f)}`);
      }
    }
  }

  list(): Episode[] {
    return [...this.#slots.values()].map((s) => s.doc.data);
  }

  get(id: Id): Episode | undefined {
    return this.#slots.get(id)?.doc.data;
  }

  /** By a join code as typed or sent ("sd7 air"): normalised here, the one place lookups go through. */
  byCode(code: string): Episode | undefined {
    const id = this.#byCode.get(normalizeCode(code));
    return id ? this.get(id) : undefined;
  }

  /** Compared normalised (codes are stored upper-case; older imports may not be). */
  codeTaken(code: string): boolean {
    const wanted = normalizeCode(code);
    return this.#byCode.has(wanted) || this.#index.data.episodes.some((e) => normalizeCode(e.code) === wanted);
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
    const path = isId(e.id) ? insideDir(join(this.#dir, 'episodes'), `${e.id}.json`) : null;
    if (!path) throw new Error(`episode id ${JSON.stringify(e.id).slice(0, 60)} is not one the server makes`);
    const slot = this.#slot(path);
    slot.doc.replace(e);
    this.#adopt(slot, e);
    this.#index.data.episodes.push(entryOf(e, file));
    try {
      await slot.doc.commit();
    } catch (err) {
      // Never on disk: the episode does not exist, and its id and code are free again.
      this.#slots.delete(e.id);
      this.#byCode.delete(normalizeCode(e.code));
      this.#index.data.episodes = this.#index.data.episodes.filter((x) => x.id !== e.id);
      await slot.journal.close();
      throw err;
    }
    await this.#indexCommitter.commit();
  }

  /** Changes every time the episode is committed or a vote journaled (never goes back). */
  version(id: Id): number {
    return this.#versions.get(id) ?? 0;
  }

  #bump(id: Id): void {
    this.#versions.set(id, this.version(id) + 1);
  }

  /**
   * Makes the episode's current in-memory state durable. When the write fails, the
   * episode in memory is put back as it is on disk (the file, then its journaled votes),
   * and every commit waiting for the same write fails too (see JsonDocument): get(id)
   * returns that restored episode from then on.
   */
  async commit(id: Id): Promise<void> {
    const slot = this.#slots.get(id);
    if (!slot) throw new Error(`unknown episode ${id}`);
    this.#bump(id);
    const e = slot.doc.data;
    const entry = this.#index.data.episodes.find((x) => x.id === id);
    const indexChanged = entry && (entry.title !== e.title || entry.status !== e.status);
    if (entry && indexChanged) Object.assign(entry, { title: e.title, status: e.status });
    try {
      await Promise.all([slot.doc.commit(), indexChanged ? this.#indexCommitter.commit() : undefined]);
    } catch (err) {
      // The index mirrors the episode as it is now (the next index write carries it).
      const now = slot.doc.data;
      if (entry) Object.assign(entry, { title: now.title, status: now.status });
      throw err;
    }
  }

  /** The episode's next full write starts without waiting out its gap (see Committer.hurry). */
  hurry(id: Id): void {
    this.#slots.get(id)?.doc.hurry();
  }

  /**
   * Makes one change durable by appending it to the episode's journal (the in-memory
   * episode already holds it): a line instead of rewriting the whole file.
   */
  journal(id: Id, entry: JournalEntry): Promise<void> {
    const slot = this.#slots.get(id);
    if (!slot) return Promise.reject(new Error(`unknown episode ${id}`));
    this.#bump(id);
    const run = slot.since[slot.since.length - 1]!;
    // A question is replayed as it is now, not as it will be after later changes.
    const kept: JournalEntry = 'question' in entry ? { question: structuredClone(entry.question) } : entry;
    run.entries.push(kept);
    const written = slot.journal.append(entry);
    const j = slot.journal;
    if (j.pending >= COMPACT_AFTER_VOTES || Date.now() - j.rotatedAt > COMPACT_AFTER_MS) this.#compactSoon(slot, id);
    return written.catch((err: unknown) => {
      // Not on disk: a later rollback must not replay it (the caller takes it back from memory).
      const at = run.entries.lastIndexOf(kept);
      if (at >= 0) run.entries.splice(at, 1);
      throw err;
    });
  }

  readonly #compacting = new Set<Id>();
  /** A full write in the background (votes keep their own acknowledgements). */
  #compactSoon(slot: Slot, id: Id): void {
    if (this.#compacting.has(id)) return;
    this.#compacting.add(id);
    slot.doc.commit().catch((err) => this.#log(`kentongan: could not save episode ${id}: ${short(err)}`)).finally(() => this.#compacting.delete(id));
  }

  async delete(id: Id): Promise<void> {
    const slot = this.#slots.get(id);
    if (!slot) return;
    await slot.doc.flush();
    await slot.journal.close();
    await slot.journal.dropBefore(Number.MAX_SAFE_INTEGER);
    this.#slots.delete(id);
    this.#byCode.delete(normalizeCode(slot.doc.data.code));
    const entry = this.#index.data.episodes.find((x) => x.id === id);
    this.#index.data.episodes = this.#index.data.episodes.filter((x) => x.id !== id);
    await this.#indexCommitter.commit();
    const path = entry && EPISODE_FILE.test(entry.file) ? insideDir(join(this.#dir, 'episodes'), entry.file.slice('episodes/'.length)) : null;
    if (path) await unlink(path).catch(() => undefined);
  }

  /** Writes completed across all episode files since start. */
  writes(): number {
    let n = 0;
    for (const s of this.#slots.values()) n += s.doc.writes + s.journal.writes;
    return n;
  }

  /** Waits for every pending write; used on SIGTERM and in tests. */
  async flush(): Promise<void> {
    // Journaled votes first, then one full write that folds them in and empties the journal.
    await Promise.all([...this.#slots.values()].map(async (s) => {
      await s.journal.close();
      if (s.journal.pending > 0) await s.doc.commit();
    }));
    await Promise.all([...this.#slots.values()].map((s) => s.doc.flush()));
    await this.#indexCommitter.idle();
  }
}

function entryOf(e: Episode, file: string): IndexEntry {
  return { id: e.id, code: e.code, title: e.title, status: e.status, file };
}

function short(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);
}
