import type { LiveEpisode } from '../../lib/live-episode.svelte.ts';
import type { Ack } from '$contract/events.ts';
import type { DomainError } from '$contract/errors.ts';
import type { Id } from '$contract/types.ts';
import type { AspirationView } from '$contract/planner.ts';
import type { UsulanPayload } from '../../lib/usulan-draft.ts';

type Notify = (kind: 'answer' | 'support', error: DomainError) => void;

/**
 * The listener's poll answers, supports and usulan. Like votes, a tap shows at once and
 * settles to the server's answer; a refusal rolls the guess back and leaves a notice.
 * Deltas carry counts but never who answered or supported, so the listener's own side
 * changes only here (from the acks) and in a fresh snapshot.
 */
export class Participation {
  /** Poll id → the option tapped last and not yet confirmed; `seq` tells the latest tap. */
  #answers = $state.raw(new Map<Id, { option: number; seq: number }>());
  /** Usulan id → the support count guessed at the tap. */
  #supports = $state.raw(new Map<Id, number>());
  #seq = 0;
  #live: LiveEpisode;
  #notify: Notify;

  constructor(live: LiveEpisode, notify: Notify) {
    this.#live = live;
    this.#notify = notify;
  }

  /** The option to show as chosen: the pending tap, else what the server recorded. */
  answer(pollId: Id): number | null {
    return this.#answers.get(pollId)?.option ?? this.#live.state?.myPollAnswers?.get(pollId) ?? null;
  }

  answering(pollId: Id): boolean {
    return this.#answers.has(pollId);
  }

  /**
   * Taps are not blocked while one is on its way: the socket keeps their order, so the
   * server ends on the last one. Every confirmed answer is recorded in that order; only
   * the latest tap clears the guess or reports a refusal.
   */
  async choose(pollId: Id, option: number): Promise<void> {
    const episodeId = this.#live.episodeId;
    if (!episodeId) return;
    const seq = ++this.#seq;
    this.#answers = new Map(this.#answers).set(pollId, { option, seq });
    const r = await this.#live.connection.send('poll:answer', { episodeId, pollId, option });
    const latest = this.#answers.get(pollId)?.seq === seq;
    if (latest) {
      const next = new Map(this.#answers);
      next.delete(pollId);
      this.#answers = next;
    }
    if (r.ok) this.#live.recordPollAnswer(pollId, r.data.option);
    if (!r.ok && latest) this.#notify('answer', r.error);
  }

  supported(id: Id): boolean {
    return this.#supports.has(id) || (this.#live.state?.mySupports?.has(id) ?? false);
  }

  supporting(id: Id): boolean {
    return this.#supports.has(id);
  }

  supportCount(a: AspirationView): number {
    return this.#supports.get(a.id) ?? a.supports;
  }

  /** One support per listener, and it cannot be taken back (the server has no withdraw). */
  async support(a: AspirationView): Promise<void> {
    if (this.supported(a.id)) return;
    this.#supports = new Map(this.#supports).set(a.id, a.supports + 1);
    const r = await this.#live.connection.send('aspiration:support', { aspirationId: a.id });
    const next = new Map(this.#supports);
    next.delete(a.id);
    this.#supports = next;
    if (!this.#live.state) return;
    if (r.ok) this.#live.recordSupport(a.id, r.data.supports);
    // Supported earlier (another tab, or before a reload that lost the answer): what was wanted is true.
    else if (r.error.code === 'already_supported') this.#live.recordSupport(a.id);
    else this.#notify('support', r.error);
  }

  /** Sends what the usulan form built (draftPayload: name and phone only travel with consent). */
  async submit(input: UsulanPayload): Promise<Ack<AspirationView>> {
    const episodeId = this.#live.episodeId;
    if (!episodeId) return { ok: false, error: { code: 'episode_not_found', message: 'Episode tidak ditemukan.' } };
    const r = await this.#live.connection.send('aspiration:submit', { episodeId, ...input });
    if (r.ok) this.#live.recordAspiration(r.data);
    return r;
  }
}
