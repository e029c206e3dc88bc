import { LiveEpisode } from '../../lib/live-episode.svelte.ts';
import type { LiveOptions } from '../../lib/live-episode.svelte.ts';
import type { Ack } from '$contract/events.ts';
import type { DomainError } from '$contract/errors.ts';
import type { Id } from '$contract/types.ts';
import type { QuestionView } from '$contract/views.ts';
import { Participation } from './participation.svelte.ts';

/** A guess shown while the server has not answered (possibly for minutes, when offline). */
interface Optimistic {
  voted: boolean;
  votes: number;
}

/** A refused action, kept as the error so it is worded in the language shown when read. */
export interface Notice {
  id: number;
  kind: 'vote' | 'withdraw' | 'ask' | 'answer' | 'support';
  error: DomainError;
}

const MAX_NOTICES = 3;

/**
 * The listener's view of one episode: the live model plus this listener's actions.
 * Votes show at once and settle to the server's answer; a refusal rolls the guess back
 * and leaves a notice, so no tap is silently lost.
 */
export class ListenerPage {
  readonly live: LiveEpisode;
  /** Poll answers, supports and usulan. */
  readonly act: Participation;
  notices = $state.raw<Notice[]>([]);
  /** Counts completed "hapus data saya": forms holding a name or place clear themselves. */
  erasures = $state(0);
  #optimistic = $state.raw(new Map<Id, Optimistic>());
  #nextNotice = 1;

  /** `options` for unit tests: a transport and storage of their own (the page uses its defaults). */
  constructor(code: string, options: LiveOptions = {}) {
    this.live = new LiveEpisode({ code, packed: true }, options);
    this.act = new Participation(this.live, (kind, error) => this.#notify(kind, error));
  }

  start(): void {
    void this.live.start();
  }

  stop(): void {
    this.live.stop();
  }

  voted(id: Id): boolean {
    return this.#optimistic.get(id)?.voted ?? this.live.state?.myVotes.has(id) ?? false;
  }

  votes(q: QuestionView): number {
    return this.#optimistic.get(q.id)?.votes ?? q.votes;
  }

  /** A vote for this question is on its way (or waiting for the connection). */
  busy(id: Id): boolean {
    return this.#optimistic.has(id);
  }

  async toggleVote(id: Id): Promise<void> {
    const episodeId = this.live.episodeId;
    const q = this.live.state?.questions.get(id);
    // One request per question at a time: a second tap before the answer would race the first.
    if (!episodeId || !q || this.#optimistic.has(id)) return;
    const withdraw = this.voted(id);
    this.#setOptimistic(id, { voted: !withdraw, votes: Math.max(0, q.votes + (withdraw ? -1 : 1)) });
    const r = await this.live.connection.send(withdraw ? 'vote:withdraw' : 'vote:cast', { episodeId, questionId: id });
    this.#setOptimistic(id, null);
    if (!this.live.state) return;
    if (r.ok) {
      this.live.recordVote(id, !withdraw, r.data.votes);
      return;
    }
    // These two mean our idea of "did I vote" was stale (e.g. voted in another tab): take the server's.
    if (r.error.code === 'already_voted') this.live.recordVote(id, true);
    if (r.error.code === 'not_voted') this.live.recordVote(id, false);
    this.#notify(withdraw ? 'withdraw' : 'vote', r.error);
  }

  async ask(input: { text: string; name: string; location: string }): Promise<Ack<QuestionView>> {
    const episodeId = this.live.episodeId;
    if (!episodeId) return { ok: false, error: { code: 'episode_not_found', message: 'Episode tidak ditemukan.' } };
    const r = await this.live.connection.send('question:ask', {
      episodeId,
      text: input.text,
      name: input.name.trim() || null,
      location: input.location.trim() || null,
    });
    if (r.ok) this.live.recordQuestion(r.data);
    if (!r.ok) this.#notify('ask', r.error);
    return r;
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  #notify(kind: Notice['kind'], error: DomainError): void {
    this.notices = [...this.notices, { id: this.#nextNotice++, kind, error }].slice(-MAX_NOTICES);
  }

  #setOptimistic(id: Id, value: Optimistic | null): void {
    const next = new Map(this.#optimistic);
    if (value) next.set(id, value);
    else next.delete(id);
    this.#optimistic = next;
  }
}
