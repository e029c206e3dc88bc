import { describe, expect, it } from 'vitest';
import { endEpisode } from '../../server/domain/episode.ts';
import {
  airQuestion, approveQuestion, askQuestion, editQuestion, findQuestion, markAnswered, mergeQuestion, onAirQuestion,
  rejectQuestion, requeueQuestion, submitQuestion,
} from '../../server/domain/question.ts';
import { castVote } from '../../server/domain/vote.ts';
import type { Result } from '../../server/domain/result.ts';
import { CHANNELS } from '../../server/contract/types.ts';
import type { Actor, Episode, Question, QuestionStatus } from '../../server/contract/types.ts';
import {
  admin, approvedFromListener, draftEpisode, expectRefused, host, listener, liveEpisode, makeCtx, notulis, planner, q,
  screener, submitted, unwrap,
} from './fixtures.ts';
import type { TestCtx } from './fixtures.ts';

const EMOJI = '😀'; // one character, two UTF-16 code units
const THUMBS = '👍'; // likewise

function ask(e: Episode, ctx: TestCtx, text: string, listenerId = 'L-1'): Result<Question> {
  ctx.tick();
  return askQuestion(e, listener(listenerId), { text }, ctx);
}

describe('question text (1–500 characters after trimming)', () => {
  it.each([
    ['empty', ''],
    ['spaces only', '     '],
    ['newlines and tabs only', '\n\t \r\n'],
    ['invisible characters only', '\u200B\uFEFF\u0007'],
  ])('refuses %s text with text_empty', (_name, text) => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expectRefused(e, 'text_empty', () => askQuestion(e, listener('L-1'), { text }, ctx));
    expectRefused(e, 'text_empty', () => submitQuestion(e, screener, { text, channel: 'phone' }, ctx));
  });

  it('accepts exactly 500 characters, even wrapped in whitespace', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const text = 'a'.repeat(500);
    expect(unwrap(ask(e, ctx, `  \n${text}\t `)).text).toBe(text);
  });

  it('refuses 501 characters with text_too_long', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expectRefused(e, 'text_too_long', () => askQuestion(e, listener('L-1'), { text: 'a'.repeat(501) }, ctx));
    expectRefused(e, 'text_too_long', () => submitQuestion(e, host, { text: 'a'.repeat(501), channel: 'sms' }, ctx));
  });

  it('counts an emoji as one character', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    // 500 emoji are 1000 UTF-16 code units: still 500 characters.
    expect(unwrap(ask(e, ctx, EMOJI.repeat(500))).text).toBe(EMOJI.repeat(500));
    expect(unwrap(ask(e, ctx, `${'a'.repeat(499)}${THUMBS}`)).text).toHaveLength(501);
    expectRefused(e, 'text_too_long', () => askQuestion(e, listener('L-1'), { text: EMOJI.repeat(501) }, ctx));
    expectRefused(e, 'text_too_long', () => askQuestion(e, listener('L-1'), { text: `${'a'.repeat(500)}${THUMBS}` }, ctx));
  });

  it('collapses runs of whitespace and newlines into one space', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expect(unwrap(ask(e, ctx, '  Kapan\n\n pipa   di\tDusun Atas\u200Bdiperbaiki? ')).text)
      .toBe('Kapan pipa di Dusun Atas diperbaiki?');
  });

  it('counts after collapsing: 500 words-with-spaces that collapse to 500 characters pass', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const raw = 'ab   '.repeat(100).trim(); // 100 × "ab" separated by runs of 3 spaces
    const text = unwrap(ask(e, ctx, raw + ' ' + 'c'.repeat(500 - 300))).text;
    expect([...text]).toHaveLength(500);
  });
});

