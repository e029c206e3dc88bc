// After the show: who may correct what, the edit log, and refusals that change nothing.
import { describe, expect, it } from 'vitest';
import { correctClosing, correctHeading, correctNote, correctRecording, reassignClosing } from '../../server/domain/correction.ts';
import { endEpisode } from '../../server/domain/episode.ts';
import { addNote, setClosing } from '../../server/domain/note.ts';
import { airQuestion } from '../../server/domain/question.ts';
import type { Actor, Episode } from '../../server/contract/types.ts';
import { admin, expectRefused, host, listener, liveEpisode, makeCtx, notulis, planner, screener, submitted, unwrap } from './fixtures.ts';
import type { TestCtx } from './fixtures.ts';

const notulisU: Actor = { kind: 'staff', staffId: 'staff-n', role: 'notulis', name: 'Sri Notulis', username: 'sri' };

function endedShow(): { e: Episode; ctx: TestCtx; qid: string; nid: string } {
  const ctx = makeCtx();
  const e = liveEpisode(ctx);
  const q = submitted(e, ctx, 'SMS: pak jalan desa kapan di aspal, sdh 3 thn rusak', 'sms');
  unwrap(airQuestion(e, host, q.id, ctx));
  const n = unwrap(addNote(e, notulis, { questionId: q.id, by: { kind: 'speakers', speakerIds: [e.speakers[0]!.id] }, text: 'Tahun depan diaspal.' }, ctx));
  unwrap(setClosing(e, notulis, { speakerId: e.speakers[0]!.id, kind: 'paragraph', text: 'Terima kasih.' }));
  ctx.tick(60);
  unwrap(endEpisode(e, host, ctx));
  ctx.tick(3600);
  return { e, ctx, qid: q.id, nid: n.id };
}

