import { describe, expect, it } from 'vitest';
import { endEpisode } from '../../server/domain/episode.ts';
import {
  SATISFACTION_POLL, answerPoll, closePoll, findPoll, myPollAnswers, openPoll, pollCounts, pollView, setPollResultsVisible,
} from '../../server/domain/poll.ts';
import type { Episode, Poll } from '../../server/contract/types.ts';
import { ALL_STAFF, admin, draftEpisode, expectRefused, host, listener, liveEpisode, makeCtx, notulis, planner, screener, unwrap } from './fixtures.ts';
import type { TestCtx } from './fixtures.ts';

function satisfaction(e: Episode, ctx: TestCtx, showResults = false): Poll {
  return unwrap(openPoll(e, host, { kind: 'satisfaction', showResults }, ctx));
}

describe('openPoll', () => {
  it('opens the satisfaction poll in one call, with the four standard options', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const r = openPoll(e, host, { kind: 'satisfaction' }, ctx);
    const p = unwrap(r);
    expect(p).toMatchObject({ kind: 'rating', preset: 'satisfaction', question: 'Bagaimana Tanggapan Anda?', status: 'open', resultsVisible: false });
    expect(p.options).toEqual(['Sangat Puas', 'Puas', 'Cukup Puas', 'Tidak Puas']);
    expect(e.polls).toEqual([p]);
    expect(r.ok && r.changes).toEqual([{ kind: 'poll', poll: p }]);
    expect(SATISFACTION_POLL.options).toHaveLength(4);
  });

  it('opens single-choice polls with trimmed options and rating polls on a numeric scale', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const single = unwrap(openPoll(e, admin, { kind: 'single', question: '  Jalan mana   dulu? ', options: [' Jalan A ', 'Jalan B'] }, ctx));
    expect([single.question, single.options, single.preset]).toEqual(['Jalan mana dulu?', ['Jalan A', 'Jalan B'], null]);
    unwrap(closePoll(e, host, single.id, ctx));
    const rating = unwrap(openPoll(e, host, { kind: 'rating', question: 'Nilai acara ini', scale: 5, showResults: true }, ctx));
    expect(rating.options).toEqual(['1', '2', '3', '4', '5']);
    expect(rating.resultsVisible).toBe(true);
  });

  it('is for the host and admin only', () => {
    for (const actor of ALL_STAFF.filter((a) => a !== host && a !== admin).concat(listener('L-1'))) {
      const ctx = makeCtx();
      const e = liveEpisode(ctx);
      expectRefused(e, 'not_allowed', () => openPoll(e, actor, { kind: 'satisfaction' }, ctx));
    }
  });

  it('needs a live episode and at most one open poll', () => {
    const ctx = makeCtx();
    const draft = draftEpisode(ctx);
    expectRefused(draft, 'episode_not_live', () => openPoll(draft, host, { kind: 'satisfaction' }, ctx));
    const e = liveEpisode(ctx);
    satisfaction(e, ctx);
    expectRefused(e, 'another_poll_open', () => openPoll(e, host, { kind: 'single', question: 'Lagi?', options: ['Ya', 'Tidak'] }, ctx));
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => openPoll(e, host, { kind: 'satisfaction' }, ctx));
  });

  it.each([
    ['an empty question', { kind: 'single' as const, question: '  ', options: ['a', 'b'] }, 'text_empty'],
    ['one option', { kind: 'single' as const, question: 'Q', options: ['a'] }, 'invalid_payload'],
    ['eleven options', { kind: 'single' as const, question: 'Q', options: Array.from({ length: 11 }, (_, i) => `p${i}`) }, 'invalid_payload'],
    ['an empty option', { kind: 'single' as const, question: 'Q', options: ['a', ' '] }, 'text_empty'],
    ['the same option twice', { kind: 'single' as const, question: 'Q', options: ['Setuju', 'setuju'] }, 'invalid_payload'],
    ['a scale of 1', { kind: 'rating' as const, question: 'Q', scale: 1 }, 'invalid_payload'],
    ['a scale of 2.5', { kind: 'rating' as const, question: 'Q', scale: 2.5 }, 'invalid_payload'],
    ['a long option', { kind: 'single' as const, question: 'Q', options: ['a', 'x'.repeat(81)] }, 'text_too_long'],
  ])('refuses %s and changes nothing', (_name, input, code) => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expectRefused(e, code as never, () => openPoll(e, host, input, ctx));
  });
});