describe('askQuestion (listener on the web)', () => {
  it('with pre-moderation on, waits as pending', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    ctx.tick(30);
    const r = askQuestion(e, listener('L-7'), { text: 'Kapan pipa diperbaiki?', name: '  Bu  Sri ', location: 'Dusun Atas' }, ctx);
    const question = unwrap(r);
    expect(question).toEqual({
      id: 'id-4', number: 1, text: 'Kapan pipa diperbaiki?', channel: 'web', askerName: 'Bu Sri', askerLocation: 'Dusun Atas',
      status: 'pending', askedBy: 'L-7', voters: [], createdAt: ctx.now, onAirAt: null, answeredAt: null, mergedInto: null,
    });
    expect(e.questions).toEqual([question]);
    expect(r.ok && r.changes).toEqual([{ kind: 'question', question }]);
  });

  it('numbers questions 1, 2, 3… in the order asked, never reusing a number', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx, { premoderation: false });
    const a = unwrap(ask(e, ctx, 'Satu?'));
    const b = unwrap(ask(e, ctx, 'Dua?'));
    expect([a.number, b.number]).toEqual([1, 2]);
    // An erased question leaves its number unused: "DUKUNG 1" must not reach another one.
    e.questions.splice(0, 1);
    expect(unwrap(ask(e, ctx, 'Tiga?')).number).toBe(3);
  });

  it('with pre-moderation off, is approved at once', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx, { premoderation: false });
    expect(unwrap(ask(e, ctx, 'Berapa biayanya?')).status).toBe('approved');
  });

  it('treats an empty name or location as anonymous', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const question = unwrap(askQuestion(e, listener('L-1'), { text: 'Halo?', name: '   ', location: null }, ctx));
    expect(question.askerName).toBeNull();
    expect(question.askerLocation).toBeNull();
  });

  it('answers a repeat of the same ask by the same listener with the first question (a retry after a failed write), written again', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const first = unwrap(askQuestion(e, listener('L-1'), { text: 'Kapan air mengalir?', name: 'Bu Sri' }, ctx));
    const again = askQuestion(e, listener('L-1'), { text: '  Kapan air mengalir? ', name: 'Bu Sri' }, ctx);
    expect(again.ok && again.value.id).toBe(first.id);
    expect(again.ok && again.changes).toEqual([{ kind: 'question', question: first }]);
    expect(e.questions).toHaveLength(1);
    // Another listener, another name, or a question already answered: a new question.
    unwrap(askQuestion(e, listener('L-2'), { text: 'Kapan air mengalir?', name: 'Bu Sri' }, ctx));
    unwrap(askQuestion(e, listener('L-1'), { text: 'Kapan air mengalir?', name: null }, ctx));
    expect(e.questions).toHaveLength(3);
  });

  it('limits the name to 80 and the location to 120 characters', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    unwrap(askQuestion(e, listener('L-1'), { text: 'Halo?', name: 'n'.repeat(80), location: 'l'.repeat(120) }, ctx));
    expectRefused(e, 'text_too_long', () => askQuestion(e, listener('L-1'), { text: 'Halo?', name: 'n'.repeat(81) }, ctx));
    expectRefused(e, 'text_too_long', () => askQuestion(e, listener('L-1'), { text: 'Halo?', location: 'l'.repeat(121) }, ctx));
  });

  it.each<Actor>([admin, host, screener])('is for listeners only: refuses staff %o', (actor) => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expectRefused(e, 'not_allowed', () => askQuestion(e, actor, { text: 'Halo?' }, ctx));
  });

  it('refuses before the show starts and after it ends', () => {
    const ctx = makeCtx();
    const draft = draftEpisode(ctx);
    expectRefused(draft, 'episode_not_live', () => askQuestion(draft, listener('L-1'), { text: 'Halo?' }, ctx));
    const e = liveEpisode(ctx);
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => askQuestion(e, listener('L-1'), { text: 'Halo?' }, ctx));
  });
});

