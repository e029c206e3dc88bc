import { nanoid } from 'nanoid';
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import type { Actor, Id } from '../contract/types.ts';
import { blockInAspirations, blockInEpisode, unblockInAspirations, unblockInEpisode } from '../domain/moderation/block.ts';
import type { EpisodeService } from './episode-service.ts';
import type { AspirationService } from './aspiration-service.ts';
import type { ModerationService } from './moderation-service.ts';
import type { BlockEntry } from '../store/moderation.ts';

/** A block as staff see it: the block's id, when, where, and the words that caused it. */
export interface BlockView {
  id: string;
  at: string;
  episodeId: Id;
  sample: string;
}

type Out<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/**
 * Blocking a sender from a question's card: the block is written first, then the sender's
 * part is taken out of every episode not yet ended and of every usulan (domain/moderation/
 * block.ts), each through its service so listeners' screens follow. Unblocking reverses it.
 */
export class BlockService {
  constructor(private deps: { episodes: EpisodeService; aspirations: AspirationService; moderation: ModerationService; now?: () => Date }) {}

  list(): BlockView[] {
    return this.deps.moderation.blockEntries().map(([, b]) => ({ ...b })).sort((a, b) => b.at.localeCompare(a.at));
  }

  async block(actor: Actor, episodeId: Id, questionId: Id): Promise<Out<BlockView>> {
    if (!can(actor, 'question.moderate')) return fail('not_allowed');
    const e = this.deps.episodes.find(episodeId);
    if (!e) return fail('episode_not_found');
    const q = e.questions.find((x) => x.id === questionId);
    if (!q) return fail('question_not_found');
    if (!q.askedBy) return fail('sender_not_listener');
    const listenerId = q.askedBy;
    const existing = this.deps.moderation.blockEntries().find(([id]) => id === listenerId)?.[1];
    const entry: BlockEntry = existing ?? {
      id: nanoid(12), at: (this.deps.now?.() ?? new Date()).toISOString(), episodeId, sample: [...q.text].slice(0, 120).join(''),
    };
    if (!existing && !(await this.deps.moderation.setBlock(listenerId, entry))) return fail('not_saved');
    const failed = await this.#apply(actor, listenerId, 'block');
    if (failed) return { ok: false, error: failed };
    return { ok: true, value: { ...entry } };
  }

  async unblock(actor: Actor, blockId: string): Promise<Out<BlockView>> {
    if (!can(actor, 'question.moderate')) return fail('not_allowed');
    const found = this.deps.moderation.blockEntries().find(([, b]) => b.id === blockId);
    if (!found) return fail('block_not_found');
    const [listenerId, entry] = found;
    if (!(await this.deps.moderation.setBlock(listenerId, null))) return fail('not_saved');
    const failed = await this.#apply(actor, listenerId, 'unblock');
    if (failed) return { ok: false, error: failed };
    return { ok: true, value: { ...entry } };
  }

  /** Every episode not ended where the listener left a trace, then the usulan. */
  async #apply(actor: Actor, listenerId: Id, how: 'block' | 'unblock'): Promise<DomainError | null> {
    const inEpisode = how === 'block' ? blockInEpisode : unblockInEpisode;
    for (const e of this.deps.episodes.list()) {
      if (e.status === 'ended') continue;
      const traced = e.questions.some((q) => q.askedBy === listenerId || q.voters.includes(listenerId) || q.suspendedVoters?.includes(listenerId))
        || (e.polls ?? []).some((p) => Object.hasOwn(p.answers, listenerId) || (p.suspendedAnswers && Object.hasOwn(p.suspendedAnswers, listenerId)));
      if (!traced) continue;
      const out = await this.deps.episodes.run(e.id, (ep) => inEpisode(ep, actor, listenerId));
      if (!out.ok) return out.error;
    }
    const out = await this.deps.aspirations.run((d) => (how === 'block' ? blockInAspirations : unblockInAspirations)(d.list, actor, listenerId));
    return out.ok ? null : out.error;
  }
}
