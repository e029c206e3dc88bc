import { answerPoll, closePoll, openPoll, pollView, setPollResultsVisible } from '../../domain/poll.ts';
import { staffOnly } from '../handler.ts';
import type { Handler } from '../handler.ts';
import type { RealtimeDeps } from './deps.ts';

export function pollHandlers({ episodes }: RealtimeDeps) {
  const open = staffOnly<'poll:open'>(async (p, ctx, staff) => {
    const { episodeId: _, ...input } = p;
    const out = await episodes.run(p.episodeId, (e, c) => openPoll(e, staff, input, c));
    return out.ok ? { ok: true, value: pollView(out.value, 'staff') } : out;
  });
  const close = staffOnly<'poll:close'>(async (p, ctx, staff) => {
    const out = await episodes.run(p.episodeId, (e, c) => closePoll(e, staff, p.pollId, c));
    return out.ok ? { ok: true, value: pollView(out.value, 'staff') } : out;
  });
  const results = staffOnly<'poll:results'>(async (p, ctx, staff) => {
    const out = await episodes.run(p.episodeId, (e) => setPollResultsVisible(e, staff, p.pollId, p.visible));
    return out.ok ? { ok: true, value: pollView(out.value, 'staff') } : out;
  });
  // Answers always act as the listener behind the socket, like votes.
  const answer: Handler<'poll:answer'> = async (p, ctx) => {
    const out = await episodes.run(p.episodeId, (e, c) => answerPoll(e, ctx.listener, p.pollId, p.option, c));
    return out.ok ? { ok: true, value: { pollId: p.pollId, option: out.value } } : out;
  };
  return { 'poll:open': open, 'poll:close': close, 'poll:results': results, 'poll:answer': answer };
}
