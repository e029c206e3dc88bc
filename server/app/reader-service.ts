// The reader side of the public episode pages: who a reader is (a signed cookie token), the
// view count and the reader poll, over the ReaderStore. A vote is acknowledged only once it
// is on disk; views are written every few seconds (a view acknowledges nothing to anyone,
// and writing the file per page view would cost more than the page).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';
import { dateInZone } from '../contract/zone.ts';
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import type { ReaderStats } from '../contract/reader.ts';
import type { Id } from '../contract/types.ts';
import { castReaderVote, countView, hasVoted, readerStats } from '../domain/reader.ts';
import type { ViewDay } from '../domain/reader.ts';
import type { ReaderStore } from '../store/readers.ts';

/** The token's shape: r.<16 random>.<22 signature>, nothing else reaches the map or the file. */
const TOKEN = /^r\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})$/;
/** How stale the "N Dilihat" on a cached page may be: it is re-rendered at most this often. */
export const VIEWS_SHOWN_MS = 30_000;
const VIEWS_WRITE_MS = 5_000;
/** Keys remembered per episode per day; past it a view still counts, deduplication stops. */
const SEEN_MAX = 200_000;

export interface ReaderServiceDeps {
  store: ReaderStore;
  /** A server secret (the listener secret): tokens are signed with a key derived from it. */
  secret: string;
  now: () => number;
  /** Written views every few seconds; false in tests that flush by hand. */
  autoWrite?: boolean;
  log: (line: string) => void;
}

export type ReaderVote = { ok: true; stats: ReaderStats } | { ok: false; error: DomainError };

export class ReaderService {
  readonly #deps: ReaderServiceDeps;
  readonly #key: Buffer;
  readonly #days = new Map<Id, ViewDay>();
  readonly #shown = new Map<Id, { at: number; views: number }>();
  /** Bumped per counted vote of an episode: part of its cached page's key. */
  readonly #votes = new Map<Id, number>();
  #dirty = false;
  readonly #dayCache = new Map<string, { minute: number; day: string }>();
  readonly #timer: NodeJS.Timeout | null;

  constructor(deps: ReaderServiceDeps) {
    this.#deps = deps;
    this.#key = createHmac('sha256', deps.secret).update('kentongan reader token').digest();
    this.#timer = deps.autoWrite === false ? null : setInterval(() => void this.writeViews(), VIEWS_WRITE_MS);
    this.#timer?.unref();
  }

  #sign(id: string): string {
    return createHmac('sha256', this.#key).update(id).digest('base64url').slice(0, 22);
  }

  /** A new reader's token (the cookie's value). */
  issue(): string {
    const id = nanoid(16);
    return `r.${id}.${this.#sign(id)}`;
  }

  /** The reader's key from a cookie value, or null when there is none or it is not ours. */
  readerOf(token: string | undefined): string | null {
    const m = token ? TOKEN.exec(token) : null;
    if (!m) return null;
    const want = Buffer.from(this.#sign(m[1]!));
    const got = Buffer.from(m[2]!);
    return want.length === got.length && timingSafeEqual(want, got) ? m[1]! : null;
  }

  /** Counts a view of a published episode's page by the reader's keys (their token). */
  view(id: Id, timeZone: string, keys: readonly string[]): boolean {
    const day = this.#dayIn(timeZone);
    let today = this.#days.get(id);
    if (!today || today.day !== day) this.#days.set(id, (today = { day, seen: new Set() }));
    if (today.seen.size >= SEEN_MAX) today.seen.clear();
    const counted = countView(this.#deps.store.record(id), today, keys);
    if (counted) this.#dirty = true;
    return counted;
  }

  /** The calendar day in a zone, worked out again once a minute (Intl is slow per request). */
  #dayIn(timeZone: string): string {
    const minute = Math.floor(this.#deps.now() / 60_000);
    const hit = this.#dayCache.get(timeZone);
    if (hit && hit.minute === minute) return hit.day;
    const day = dateInZone(new Date(minute * 60_000).toISOString(), timeZone);
    this.#dayCache.set(timeZone, { minute, day });
    return day;
  }

  /** "N Dilihat" as the cached page shows it: refreshed at most every VIEWS_SHOWN_MS. */
  viewsShown(id: Id): number {
    const now = this.#deps.now();
    const s = this.#shown.get(id);
    if (s && now - s.at < VIEWS_SHOWN_MS) return s.views;
    const views = this.#deps.store.find(id)?.views ?? 0;
    this.#shown.set(id, { at: now, views });
    return views;
  }

  voted(id: Id, reader: string | null): boolean {
    return hasVoted(this.#deps.store.find(id), reader);
  }

  /** Changes with every counted vote of the episode (the cached results page's key). */
  votesVersion(id: Id): number {
    return this.#votes.get(id) ?? 0;
  }

  stats(id: Id): ReaderStats {
    return readerStats(this.#deps.store.find(id));
  }

  /** Counts the reader's vote once it is on disk; a refused or unsaved one changes nothing. */
  async vote(id: Id, reader: string | null, option: unknown): Promise<ReaderVote> {
    if (reader === null) return fail('reader_token_missing');
    const rec = this.#deps.store.record(id);
    const out = castReaderVote(rec, reader, option);
    if (!out.ok) return out;
    try {
      await this.#deps.store.commit();
    } catch (err) {
      // The document went back to what is on disk (JsonDocument): this vote is not there.
      this.#deps.log(`kentongan: tanggapan pembaca tidak tersimpan: ${err instanceof Error ? err.message : String(err)}`);
      return fail('not_saved');
    }
    this.#dirty = false;
    this.#votes.set(id, this.votesVersion(id) + 1);
    this.#shown.delete(id);
    return { ok: true, stats: this.stats(id) };
  }

  /** Writes the views counted since the last write. */
  async writeViews(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    try {
      await this.#deps.store.commit();
    } catch (err) {
      this.#deps.log(`kentongan: jumlah pembaca tidak tersimpan: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.writeViews();
    await this.#deps.store.flush();
  }
}
