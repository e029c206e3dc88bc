import { castVote, withdrawVote } from '../../domain/vote.ts';
import type { Handler } from '../handler.ts';
import type { RealtimeDeps } from './deps.ts';

// Votes always act as the listener behind the socket, even on a staff laptop.
export function voteHandlers({ episodes }: RealtimeDeps) {
  const cast: Handler<'vote:cast'> = async (p, ctx) => {
    const out = await episodes.vote(p.episodeId, { op: '+', q: p.questionId, l: ctx.listener.listenerId }, (e) => castVote(e, ctx.listener, p.questionId));
    return out.ok ? { ok: true, value: { questionId: p.questionId, votes: out.value } } : out;
  };
  const withdraw: Handler<'vote:withdraw'> = async (p, ctx) => {
    const out = await episodes.vote(p.episodeId, { op: '-', q: p.questionId, l: ctx.listener.listenerId }, (e) => withdrawVote(e, ctx.listener, p.questionId));
    return out.ok ? { ok: true, value: { questionId: p.questionId, votes: out.value } } : out;
  };
  return { 'vote:cast': cast, 'vote:withdraw': withdraw };
}