describe('answerPoll', () => {
  it('takes one answer per listener and lets them change it while open', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const p = satisfaction(e, ctx);
    unwrap(answerPoll(e, listener('L-1'), p.id, 0));
    unwrap(answerPoll(e, listener('L-2'), p.id, 0));
    const changed = answerPoll(e, listener('L-1'), p.id, 3);
    expect(changed.ok && changed.changes).toEqual([{ kind: 'pollAnswers', poll: p }]);
    expect(pollCounts(p)).toEqual([1, 0, 0, 1]);
    expect(myPollAnswers(e, 'L-1')).toEqual({ [p.id]: 3 });
    // The same answer again changes nothing and publishes nothing.
    const same = answerPoll(e, listener('L-1'), p.id, 3);
    expect(same.ok && same.changes).toEqual([]);
  });

  it('refuses a vote on a closed poll, an unknown poll or option, and staff answering', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const p = satisfaction(e, ctx);
    unwrap(answerPoll(e, listener('L-1'), p.id, 1));
    expectRefused(e, 'poll_not_found', () => answerPoll(e, listener('L-1'), 'tidak-ada', 0));
    expectRefused(e, 'poll_option_invalid', () => answerPoll(e, listener('L-1'), p.id, 4));
    expectRefused(e, 'poll_option_invalid', () => answerPoll(e, listener('L-1'), p.id, -1));
    expectRefused(e, 'poll_option_invalid', () => answerPoll(e, listener('L-1'), p.id, 1.5));
    expectRefused(e, 'not_allowed', () => answerPoll(e, host, p.id, 0));
    expectRefused(e, 'not_allowed', () => answerPoll(e, listener('__proto__'), p.id, 0));
    unwrap(closePoll(e, host, p.id, ctx));
    expectRefused(e, 'poll_closed', () => answerPoll(e, listener('L-2'), p.id, 0));
    expectRefused(e, 'poll_closed', () => answerPoll(e, listener('L-1'), p.id, 2));
    expect(pollCounts(p)).toEqual([0, 1, 0, 0]);
  });

  it('refuses answers before the show and after it', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const p = satisfaction(e, ctx);
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => answerPoll(e, listener('L-1'), p.id, 0));
  });
});

describe('closing and showing results', () => {
  it('closes once; a second close is refused', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const p = satisfaction(e, ctx);
    ctx.tick(60);
    const closed = unwrap(closePoll(e, host, p.id, ctx));
    expect([closed.status, closed.closedAt]).toEqual(['closed', ctx.now]);
    expectRefused(e, 'poll_closed', () => closePoll(e, host, p.id, ctx));
    expectRefused(e, 'poll_not_found', () => closePoll(e, host, 'x', ctx));
    expectRefused(e, 'not_allowed', () => closePoll(e, screener, p.id, ctx));
    // A new poll may open once the first is closed.
    expect(openPoll(e, host, { kind: 'satisfaction' }, ctx).ok).toBe(true);
  });

  it('ending the episode closes an open poll', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const p = satisfaction(e, ctx);
    const r = endEpisode(e, host, ctx);
    expect(p.status).toBe('closed');
    expect(r.ok && r.changes.some((c) => c.kind === 'poll')).toBe(true);
  });

  it('shows listeners counts only when the host chooses; staff always see them', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const p = satisfaction(e, ctx);
    for (const [i, o] of [[1, 0], [2, 1], [3, 1], [4, 1], [5, 3], [6, 3], [7, 3]] as const) unwrap(answerPoll(e, listener(`L-${i}`), p.id, o));
    expect(pollView(p, 'listener')).toMatchObject({ counts: null, percents: null, total: null });
    expect(pollView(p, 'staff')).toMatchObject({ counts: [1, 3, 0, 3], percents: [14, 43, 0, 43], total: 7 });
    const shown = setPollResultsVisible(e, host, p.id, true);
    expect(shown.ok && shown.changes).toHaveLength(1);
    expect(pollView(p, 'listener').percents).toEqual([14, 43, 0, 43]);
    const again = setPollResultsVisible(e, host, p.id, true);
    expect(again.ok && again.changes).toEqual([]);
    expectRefused(e, 'not_allowed', () => setPollResultsVisible(e, notulis, p.id, false));
    expectRefused(e, 'not_allowed', () => setPollResultsVisible(e, planner, p.id, false));
    expectRefused(e, 'poll_not_found', () => setPollResultsVisible(e, host, 'x', false));
    // Listener ids never appear in a view.
    expect(JSON.stringify(pollView(p, 'staff'))).not.toContain('L-1');
    expect(findPoll(e, p.id)).toBe(p);
  });
});