describe('submitQuestion (staff type in phone, SMS, WhatsApp, studio, email)', () => {
  it.each(CHANNELS)('records channel %s, approved at once even with pre-moderation on', (channel) => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expect(e.premoderation).toBe(true);
    const question = unwrap(submitQuestion(e, screener, { text: 'Lewat saluran lain', channel, name: 'Pak Joko' }, ctx));
    expect(question).toMatchObject({ channel, status: 'approved', askedBy: null, askerName: 'Pak Joko' });
  });

  it.each<Actor>([notulis, planner, listener('L-1')])('refuses %o', (actor) => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expectRefused(e, 'not_allowed', () => submitQuestion(e, actor, { text: 'Halo?', channel: 'sms' }, ctx));
  });

  it('refuses before the show starts and after it ends', () => {
    const ctx = makeCtx();
    const draft = draftEpisode(ctx);
    expectRefused(draft, 'episode_not_live', () => submitQuestion(draft, host, { text: 'Halo?', channel: 'sms' }, ctx));
    const e = liveEpisode(ctx);
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => submitQuestion(e, host, { text: 'Halo?', channel: 'sms' }, ctx));
  });
});

/** A live episode holding one question in `status` (plus, for merged, the question it went into). */
function inStatus(status: QuestionStatus): { e: Episode; ctx: TestCtx; id: string } {
  const ctx = makeCtx();
  const e = liveEpisode(ctx);
  ctx.tick();
  const question = unwrap(askQuestion(e, listener('L-1'), { text: `Pertanyaan ${status}` }, ctx));
  switch (status) {
    case 'pending': break;
    case 'approved': unwrap(approveQuestion(e, screener, question.id)); break;
    case 'rejected': unwrap(rejectQuestion(e, screener, question.id)); break;
    case 'on_air':
      unwrap(approveQuestion(e, screener, question.id));
      unwrap(airQuestion(e, host, question.id, ctx));
      break;
    case 'answered':
      unwrap(approveQuestion(e, screener, question.id));
      unwrap(airQuestion(e, host, question.id, ctx));
      unwrap(markAnswered(e, host, question.id, ctx));
      break;
    case 'merged': {
      const other = submitted(e, ctx, 'Pertanyaan lain');
      unwrap(mergeQuestion(e, screener, question.id, other.id));
      break;
    }
  }
  expect(q(e, question.id).status).toBe(status);
  return { e, ctx, id: question.id };
}

const ALL: QuestionStatus[] = ['pending', 'approved', 'on_air', 'answered', 'rejected', 'merged'];

describe('status transitions', () => {
  const table: Array<[string, QuestionStatus[], QuestionStatus, (e: Episode, id: string, ctx: TestCtx) => Result<Question>]> = [
    ['approve', ['pending', 'rejected'], 'approved', (e, id) => approveQuestion(e, screener, id)],
    ['reject', ['pending', 'approved'], 'rejected', (e, id) => rejectQuestion(e, screener, id)],
    ['air', ['approved'], 'on_air', (e, id, ctx) => airQuestion(e, host, id, ctx)],
    ['mark answered', ['on_air'], 'answered', (e, id, ctx) => markAnswered(e, host, id, ctx)],
    ['requeue', ['on_air', 'answered'], 'approved', (e, id) => requeueQuestion(e, host, id)],
  ];
  for (const [name, from, to, command] of table) {
    for (const status of ALL) {
      if (from.includes(status)) {
        it(`${name}: ${status} → ${to}`, () => {
          const { e, ctx, id } = inStatus(status);
          const r = command(e, id, ctx);
          expect(unwrap(r)).toBe(q(e, id));
          expect(q(e, id).status).toBe(to);
          expect(r.ok && r.changes).toEqual([{ kind: 'question', question: q(e, id) }]);
        });
      } else {
        it(`${name}: refuses from ${status} with invalid_transition`, () => {
          const { e, ctx, id } = inStatus(status);
          expectRefused(e, 'invalid_transition', () => command(e, id, ctx));
        });
      }
    }
    it(`${name}: unknown question → question_not_found`, () => {
      const { e, ctx } = inStatus('approved');
      expectRefused(e, 'question_not_found', () => command(e, 'no-such-id', ctx));
    });
  }

  it('runs the whole way: pending → approved → on_air → answered, stamping the times', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const { id } = unwrap(ask(e, ctx, 'Kapan pipa diperbaiki?'));
    unwrap(approveQuestion(e, screener, id));
    const airedAt = ctx.tick(60);
    unwrap(airQuestion(e, host, id, ctx));
    expect(q(e, id)).toMatchObject({ status: 'on_air', onAirAt: airedAt, answeredAt: null });
    expect(onAirQuestion(e)?.id).toBe(id);
    const answeredAt = ctx.tick(120);
    unwrap(markAnswered(e, host, id, ctx));
    expect(q(e, id)).toMatchObject({ status: 'answered', onAirAt: airedAt, answeredAt });
    expect(onAirQuestion(e)).toBeUndefined();
  });

  it('requeue of an answered question clears its answer time and keeps when it first aired', () => {
    const { e, id } = inStatus('answered');
    const { onAirAt } = q(e, id);
    unwrap(requeueQuestion(e, host, id));
    expect(q(e, id)).toMatchObject({ status: 'approved', answeredAt: null, onAirAt });
  });
});

