import { describe, expect, it } from 'vitest';
import { endEpisode } from '../../server/domain/episode.ts';
import {
  airQuestion, approveQuestion, askQuestion, markAnswered, mergeQuestion, rejectQuestion,
} from '../../server/domain/question.ts';
import { castVote, withdrawVote } from '../../server/domain/vote.ts';
import type { Actor } from '../../server/contract/types.ts';
import {
  admin, approvedFromListener, draftEpisode, expectRefused, host, listener, liveEpisode, makeCtx, q, screener, submitted, unwrap,
} from './fixtures.ts';

function setup() {
  const ctx = makeCtx();
  const e = liveEpisode(ctx);
  const open = approvedFromListener(e, ctx, 'L-asker', 'Kapan pipa diperbaiki?');
  return { ctx, e, open };
}

describe('castVote', () => {
  it('adds one vote per listener and reports the new count', () => {
    const { e, open } = setup();
    const first = castVote(e, listener('L-1'), open.id);
    expect(unwrap(first)).toBe(1);
    // The change carries its vote command: one journal line makes it durable.
    expect(first.ok && first.changes).toEqual([{ kind: 'votes', questionId: open.id, count: 1, vote: { op: '+', questionId: open.id, listenerId: 'L-1' } }]);
    expect(unwrap(castVote(e, listener('L-2'), open.id))).toBe(2);
    expect(q(e, open.id).voters).toEqual(['L-1', 'L-2']);
  });

  it('refuses a second vote from the same listener with already_voted', () => {
    const { e, open } = setup();
    unwrap(castVote(e, listener('L-1'), open.id));
    expectRefused(e, 'already_voted', () => castVote(e, listener('L-1'), open.id));
    expect(q(e, open.id).voters).toEqual(['L-1']);
  });

  it('lets the asker support their own question', () => {
    const { e, open } = setup();
    expect(unwrap(castVote(e, listener('L-asker'), open.id))).toBe(1);
  });

  it('accepts votes on the question on air', () => {
    const { e, ctx, open } = setup();
    unwrap(airQuestion(e, host, open.id, ctx));
    expect(unwrap(castVote(e, listener('L-1'), open.id))).toBe(1);
  });

  it('refuses votes on pending, rejected, merged and answered questions with question_not_open', () => {
    const { e, ctx, open } = setup();
    const pending = unwrap(askQuestion(e, listener('L-x'), { text: 'Menunggu' }, ctx));
    const rejected = submitted(e, ctx, 'Ditolak');
    unwrap(rejectQuestion(e, screener, rejected.id));
    const merged = submitted(e, ctx, 'Duplikat');
    unwrap(mergeQuestion(e, screener, merged.id, open.id));
    const answered = submitted(e, ctx, 'Sudah dijawab');
    unwrap(airQuestion(e, host, answered.id, ctx));
    unwrap(markAnswered(e, host, answered.id, ctx));
    for (const id of [pending.id, rejected.id, merged.id, answered.id]) {
      expectRefused(e, 'question_not_open', () => castVote(e, listener('L-1'), id));
    }
  });

  it('refuses an unknown question', () => {
    const { e } = setup();
    expectRefused(e, 'question_not_found', () => castVote(e, listener('L-1'), 'nope'));
  });

  it.each<Actor>([admin, host, screener])('is for listeners only: refuses %o', (actor) => {
    const { e, open } = setup();
    expectRefused(e, 'not_allowed', () => castVote(e, actor, open.id));
  });

  it('refuses before the show and after it', () => {
    const draft = draftEpisode(makeCtx());
    expectRefused(draft, 'episode_not_live', () => castVote(draft, listener('L-1'), 'any'));
    const { e, ctx, open } = setup();
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => castVote(e, listener('L-1'), open.id));
  });
});

describe('withdrawVote', () => {
  it('removes exactly that listener\'s vote', () => {
    const { e, open } = setup();
    for (const v of ['L-1', 'L-2', 'L-3']) unwrap(castVote(e, listener(v), open.id));
    const r = withdrawVote(e, listener('L-2'), open.id);
    expect(unwrap(r)).toBe(2);
    expect(r.ok && r.changes).toEqual([{ kind: 'votes', questionId: open.id, count: 2, vote: { op: '-', questionId: open.id, listenerId: 'L-2' } }]);
    expect(q(e, open.id).voters).toEqual(['L-1', 'L-3']);
  });

  it('allows voting again after withdrawing', () => {
    const { e, open } = setup();
    unwrap(castVote(e, listener('L-1'), open.id));
    unwrap(withdrawVote(e, listener('L-1'), open.id));
    expect(unwrap(castVote(e, listener('L-1'), open.id))).toBe(1);
  });

  it('refuses a listener who has not voted with not_voted', () => {
    const { e, open } = setup();
    unwrap(castVote(e, listener('L-1'), open.id));
    expectRefused(e, 'not_voted', () => withdrawVote(e, listener('L-2'), open.id));
    unwrap(withdrawVote(e, listener('L-1'), open.id));
    expectRefused(e, 'not_voted', () => withdrawVote(e, listener('L-1'), open.id));
  });

  it('refuses on closed questions, even for a listener who had voted', () => {
    const { e, ctx, open } = setup();
    const later = submitted(e, ctx, 'Nanti ditolak');
    unwrap(castVote(e, listener('L-1'), later.id));
    unwrap(rejectQuestion(e, screener, later.id));
    expectRefused(e, 'question_not_open', () => withdrawVote(e, listener('L-1'), later.id));
    unwrap(castVote(e, listener('L-1'), open.id));
    unwrap(airQuestion(e, host, open.id, ctx));
    unwrap(markAnswered(e, host, open.id, ctx));
    expectRefused(e, 'question_not_open', () => withdrawVote(e, listener('L-1'), open.id));
  });

  it('refuses unknown questions, staff and closed episodes', () => {
    const { e, ctx, open } = setup();
    unwrap(castVote(e, listener('L-1'), open.id));
    expectRefused(e, 'question_not_found', () => withdrawVote(e, listener('L-1'), 'nope'));
    expectRefused(e, 'not_allowed', () => withdrawVote(e, host, open.id));
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => withdrawVote(e, listener('L-1'), open.id));
    const draft = draftEpisode(makeCtx());
    expectRefused(draft, 'episode_not_live', () => withdrawVote(draft, listener('L-1'), 'any'));
  });

  it('a pending question approved later starts with no votes and then accepts them', () => {
    const { e, ctx } = setup();
    const p = unwrap(askQuestion(e, listener('L-x'), { text: 'Baru' }, ctx));
    expectRefused(e, 'question_not_open', () => castVote(e, listener('L-1'), p.id));
    unwrap(approveQuestion(e, screener, p.id));
    expect(unwrap(castVote(e, listener('L-1'), p.id))).toBe(1);
  });
});
