import { nanoid } from 'nanoid';
import type { Lexicon } from '../domain/moderation/lexicon.ts';
import { fail } from '../contract/errors.ts';
import type { AspirationChange } from '../domain/changes.ts';
import { codesInUse } from '../domain/aspiration.ts';
import { notulaAspirations } from '../domain/planner.ts';
import { opdInUse } from '../domain/aspiration-plan.ts';
import type { Ctx, Result } from '../domain/result.ts';
import type { Aspiration, District, Episode, Id, NotulaAspiration } from '../contract/types.ts';
import type { AspirationStore } from '../store/aspirations.ts';
import type { DistrictStore } from '../store/district.ts';
import type { EpisodeService, Outcome } from './episode-service.ts';

export interface AspirationServiceDeps {
  store: AspirationStore;
  district: DistrictStore;
  episodes: EpisodeService;
  /** Receives the changes of every committed command (the realtime broadcaster). */
  publish: (changes: AspirationChange[]) => void;
  log?: (line: string) => void;
  now?: () => Date;
  /** The flags' word list with the admin's changes (app/moderation-service.ts). */
  lexicon?: () => Lexicon;
  /** The blocked listeners (app/moderation-service.ts). */
  blocked?: () => ReadonlySet<string>;
}

/** What a rule over aspirations gets: the list to change, the district to check against, the episodes to look up. */
export interface Desk {
  list: Aspiration[];
  district: District;
  episode: (id: Id) => Episode | undefined;
  /** The admin's OPD list (read only here; see changeOpd). */
  opd: readonly string[];
}

/**
 * The imperative shell around the aspiration and district rules, like EpisodeService:
 * apply a rule in memory, make it durable (group commit), then publish, then answer.
 */
export class AspirationService {
  constructor(private deps: AspirationServiceDeps) {}

  ctx(): Ctx {
    return { now: (this.deps.now?.() ?? new Date()).toISOString(), newId: () => nanoid(12), lexicon: this.deps.lexicon?.(), blocked: this.deps.blocked?.() };
  }

  get list(): readonly Aspiration[] {
    return this.deps.store.list;
  }

  get district(): District {
    return this.deps.district.district;
  }

  /** Writes of the usulan and district files made durable so far: with the objects in memory, what a public page's cache keys on. */
  get writes(): number {
    return this.deps.store.writes + this.deps.district.writes;
  }

  get episodes(): EpisodeService {
    return this.deps.episodes;
  }

  desk(): Desk {
    return { list: this.deps.store.list, district: this.deps.district.district, episode: (id) => this.deps.episodes.find(id), opd: this.deps.district.opd };
  }

  /** Applies a rule to the aspirations; on success waits for the disk, then publishes. */
  async run<T>(rule: (desk: Desk, ctx: Ctx) => Result<T>): Promise<Outcome<T>> {
    const result = rule(this.desk(), this.ctx());
    if (!result.ok) return result;
    if (result.changes.length === 0) return { ok: true, value: result.value };
    const saved = await this.#saved(this.deps.store, 'aspirations', result.value);
    if (saved.ok) this.deps.publish(result.changes as AspirationChange[]);
    return saved;
  }

  /** Like run, for a rule that needs one episode (submitting during a show). */
  async runInEpisode<T>(episodeId: Id, rule: (desk: Desk, e: Episode, ctx: Ctx) => Result<T>): Promise<Outcome<T>> {
    const e = this.deps.episodes.find(episodeId);
    if (!e) return fail('episode_not_found');
    return this.run((desk, ctx) => rule(desk, e, ctx));
  }

  /** Changes the district settings; they are checked against the codes aspirations use. */
  async changeDistrict(rule: (district: District, inUse: ReturnType<typeof codesInUse>) => Result<District>): Promise<Outcome<District>> {
    const result = rule(this.deps.district.district, codesInUse(this.deps.store.list));
    return result.ok ? this.#saved(this.deps.district, 'the district settings', result.value) : result;
  }

  get opd(): readonly string[] {
    return this.deps.district.opd;
  }

  /** Changes the OPD list, kept in the district file; names that usulan use must stay. */
  async changeOpd(rule: (opd: string[], inUse: ReadonlySet<string>) => Result<string[]>): Promise<Outcome<string[]>> {
    const result = rule(this.deps.district.opd, opdInUse(this.deps.store.list));
    return result.ok ? this.#saved(this.deps.district, 'the OPD list', [...result.value]) : result;
  }

  /** Waits for the disk. A failed write has put the store back as it is on disk (see JsonDocument): the change is gone, and the caller is told so. */
  async #saved<T>(store: { commit(): Promise<void> }, what: string, value: T): Promise<Outcome<T>> {
    try {
      await store.commit();
    } catch (err) {
      this.deps.log?.(`kentongan: could not save ${what}: ${(err as Error).message}`);
      return fail('not_saved');
    }
    return { ok: true, value };
  }

  /**
   * Changes whenever a write of the usulan or the district (whose names they print) has
   * finished, either way: the public pages rebuild what they keep from them when it does.
   */
  get version(): string {
    return `${this.deps.store.settled}.${this.deps.district.settled}`;
  }

  /** The notula's aspiration section: an imported episode brings its own. */
  notulaFor(e: Episode): NotulaAspiration[] {
    return e.archivedAspirations ?? notulaAspirations(this.deps.store.list, this.deps.district.district, e.id);
  }

  async flush(): Promise<void> {
    await Promise.all([this.deps.store.flush(), this.deps.district.flush()]);
  }
}