describe('at most one question on air', () => {
  it('refuses to air a second question with another_on_air', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const first = submitted(e, ctx, 'Satu');
    const second = submitted(e, ctx, 'Dua');
    unwrap(airQuestion(e, host, first.id, ctx));
    expectRefused(e, 'another_on_air', () => airQuestion(e, host, second.id, ctx));
    expect(e.questions.filter((x) => x.status === 'on_air')).toHaveLength(1);
  });

  it('allows the next once the first is answered or requeued', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const [a, b, c] = [submitted(e, ctx, 'Satu'), submitted(e, ctx, 'Dua'), submitted(e, ctx, 'Tiga')];
    unwrap(airQuestion(e, host, a.id, ctx));
    unwrap(markAnswered(e, host, a.id, ctx));
    unwrap(airQuestion(e, host, b.id, ctx));
    unwrap(requeueQuestion(e, host, b.id));
    unwrap(airQuestion(e, admin, c.id, ctx));
    expect(onAirQuestion(e)?.id).toBe(c.id);
  });
});

describe('who may moderate and air', () => {
  it.each<Actor>([notulis, planner, listener('L-1')])('moderation refuses %o', (actor) => {
    const { e, ctx, id } = inStatus('pending');
    expectRefused(e, 'not_allowed', () => approveQuestion(e, actor, id));
    expectRefused(e, 'not_allowed', () => rejectQuestion(e, actor, id));
    expectRefused(e, 'not_allowed', () => editQuestion(e, actor, id, { text: 'Diubah' }));
    const other = submitted(e, ctx, 'Lain');
    expectRefused(e, 'not_allowed', () => mergeQuestion(e, actor, id, other.id));
  });

  it.each<Actor>([screener, notulis, planner, listener('L-1')])('airing refuses %o', (actor) => {
    const { e, ctx, id } = inStatus('approved');
    expectRefused(e, 'not_allowed', () => airQuestion(e, actor, id, ctx));
    unwrap(airQuestion(e, host, id, ctx));
    expectRefused(e, 'not_allowed', () => markAnswered(e, actor, id, ctx));
    expectRefused(e, 'not_allowed', () => requeueQuestion(e, actor, id));
  });

  it('after the show ends, nothing moves', () => {
    const { e, ctx, id } = inStatus('approved');
    const pending = unwrap(ask(e, ctx, 'Masih menunggu'));
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => approveQuestion(e, screener, pending.id));
    expectRefused(e, 'episode_ended', () => rejectQuestion(e, screener, pending.id));
    expectRefused(e, 'episode_ended', () => editQuestion(e, screener, pending.id, { text: 'Diubah' }));
    expectRefused(e, 'episode_ended', () => mergeQuestion(e, screener, pending.id, id));
    expectRefused(e, 'episode_ended', () => airQuestion(e, host, id, ctx));
    expectRefused(e, 'episode_ended', () => markAnswered(e, host, id, ctx));
    expectRefused(e, 'episode_ended', () => requeueQuestion(e, host, id));
  });

  it('airing needs a live episode: a draft is refused with episode_not_live', () => {
    const ctx = makeCtx();
    const e = draftEpisode(ctx);
    expectRefused(e, 'episode_not_live', () => airQuestion(e, host, 'x', ctx));
    expectRefused(e, 'episode_not_live', () => markAnswered(e, host, 'x', ctx));
    expectRefused(e, 'episode_not_live', () => requeueQuestion(e, host, 'x'));
  });
});

