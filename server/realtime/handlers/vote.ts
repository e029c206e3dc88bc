import { fail } from '../../contract/errors.ts';
import { applyVote } from '../../domain/vote.ts';
import { hasJoined } from '../handler.ts';
import type { Handler, HandlerContext } from '../handler.ts';
import type { RealtimeDeps } from './deps.ts';

// Votes always act as the listener behind the socket, even on a staff laptop.
export function voteHandlers({ episodes }: RealtimeDeps) {
  /** A vote needs the episode joined on this socket; an unknown episode still says so. */
  const notJoined = (ctx: HandlerContext, episodeId: string) =>
    hasJoined(ctx, episodeId) ? null : episodes.find(episodeId) ? fail('not_joined') : fail('episode_not_found');
  /** One command, applied by the function journal replay uses too; run() journals it (the change says so). */
  const vote = (op: '+' | '-'): Handler<'vote:cast' | 'vote:withdraw'> => async (p, ctx) => {
    const refused = notJoined(ctx, p.episodeId);
    if (refused) return refused;
    const command = { op, questionId: p.questionId, listenerId: ctx.listener.listenerId };
    const out = await episodes.run(p.episodeId, (e, c) => applyVote(e, command, c));
    return out.ok ? { ok: true, value: { questionId: p.questionId, votes: out.value } } : out;
  };
  return { 'vote:cast': vote('+') as Handler<'vote:cast'>, 'vote:withdraw': vote('-') as Handler<'vote:withdraw'> };
}
