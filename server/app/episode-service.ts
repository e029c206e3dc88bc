import { customAlphabet, nanoid } from 'nanoid';
import type { Lexicon } from '../domain/moderation/lexicon.ts';
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import type { Change } from '../domain/changes.ts';
import type { Ctx, Result } from '../domain/result.ts';
import type { Episode, Id } from '../contract/types.ts';
import type { EpisodeStore } from '../store/episodes.ts';
import { undoVote } from '../domain/vote.ts';
import { revertChanges } from '../domain/revert.ts';
import { journalEntries } from '../domain/replay.ts';
import type { JournalEntry } from '../domain/changes.ts';

import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../contract/join-code.ts';

const newCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
const newId = () => nanoid(12);

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export interface EpisodeServiceDeps {
  store: EpisodeStore;
  /** Receives the changes of every committed command (the realtime broadcaster). */
  publish: (episode: Episode, changes: Change[]) => void;
  log?: (line: string) => void;
  now?: () => Date;
  /** The flags' word list with the admin's changes (app/moderation-service.ts). */
  lexicon?: () => Lexicon;
  /** The blocked listeners (app/moderation-service.ts). */
  blocked?: () => ReadonlySet<Id>;
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

  /**
   * A command's context. The time is read once, when a rule first asks for it: a vote (most
   * commands in a storm) never does, and formatting a date for each of 5,000 votes a second
   * was a few per cent of the server's CPU.
   */
  ctx(): Ctx {
    const clock = this.deps.now;
    let now: string | undefined;
    return {
      get now() {
        return (now ??= (clock?.() ?? new Date()).toISOString());
      },
      newId,
      lexicon: this.deps.lexicon?.(),
      blocked: this.deps.blocked?.(),
    };
  }

  find(id: Id): Episode | undefined {
    return this.deps.store.get(id);
  }

  list(): Episode[] {
    return this.deps.store.list();
  }

  /** By a join code as typed or sent ("sd7 air"); the store normalises it. */
  byCode(code: string): Episode | undefined {
    return this.deps.store.byCode(code);
  }

  /** Changes whenever the episode's state is made durable: a cache key (see routes/notula.ts). */
  version(id: Id): number {
    return this.deps.store.version(id);
  }

  /** What /api/health and the debug metrics report of the episode files. */
  health() {
    const store = this.deps.store;
    return { episodes: store.list().length, damaged: store.damaged().map((d) => d.file), recovered: store.recovered(), writes: store.writes() };
  }

  /**
   * Deletes the episode's files (the caller checked the rule: see ErasureService.deleteEpisode),
   * then tells the pages still open on it: a listener or console no longer shows a ghost.
   */
  async remove(id: Id): Promise<void> {
    const e = this.deps.store.get(id);
    await this.deps.store.delete(id);
    if (e) this.deps.publish(e, [{ kind: 'episodeRemoved' }]);
  }

  newCode(): string {
    for (;;) {
      const code = newCode();
      if (!this.deps.store.codeTaken(code)) return code;
    }
  }

  /**
   * Applies `rule` to the episode; on success waits for the disk, then publishes. How the
   * change is made durable is a property of the change itself: votes, questions and a join
   * are one journal line each (domain/replay.ts, store/journal.ts); any other change is a
   * full write of the episode file.
   */
  async run<T, V = T>(episodeId: Id, rule: (e: Episode, ctx: Ctx) => Result<T>, present?: (value: T) => V): Promise<Outcome<V>> {
    const e = this.deps.store.get(episodeId);
    if (!e) return fail('episode_not_found');
    const result = rule(e, this.ctx());
    if (!result.ok) return result;
    // The answer describes the state this command made, taken before later commands
    // sharing the same write can change the same object.
    const value = present ? present(result.value) : (result.value as unknown as V);
    if (result.changes.length === 0) return { ok: true, value };
    const entries = journalEntries(result.changes);
    const onlyVotes = entries !== null && entries.every((x) => 'vote' in x);
    try {
      await (entries ? this.#journal(episodeId, entries, result.changes) : this.#track(episodeId, result.changes, this.deps.store.commit(episodeId)));
    } catch (err) {
      this.deps.log?.(`kentongan: could not save ${onlyVotes ? 'a vote in ' : ''}episode ${episodeId}: ${(err as Error).message}`);
      // The store has put the episode back as it is on disk (a vote is taken back in
      // #journal): screens that caught the change in a snapshot are told its state again.
      const now = this.deps.store.get(episodeId);
      if (!onlyVotes && now) {
        const back = revertChanges(now, result.changes);
        if (back.length) this.deps.publish(now, back);
      }
      return fail('not_saved');
    }
    // The episode as it is now: a failed write of another command may have replaced it.
    this.deps.publish(this.deps.store.get(episodeId) ?? e, result.changes);
    return { ok: true, value };
  }

  /**
   * Journals the change (votes, questions, a join), held until any full write still under way
   * that it rests on is on disk. A change journaled after a question's line needs nothing
   * more: the journal writes lines in the order they were made.
   */
  #journal(episodeId: Id, entries: JournalEntry[], changes: Change[]): Promise<unknown> {
    const about = (x: JournalEntry) => ('vote' in x ? x.vote.questionId : 'question' in x ? x.question.id : null);
    const restsOn = [this.#unsettled.get(episodeId), ...entries.map((x) => about(x) && this.#unsettled.get(`${episodeId}/${about(x)}`))].filter((p) => !!p);
    // A full write may be waiting out its gap (store/episodes.ts): a change waiting on it should not.
    if (restsOn.length) this.deps.store.hurry(episodeId);
    const votes = entries.flatMap((x) => ('vote' in x ? [x.vote] : []));
    // One entry (a vote, nearly always) without Promise.all: a promise less per vote.
    const lines = entries.length === 1 ? this.deps.store.journal(episodeId, entries[0]!) : Promise.all(entries.map((x) => this.deps.store.journal(episodeId, x)));
    const written = lines.catch(async (err: unknown) => {
      if (votes.length < entries.length) {
        // A question or a join: a full write holds it as well (and, failing too, puts the
        // episode back as it is on disk; run() then tells the screens).
        this.deps.log?.(`kentongan: journal of episode ${episodeId} not written (${(err as Error).message}); writing the whole episode`);
        await this.#track(episodeId, changes, this.deps.store.commit(episodeId));
        return;
      }
      // The voter is told it was not saved: memory gives it back too (so memory equals the
      // disk), and the corrected counts go out (a later vote's delta may have counted it).
      const e = this.deps.store.get(episodeId);
      const undone = e ? [...votes].reverse().map((v) => undoVote(e, v)).filter((c) => c !== null) : [];
      if (e && undone.length) this.deps.publish(e, undone);
      throw err;
    });
    return restsOn.length ? Promise.all([written, ...restsOn]) : written;
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
    return this.#created(result.value);
  }

  /** Adds an episode read from an archived notula, refused when its id or code is in use. */
  async import(e: Episode): Promise<Outcome<Episode>> {
    if (this.deps.store.idTaken(e.id) || this.deps.store.codeTaken(e.code)) return fail('episode_exists');
    return this.#created(e);
  }

  async #created(e: Episode): Promise<Outcome<Episode>> {
    try {
      await this.deps.store.create(e);
    } catch (err) {
      this.deps.log?.(`kentongan: could not save new episode ${e.id}: ${(err as Error).message}`);
      return fail('not_saved');
    }
    return { ok: true, value: e };
  }

}