describe('corrections after the show', () => {
  it('set a heading: the text stays as asked, the log says who, when, which question, before and after', () => {
    const { e, ctx, qid } = endedShow();
    const r = correctHeading(e, notulisU, qid, '  Kapan jalan desa diaspal? ', ctx);
    expect(r.ok).toBe(true);
    const q = e.questions.find((x) => x.id === qid)!;
    expect(q.text).toBe('SMS: pak jalan desa kapan di aspal, sdh 3 thn rusak');
    expect(q.heading).toBe('Kapan jalan desa diaspal?');
    expect(e.edits).toEqual([{
      at: ctx.now, by: 'sri', role: 'notulis', field: 'question.heading', target: qid,
      before: 'SMS: pak jalan desa kapan di aspal, sdh 3 thn rusak', after: 'Kapan jalan desa diaspal?',
    }]);
    expect(r.ok && r.changes.map((c) => c.kind)).toEqual(['question', 'edits']);
  });

  it('host, notulis and admin may correct; screener, planner and listeners may not, and nothing changes', () => {
    for (const who of [host, notulis, admin]) {
      const { e, ctx, qid } = endedShow();
      expect(correctHeading(e, who, qid, 'Judul', ctx).ok).toBe(true);
    }
    for (const who of [screener, planner, listener('L-1')]) {
      const { e, ctx, qid } = endedShow();
      expectRefused(e, 'not_allowed', () => correctHeading(e, who, qid, 'Judul', ctx));
      expectRefused(e, 'not_allowed', () => correctRecording(e, who, 'https://x.example/a.mp3', ctx));
    }
  });

  it('is refused before the end (the live rules apply then)', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expectRefused(e, 'episode_not_ended', () => correctRecording(e, host, 'https://x.example/a.mp3', ctx));
  });

  it('refuses a recording link that is not http(s), and a no-op', () => {
    const { e, ctx } = endedShow();
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.example/a', 'https://a b.example', 'http://x.example/"><script>']) {
      expectRefused(e, 'invalid_payload', () => correctRecording(e, host, bad, ctx));
    }
    unwrap(correctRecording(e, host, 'https://arsip.example/ep7.mp3', ctx));
    expectRefused(e, 'no_change', () => correctRecording(e, host, ' https://arsip.example/ep7.mp3 ', ctx));
    unwrap(correctRecording(e, host, null, ctx));
    expect(e.recordingUrl).toBeNull();
    expect(e.edits!.map((x) => [x.field, x.before, x.after])).toEqual([
      ['recordingUrl', null, 'https://arsip.example/ep7.mp3'], ['recordingUrl', 'https://arsip.example/ep7.mp3', null],
    ]);
  });

  it('a heading equal to the words as asked, or empty, goes back to them; the same heading again is a no-op', () => {
    const { e, ctx, qid } = endedShow();
    unwrap(correctHeading(e, host, qid, 'Jalan desa', ctx));
    expectRefused(e, 'no_change', () => correctHeading(e, host, qid, 'Jalan desa', ctx));
    unwrap(correctHeading(e, host, qid, '', ctx));
    expect(e.questions.find((q) => q.id === qid)!.heading).toBeNull();
    expectRefused(e, 'no_change', () => correctHeading(e, host, qid, 'SMS: pak jalan desa kapan di aspal, sdh 3 thn rusak', ctx));
    expectRefused(e, 'text_too_long', () => correctHeading(e, host, qid, 'x'.repeat(501), ctx));
    expectRefused(e, 'question_not_found', () => correctHeading(e, host, 'nope', 'x', ctx));
  });

  it('a note: text and attribution each get their own entry; an unchanged note is refused', () => {
    const { e, ctx, nid } = endedShow();
    const [s1, s2] = e.speakers;
    unwrap(correctNote(e, notulisU, nid, { kind: 'speakers', speakerIds: [s2!.id] }, 'Tahun depan jalan diaspal.', ctx));
    expect(e.edits!.map((x) => [x.field, x.target, x.before, x.after])).toEqual([
      ['note.text', nid, 'Tahun depan diaspal.', 'Tahun depan jalan diaspal.'],
      ['note.by', nid, s1!.shortName, s2!.shortName],
    ]);
    expectRefused(e, 'no_change', () => correctNote(e, notulisU, nid, { kind: 'speakers', speakerIds: [s2!.id] }, ' Tahun depan jalan diaspal. ', ctx));
    expectRefused(e, 'text_empty', () => correctNote(e, notulisU, nid, { kind: 'none' }, '  ', ctx));
    expectRefused(e, 'speaker_not_found', () => correctNote(e, notulisU, nid, { kind: 'speakers', speakerIds: ['x'] }, 'a', ctx));
  });

  it('a closing statement: corrected in place, moved to the right speaker, never emptied', () => {
    const { e, ctx } = endedShow();
    const [s1, s2] = e.speakers;
    unwrap(correctClosing(e, host, { speakerId: s1!.id, kind: 'points', points: ['Terima kasih.', '', 'Sampai jumpa.'] }, ctx));
    expect(e.closing).toEqual([{ speakerId: s1!.id, kind: 'points', points: ['Terima kasih.', 'Sampai jumpa.'] }]);
    expectRefused(e, 'text_empty', () => correctClosing(e, host, { speakerId: s1!.id, kind: 'points', points: ['', ' '] }, ctx));
    expectRefused(e, 'no_change', () => correctClosing(e, host, { speakerId: s1!.id, kind: 'points', points: ['Terima kasih.', 'Sampai jumpa.'] }, ctx));
    unwrap(reassignClosing(e, host, s1!.id, s2!.id, ctx));
    expect(e.closing[0]!.speakerId).toBe(s2!.id);
    expectRefused(e, 'closing_not_found', () => reassignClosing(e, host, s1!.id, s2!.id, ctx));
    expect(e.edits!.map((x) => [x.field, x.target, x.before, x.after])).toEqual([
      ['closing.text', s1!.id, 'Terima kasih.', '1. Terima kasih.\n2. Sampai jumpa.'],
      ['closing.speaker', s2!.id, s1!.shortName, s2!.shortName],
    ]);
  });
});
