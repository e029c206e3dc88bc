import { fail } from '../../contract/errors.ts';
import { castVote, withdrawVote } from '../../domain/vote.ts';
import { hasJoined } from '../handler.ts';
import type { Handler, HandlerContext } from '../handler.ts';
import type { RealtimeDeps } from './deps.ts';

// Votes always act as the listener behind the socket, even on a staff laptop.
export function voteHandlers({ episodes }: RealtimeDeps) {
  /** A vote needs the episode joined on this socket; an unknown episode still says so. */
  const notJoined = (ctx: HandlerContext, episodeId: string) =>
    hasJoined(ctx, episodeId) ? null : episodes.find(episodeId) ? fail('not_joined') : fail('episode_not_found');
  const cast: Handler<'vote:cast'> = async (p, ctx) => {
    const refused = notJoined(ctx, p.episodeId);
    if (refused) return refused;
    const out = await episodes.vote(p.episodeId, { op: '+', q: p.questionId, l: ctx.listener.listenerId }, (e) => castVote(e, ctx.listener, p.questionId));
    return out.ok ? { ok: true, value: { questionId: p.questionId, votes: out.value } } : out;
  };
  const withdraw: Handler<'vote:withdraw'> = async (p, ctx) => {
    const refused = notJoined(ctx, p.episodeId);
    if (refused) return refused;
    const out = await episodes.vote(p.episodeId, { op: '-', q: p.questionId, l: ctx.listener.listenerId }, (e) => withdrawVote(e, ctx.listener, p.questionId));
    return out.ok ? { ok: true, value: { questionId: p.questionId, votes: out.value } } : out;
  };
  return { 'vote:cast': cast, 'vote:withdraw': withdraw };
}