describe('editQuestion', () => {
  it('fixes the text and keeps the asker when name and location are not sent', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const question = unwrap(askQuestion(e, listener('L-1'), { text: 'Kapan pipa diprebaiki?', name: 'Bu Sri', location: 'Dusun Atas' }, ctx));
    const r = editQuestion(e, screener, question.id, { text: ' Kapan pipa  diperbaiki? ' });
    expect(unwrap(r)).toMatchObject({ text: 'Kapan pipa diperbaiki?', askerName: 'Bu Sri', askerLocation: 'Dusun Atas', status: 'pending', askedBy: 'L-1' });
    expect(r.ok && r.changes).toEqual([{ kind: 'question', question: q(e, question.id) }]);
  });

  it('clears the name and location when sent as null or blank', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const question = unwrap(askQuestion(e, listener('L-1'), { text: 'Halo?', name: 'Bu Sri', location: 'Dusun Atas' }, ctx));
    unwrap(editQuestion(e, host, question.id, { text: 'Halo?', name: null, location: '  ' }));
    expect(q(e, question.id)).toMatchObject({ askerName: null, askerLocation: null });
  });

  it('refuses bad text, a too-long name and a merged question, changing nothing', () => {
    const { e, id } = inStatus('approved');
    expectRefused(e, 'text_empty', () => editQuestion(e, screener, id, { text: '  ' }));
    expectRefused(e, 'text_too_long', () => editQuestion(e, screener, id, { text: 'x'.repeat(501) }));
    expectRefused(e, 'text_too_long', () => editQuestion(e, screener, id, { text: 'Baik', name: 'n'.repeat(81) }));
    expectRefused(e, 'text_too_long', () => editQuestion(e, screener, id, { text: 'Baik', location: 'l'.repeat(121) }));
    expectRefused(e, 'question_not_found', () => editQuestion(e, screener, 'nope', { text: 'Baik' }));
    const merged = inStatus('merged');
    expectRefused(merged.e, 'invalid_transition', () => editQuestion(merged.e, screener, merged.id, { text: 'Baik' }));
  });
});

