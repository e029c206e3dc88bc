import { describe, expect, it } from 'vitest';
import { MAX_AUDIENCE_POINTS, episodeAnalytics, recordAudience } from '../../server/domain/analytics.ts';
import { endEpisode, joinListener } from '../../server/domain/episode.ts';
import { airQuestion, askQuestion, markAnswered, mergeQuestion, rejectQuestion } from '../../server/domain/question.ts';
import { castVote } from '../../server/domain/vote.ts';
import { answerPoll, closePoll, openPoll } from '../../server/domain/poll.ts';
import { draftEpisode, host, listener, liveEpisode, makeCtx, screener, submitted, unwrap } from './fixtures.ts';

const at = (min: number) => new Date(Date.parse('2024-05-04T12:00:00.000Z') + min * 60_000).toISOString();

describe('recordAudience', () => {
  it('keeps a point per sample and the peak seen between samples', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const r = recordAudience(e, { at: at(1), connected: 3 });
    expect(r.ok && r.changes).toEqual([{ kind: 'audience' }]);
    recordAudience(e, { at: at(2), connected: 5 }, { at: at(1.5), connected: 9 });
    recordAudience(e, { at: at(3), connected: 4 });
    expect(e.audience).toEqual({
      samples: [{ at: at(1), connected: 3 }, { at: at(2), connected: 5 }, { at: at(3), connected: 4 }],
      peak: { at: at(1.5), connected: 9 },
    });
  });

  it('keeps the point itself as the peak when it is the most seen, and never lowers a peak', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    recordAudience(e, { at: at(1), connected: 6 }, { at: at(0.5), connected: 2 });
    expect(e.audience!.peak).toEqual({ at: at(1), connected: 6 });
    recordAudience(e, { at: at(2), connected: 1 });
    expect(e.audience!.peak).toEqual({ at: at(1), connected: 6 });
    // A tie keeps the first moment it was reached.
    recordAudience(e, { at: at(3), connected: 6 });
    expect(e.audience!.peak).toEqual({ at: at(1), connected: 6 });
  });

  it('adds nothing to a draft or ended episode', () => {
    const ctx = makeCtx();
    const draft = draftEpisode(ctx);
    const r = recordAudience(draft, { at: at(1), connected: 2 });
    expect(r.ok && r.changes).toEqual([]);
    expect(draft.audience).toBeUndefined();
    const ended = liveEpisode(ctx);
    unwrap(endEpisode(ended, host, ctx));
    recordAudience(ended, { at: at(1), connected: 2 });
    expect(ended.audience).toBeUndefined();
  });

  it('thins to every other point past the cap, so a show left live for days stays bounded', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    for (let m = 0; m < 1000; m++) recordAudience(e, { at: at(m), connected: m });
    const s = e.audience!.samples;
    expect(s.length).toBeLessThanOrEqual(MAX_AUDIENCE_POINTS);
    expect(s[0]!.at).toBe(at(0));
    expect(s.at(-1)!.at).toBe(at(999));
    expect(s.map((p) => p.at)).toEqual([...s.map((p) => p.at)].sort());
    expect(e.audience!.peak).toEqual({ at: at(999), connected: 999 });
  });
});

