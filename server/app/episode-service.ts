import { customAlphabet, nanoid } from 'nanoid';
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import type { Change } from '../domain/changes.ts';
import type { Ctx, Result } from '../domain/result.ts';
import type { Episode, Id } from '../contract/types.ts';
import type { EpisodeStore } from '../store/episodes.ts';
import type { VoteEntry } from '../store/journal.ts';

import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../contract/join-code.ts';

const newCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export interface EpisodeServiceDeps {
  store: EpisodeStore;
  /** Receives the changes of every committed command (the realtime broadcaster). */
  publish: (episode: Episode, changes: Change[]) => void;
  log?: (line: string) => void;
  now?: () => Date;
}

/**
 * The imperative shell around the domain rules: find the episode, apply a rule,
 * make the change durable, then publish it. Both socket handlers and HTTP routes
 * go through here, so the two can never disagree.
 */
export class EpisodeService {
  /**
   * Full writes not yet on disk that a vote may rest on, by episode id (status) and by
   * `episodeId/questionId` (approved, merged, votes moved). A vote is journaled on its
   * own, and its journal line can reach the disk before the write that approved its
   * question: acknowledged then, it would be refused when the journal is replayed after
   * a crash. So a vote is acknowledged only once those writes are on disk too.
   */
  readonly #unsettled = new Map<string, Promise<void>>();

  constructor(private deps: EpisodeServiceDeps) {}

  ctx(): Ctx {
    return { now: (this.deps.now?.() ?? new Date()).toISOString(), newId: () => nanoid(12) };
  }

  get store(): EpisodeStore {
    return this.deps.store;
  }

  find(id: Id): Episode | undefined {
    return this.deps.store.get(id);
  }

  newCode(): string {
    for (;;) {
      const code = newCode();
      if (!this.deps.store.codeTaken(code)) return code;
    }
  }

  /** Applies `rule` to the episode; on success waits for the disk, then publishes. */
  async run<T, V = T>(episodeId: Id, rule: (e: Episode, ctx: Ctx) => Result<T>, present?: (value: T) => V): Promise<Outcome<V>> {
    const e = this.deps.store.get(episodeId);
    if (!e) return fail('episode_not_found');
    const result = rule(e, this.ctx());
    if (!result.ok) return result;
    // The answer describes the state this command made, taken before later commands
    // sharing the same write can change the same object.
    const value = present ? present(result.value) : (result.value as unknown as V);
    if (result.changes.length === 0) return { ok: true, value };
    try {
      await this.#track(episodeId, result.changes, this.deps.store.commit(episodeId));
    } catch (err) {
      this.deps.log?.(`kentongan: could not save episode ${episodeId}: ${(err as Error).message}`);
      return fail('internal');
    }
    this.deps.publish(e, result.changes);
    return { ok: true, value };
  }

  /**
   * Like run, for a vote: made durable by one line in the episode's vote journal instead of
   * a rewrite of the whole episode file (see store/journal.ts).
   */
  async vote(episodeId: Id, entry: VoteEntry, rule: (e: Episode) => Result<number>): Promise<Outcome<number>> {
    const e = this.deps.store.get(episodeId);
    if (!e) return fail('episode_not_found');
    const result = rule(e);
    if (!result.ok) return result;
    if (result.changes.length === 0) return { ok: true, value: result.value };
    const restsOn = [this.#unsettled.get(episodeId), this.#unsettled.get(`${episodeId}/${entry.q}`)].filter((p) => p !== undefined);
    // A full write may be waiting out its gap (store/episodes.ts): a vote waiting on it should not.
    if (restsOn.length) this.deps.store.hurry(episodeId);
    try {
      await Promise.all([this.deps.store.journal(episodeId, entry), ...restsOn]);
    } catch (err) {
      this.deps.log?.(`kentongan: could not save a vote in episode ${episodeId}: ${(err as Error).message}`);
      return fail('internal');
    }
    this.deps.publish(e, result.changes);
    return { ok: true, value: result.value };
  }

  #track(episodeId: Id, changes: Change[], saved: Promise<void>): Promise<void> {
    const keys = new Set<string>();
    for (const c of changes) {
      if (c.kind === 'episode') keys.add(episodeId);
      else if (c.kind === 'question') keys.add(`${episodeId}/${c.question.id}`);
      else if (c.kind === 'votes') keys.add(`${episodeId}/${c.questionId}`);
    }
    if (keys.size === 0) return saved;
    for (const k of keys) this.#unsettled.set(k, saved);
    const settle = () => {
      for (const k of keys) if (this.#unsettled.get(k) === saved) this.#unsettled.delete(k);
    };
    saved.then(settle, settle);
    return saved;
  }

  async create(build: (ctx: Ctx, code: string) => Result<Episode>): Promise<Outcome<Episode>> {
    const result = build(this.ctx(), this.newCode());
    if (!result.ok) return result;
    await this.deps.store.create(result.value);
    return { ok: true, value: result.value };
  }
}