describe('mergeQuestion', () => {
  function withVotes() {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const target = approvedFromListener(e, ctx, 'L-1', 'Kapan pipa di Dusun Atas diperbaiki?');
    const dup = approvedFromListener(e, ctx, 'L-2', 'Pipa dusun atas kapan dibetulkan?');
    for (const v of ['L-3', 'L-4']) unwrap(castVote(e, listener(v), target.id));
    for (const v of ['L-4', 'L-5', 'L-6']) unwrap(castVote(e, listener(v), dup.id));
    return { e, ctx, target, dup };
  }

  it('moves the votes across, counting a listener who voted for both once', () => {
    const { e, target, dup } = withVotes();
    const r = mergeQuestion(e, screener, dup.id, target.id);
    expect(unwrap(r)).toBe(q(e, target.id));
    expect(q(e, target.id).voters).toEqual(['L-3', 'L-4', 'L-5', 'L-6']);
    expect(q(e, dup.id)).toMatchObject({ status: 'merged', mergedInto: target.id, voters: [] });
    expect(r.ok && r.changes).toEqual([
      { kind: 'question', question: q(e, dup.id) },
      { kind: 'question', question: q(e, target.id) },
      { kind: 'votes', questionId: target.id, count: 4 },
    ]);
  });

  it('merges a pending duplicate into an approved question', () => {
    const { e, ctx, target } = withVotes();
    const pending = unwrap(ask(e, ctx, 'Pipa lagi?', 'L-9'));
    unwrap(mergeQuestion(e, host, pending.id, target.id));
    expect(q(e, pending.id)).toMatchObject({ status: 'merged', mergedInto: target.id, askedBy: 'L-9' });
    expect(q(e, target.id).voters).toHaveLength(2);
  });

  it('may merge into the question on air', () => {
    const { e, ctx, target, dup } = withVotes();
    unwrap(airQuestion(e, host, target.id, ctx));
    unwrap(mergeQuestion(e, screener, dup.id, target.id));
    expect(q(e, target.id)).toMatchObject({ status: 'on_air' });
    expect(q(e, target.id).voters).toHaveLength(4);
  });

  it('a listener whose vote moved cannot vote again on the target', () => {
    const { e, target, dup } = withVotes();
    unwrap(mergeQuestion(e, screener, dup.id, target.id));
    expectRefused(e, 'already_voted', () => castVote(e, listener('L-5'), target.id));
  });

  it('refuses to merge a question into itself', () => {
    const { e, dup } = withVotes();
    expectRefused(e, 'merge_invalid', () => mergeQuestion(e, screener, dup.id, dup.id));
  });

  it('refuses to merge into a rejected or merged question', () => {
    const { e, ctx, target, dup } = withVotes();
    const rejected = approvedFromListener(e, ctx, 'L-7', 'Tidak sopan');
    unwrap(rejectQuestion(e, screener, rejected.id));
    expectRefused(e, 'merge_invalid', () => mergeQuestion(e, screener, dup.id, rejected.id));
    const other = submitted(e, ctx, 'Lainnya');
    unwrap(mergeQuestion(e, screener, other.id, target.id));
    expectRefused(e, 'merge_invalid', () => mergeQuestion(e, screener, dup.id, other.id));
  });

  it('refuses to merge a rejected, merged, on-air or answered question away', () => {
    for (const status of ['rejected', 'merged', 'on_air', 'answered'] as const) {
      const { e, ctx, id } = inStatus(status);
      const target = submitted(e, ctx, 'Tujuan');
      expectRefused(e, 'merge_invalid', () => mergeQuestion(e, screener, id, target.id));
    }
  });

  it('refuses unknown source or target with question_not_found', () => {
    const { e, dup } = withVotes();
    expectRefused(e, 'question_not_found', () => mergeQuestion(e, screener, 'nope', dup.id));
    expectRefused(e, 'question_not_found', () => mergeQuestion(e, screener, dup.id, 'nope'));
  });
});

describe('findQuestion', () => {
  it('finds by id and returns undefined otherwise', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const a = submitted(e, ctx, 'A');
    expect(findQuestion(e, a.id)).toBe(a);
    expect(findQuestion(e, 'zzz')).toBeUndefined();
  });
});

describe('caps on questions waiting for a screener (issue 9)', () => {
  const caps = { pendingPerListener: 2, pendingPerEpisode: 3 };
  it('refuses a listener over their cap and everyone over the episode cap, changing nothing', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx); // pre-moderation on
    for (const text of ['Satu', 'Dua']) unwrap(askQuestion(e, listener('L-1'), { text }, ctx, caps));
    expectRefused(e, 'too_many_pending', () => askQuestion(e, listener('L-1'), { text: 'Tiga' }, ctx, caps));
    unwrap(askQuestion(e, listener('L-2'), { text: 'Dari L-2' }, ctx, caps));
    expectRefused(e, 'queue_full', () => askQuestion(e, listener('L-3'), { text: 'Dari L-3' }, ctx, caps));
    // Staff-entered questions are approved at once and never wait.
    unwrap(submitQuestion(e, screener, { text: 'Lewat SMS', channel: 'sms' }, ctx));
    // A decision makes room.
    unwrap(approveQuestion(e, screener, e.questions[0]!.id));
    unwrap(askQuestion(e, listener('L-1'), { text: 'Tiga lagi' }, ctx, caps));
  });

  it('does not cap questions that go straight to the queue (pre-moderation off)', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    e.premoderation = false;
    for (let i = 0; i < 5; i++) unwrap(askQuestion(e, listener('L-1'), { text: `Langsung ${i}` }, ctx, caps));
  });
});
