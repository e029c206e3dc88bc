import { describe, expect, it } from 'vitest';
import { compareQueue, rankQueue } from '../../server/contract/ranking.ts';
import { airQuestion, askQuestion, markAnswered, mergeQuestion, rejectQuestion } from '../../server/domain/question.ts';
import { castVote } from '../../server/domain/vote.ts';
import { questionView } from '../../server/domain/views.ts';
import type { QuestionView } from '../../server/contract/views.ts';
import { host, listener, liveEpisode, makeCtx, screener, submitted, unwrap } from './fixtures.ts';

function vote(e: Parameters<typeof castVote>[0], id: string, n: number) {
  for (let i = 0; i < n; i++) unwrap(castVote(e, listener(`V-${id}-${i}`), id));
}

describe('rankQueue', () => {
  it('orders approved questions by votes, most first, then oldest first', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const oldOne = submitted(e, ctx, 'Lama, satu suara');
    const popular = submitted(e, ctx, 'Populer');
    const newOne = submitted(e, ctx, 'Baru, satu suara');
    submitted(e, ctx, 'Sepi'); // no votes: last
    const newerOne = submitted(e, ctx, 'Paling baru, satu suara');
    vote(e, popular.id, 3);
    vote(e, newerOne.id, 1);
    vote(e, newOne.id, 1);
    vote(e, oldOne.id, 1);
    const ranked = rankQueue(e.questions.map(questionView));
    expect(ranked.map((x) => x.text)).toEqual(['Populer', 'Lama, satu suara', 'Baru, satu suara', 'Paling baru, satu suara', 'Sepi']);
    expect(ranked.map((x) => x.votes)).toEqual([3, 1, 1, 1, 0]);
  });

  it('leaves out pending, on-air, answered, rejected and merged questions', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const queued = submitted(e, ctx, 'Antre');
    unwrap(askQuestion(e, listener('L-1'), { text: 'Menunggu' }, ctx));
    const aired = submitted(e, ctx, 'Mengudara');
    const answered = submitted(e, ctx, 'Terjawab');
    const rejected = submitted(e, ctx, 'Ditolak');
    const merged = submitted(e, ctx, 'Digabung');
    unwrap(airQuestion(e, host, answered.id, ctx));
    unwrap(markAnswered(e, host, answered.id, ctx));
    unwrap(airQuestion(e, host, aired.id, ctx));
    unwrap(rejectQuestion(e, screener, rejected.id));
    unwrap(mergeQuestion(e, screener, merged.id, queued.id));
    vote(e, aired.id, 5);
    expect(rankQueue(e.questions.map(questionView)).map((x) => x.id)).toEqual([queued.id]);
  });

  it('does not reorder the array it was given', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const a = submitted(e, ctx, 'A');
    const b = submitted(e, ctx, 'B');
    vote(e, b.id, 2);
    const views = e.questions.map(questionView);
    const ranked = rankQueue(views);
    expect(ranked.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(views.map((x) => x.id)).toEqual([a.id, b.id]);
  });
});

describe('compareQueue', () => {
  const base: QuestionView = {
    id: 'm', text: 't', channel: 'web', askerName: null, askerLocation: null, status: 'approved', votes: 0,
    createdAt: '2024-05-04T12:00:00.000Z', onAirAt: null, answeredAt: null, mergedInto: null,
  };

  it('puts more votes first whatever the age', () => {
    expect(compareQueue({ ...base, votes: 2, createdAt: '2024-05-04T12:59:00.000Z' }, { ...base, votes: 1 })).toBeLessThan(0);
    expect(compareQueue({ ...base, votes: 1 }, { ...base, votes: 2, createdAt: '2024-05-04T12:59:00.000Z' })).toBeGreaterThan(0);
  });

  it('on equal votes puts the older first', () => {
    expect(compareQueue({ ...base, createdAt: '2024-05-04T11:00:00.000Z' }, base)).toBeLessThan(0);
    expect(compareQueue(base, { ...base, createdAt: '2024-05-04T11:00:00.000Z' })).toBeGreaterThan(0);
  });

  it('on equal votes and age falls back to the id, so the order is stable', () => {
    expect(compareQueue({ ...base, id: 'a' }, { ...base, id: 'b' })).toBeLessThan(0);
    expect(compareQueue({ ...base, id: 'b' }, { ...base, id: 'a' })).toBeGreaterThan(0);
    expect(compareQueue(base, { ...base })).toBe(0);
  });
});