describe('episodeAnalytics', () => {
  it('counts questions by channel and by what became of them', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx, { premoderation: true });
    const web1 = unwrap(askQuestion(e, listener('L1'), { text: 'Kapan air masuk dusun atas?' }, ctx));
    const web2 = unwrap(askQuestion(e, listener('L2'), { text: 'Pipa bocor di RT 3' }, ctx));
    unwrap(askQuestion(e, listener('L3'), { text: 'Masih menunggu' }, ctx));
    unwrap(rejectQuestion(e, screener, web2.id));
    const sms1 = submitted(e, ctx, 'Biaya sambungan berapa?');
    const sms2 = submitted(e, ctx, 'Biaya sambung berapa ya?');
    const phone = submitted(e, ctx, 'Sumur warga kering', 'phone');
    unwrap(mergeQuestion(e, screener, sms2.id, sms1.id));
    unwrap(airQuestion(e, host, sms1.id, ctx));
    unwrap(markAnswered(e, host, sms1.id, ctx));
    unwrap(airQuestion(e, host, phone.id, ctx));
    void web1;
    const a = episodeAnalytics(e, ctx.now);
    expect(a.questions.byChannel).toEqual([
      { channel: 'web', received: 3, pending: 2, approved: 0, aired: 0, merged: 0, rejected: 1 },
      { channel: 'sms', received: 2, pending: 0, approved: 1, aired: 1, merged: 1, rejected: 0 },
      { channel: 'phone', received: 1, pending: 0, approved: 1, aired: 1, merged: 0, rejected: 0 },
    ]);
    expect(a.questions.total).toEqual({ channel: 'all', received: 6, pending: 2, approved: 2, aired: 2, merged: 1, rejected: 1 });
    expect(a.questions.archivedReceived).toBeNull();
    expect(a.reader).toBeNull();
  });

  it('counts votes and distinct voters, and total listeners as everyone who joined', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const q1 = submitted(e, ctx, 'Satu');
    const q2 = submitted(e, ctx, 'Dua');
    for (const id of ['L1', 'L2', 'L3', 'L4']) unwrap(joinListener(e, id));
    for (const id of ['L1', 'L2', 'L3']) unwrap(castVote(e, listener(id), q1.id));
    unwrap(castVote(e, listener('L1'), q2.id));
    const a = episodeAnalytics(e, ctx.now);
    expect(a.votes).toEqual({ total: 4, voters: 3 });
    expect(a.listeners.total).toBe(4);
    expect(a.listeners.series).toEqual([]);
    expect(a.listeners.peak).toBeNull();
  });

  it('takes poll turnout against the most listeners connected while the poll was open', () => {
    const ctx = makeCtx('2024-05-04T12:00:00.000Z');
    const e = liveEpisode(ctx);
    recordAudience(e, { at: ctx.now, connected: 10 });
    ctx.tick(60);
    const p = unwrap(openPoll(e, host, { kind: 'satisfaction' }, ctx));
    ctx.tick(30);
    for (const id of ['L1', 'L2', 'L3', 'L4', 'L5']) unwrap(answerPoll(e, listener(id), p.id, 0));
    ctx.tick(30);
    recordAudience(e, { at: ctx.now, connected: 20 });
    ctx.tick(60);
    unwrap(closePoll(e, host, p.id, ctx));
    ctx.tick(60);
    recordAudience(e, { at: ctx.now, connected: 50 });
    const [t] = episodeAnalytics(e, ctx.now).polls;
    expect(t).toMatchObject({ id: p.id, answers: 5, present: 20, presentFrom: 'connected', turnoutPercent: 25, status: 'closed' });
  });

  it('falls back to the listeners who joined when nothing was sampled, and never exceeds 100 %', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    unwrap(joinListener(e, 'L1'));
    const p = unwrap(openPoll(e, host, { kind: 'single', question: 'Mana dulu?', options: ['A', 'B'] }, ctx));
    for (const id of ['L1', 'L2', 'L3']) unwrap(answerPoll(e, listener(id), p.id, 1));
    const [t] = episodeAnalytics(e, ctx.now).polls;
    expect(t).toMatchObject({ answers: 3, present: 3, presentFrom: 'joined', turnoutPercent: 100, status: 'open' });
  });

  it('says when its figures stand and hands out a copy of the series', () => {
    const ctx = makeCtx('2024-05-04T12:00:00.000Z');
    const e = liveEpisode(ctx);
    recordAudience(e, { at: at(0), connected: 4 });
    const a = episodeAnalytics(e, ctx.now);
    expect(a.asOf).toBe(ctx.now);
    a.listeners.series[0]!.connected = 99;
    expect(e.audience!.samples[0]!.connected).toBe(4);
  });

  it('counts a poll opened between samples against the last sample before it', () => {
    const ctx = makeCtx('2024-05-04T12:00:00.000Z');
    const e = liveEpisode(ctx);
    recordAudience(e, { at: ctx.now, connected: 8 });
    ctx.tick(10);
    const p = unwrap(openPoll(e, host, { kind: 'satisfaction' }, ctx));
    unwrap(answerPoll(e, listener('L1'), p.id, 2));
    ctx.tick(10);
    unwrap(closePoll(e, host, p.id, ctx));
    const [t] = episodeAnalytics(e, ctx.now).polls;
    expect(t).toMatchObject({ answers: 1, present: 8, presentFrom: 'connected', turnoutPercent: 13 });
  });

  it("passes the public page's reader figures through as they come", () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const reader = { views: 330, poll: { question: 'Bagaimana Tanggapan Anda?', options: [{ label: 'Sangat Puas', count: 79, percent: 79 }, { label: 'Tidak Puas', count: 21, percent: 21 }], total: 100 } };
    expect(episodeAnalytics(e, ctx.now, reader).reader).toEqual(reader);
    expect(episodeAnalytics(e, ctx.now).reader).toBeNull();
  });

  it('reads an imported episode from its archived counts', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    e.archived = { questionsReceived: 42, listeners: 330 };
    const a = episodeAnalytics(e, ctx.now);
    expect([a.listeners.total, a.questions.archivedReceived]).toEqual([330, 42]);
  });
});
