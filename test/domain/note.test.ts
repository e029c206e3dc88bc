import { describe, expect, it } from 'vitest';
import { endEpisode } from '../../server/domain/episode.ts';
import { airQuestion, askQuestion, markAnswered, requeueQuestion } from '../../server/domain/question.ts';
import { addNote, deleteNote, editNote, removeClosing, setClosing } from '../../server/domain/note.ts';
import type { Actor, Attribution } from '../../server/contract/types.ts';
import {
  admin, draftEpisode, expectRefused, host, listener, liveEpisode, makeCtx, notulis, planner, screener, submitted, unwrap,
} from './fixtures.ts';

function setup() {
  const ctx = makeCtx();
  const e = liveEpisode(ctx);
  const [har, ratna] = e.speakers;
  const aired = submitted(e, ctx, 'Kapan pipa diperbaiki?');
  unwrap(airQuestion(e, host, aired.id, ctx));
  return { ctx, e, har: har!, ratna: ratna!, aired };
}

describe('addNote', () => {
  it('attributes an answer to a speaker under the question on air', () => {
    const { ctx, e, har, aired } = setup();
    ctx.tick(5);
    const r = addNote(e, notulis, { questionId: aired.id, by: { kind: 'speakers', speakerIds: [har.id] }, text: '  Pipa  diganti\nbulan depan. ' }, ctx);
    const note = unwrap(r);
    expect(note).toEqual({
      id: 'id-5', questionId: aired.id, by: { kind: 'speakers', speakerIds: [har.id] }, text: 'Pipa diganti bulan depan.',
      createdAt: ctx.now, updatedAt: ctx.now,
    });
    expect(e.notes).toEqual([note]);
    expect(r.ok && r.changes).toEqual([{ kind: 'note', note }]);
  });

  it('attributes to several speakers in the episode\'s speaker order, each once', () => {
    const { ctx, e, har, ratna, aired } = setup();
    const note = unwrap(addNote(e, notulis, { questionId: aired.id, by: { kind: 'speakers', speakerIds: [ratna.id, har.id, ratna.id] }, text: 'Bersama.' }, ctx));
    expect(note.by).toEqual({ kind: 'speakers', speakerIds: [har.id, ratna.id] });
  });

  it('attributes to an agency, with the label tidied, or to nobody', () => {
    const { ctx, e, aired } = setup();
    const agency = unwrap(addNote(e, notulis, { questionId: aired.id, by: { kind: 'agency', label: '  BAPPEDA   Kabupaten ' }, text: 'Sudah dianggarkan.' }, ctx));
    expect(agency.by).toEqual({ kind: 'agency', label: 'BAPPEDA Kabupaten' });
    const none = unwrap(addNote(e, notulis, { questionId: null, by: { kind: 'none' }, text: 'Lagu jeda.' }, ctx));
    expect(none).toMatchObject({ by: { kind: 'none' }, questionId: null });
  });

  it('may note under an answered question (the notulis catches up)', () => {
    const { ctx, e, aired } = setup();
    unwrap(markAnswered(e, host, aired.id, ctx));
    expect(unwrap(addNote(e, notulis, { questionId: aired.id, by: { kind: 'none' }, text: 'Tambahan.' }, ctx)).questionId).toBe(aired.id);
  });

  it.each<[string, Attribution]>([
    ['an unknown speaker', { kind: 'speakers', speakerIds: ['ghost'] }],
    ['a known and an unknown speaker', { kind: 'speakers', speakerIds: ['id-1', 'ghost'] }],
    ['no speakers at all', { kind: 'speakers', speakerIds: [] }],
  ])('refuses %s with speaker_not_found', (_name, by) => {
    const { ctx, e, aired } = setup();
    expect(e.speakers[0]!.id).toBe('id-1');
    expectRefused(e, 'speaker_not_found', () => addNote(e, notulis, { questionId: aired.id, by, text: 'Jawaban.' }, ctx));
  });

  it('refuses a blank or too-long agency label', () => {
    const { ctx, e, aired } = setup();
    expectRefused(e, 'text_empty', () => addNote(e, notulis, { questionId: aired.id, by: { kind: 'agency', label: ' ' }, text: 'x' }, ctx));
    expectRefused(e, 'text_too_long', () => addNote(e, notulis, { questionId: aired.id, by: { kind: 'agency', label: 'A'.repeat(81) }, text: 'x' }, ctx));
    unwrap(addNote(e, notulis, { questionId: aired.id, by: { kind: 'agency', label: 'A'.repeat(80) }, text: 'x' }, ctx));
  });

  it('holds the text to 1–4000 characters', () => {
    const { ctx, e, aired } = setup();
    expectRefused(e, 'text_empty', () => addNote(e, notulis, { questionId: aired.id, by: { kind: 'none' }, text: ' \n ' }, ctx));
    expectRefused(e, 'text_too_long', () => addNote(e, notulis, { questionId: aired.id, by: { kind: 'none' }, text: 'x'.repeat(4001) }, ctx));
    expect(unwrap(addNote(e, notulis, { questionId: aired.id, by: { kind: 'none' }, text: 'x'.repeat(4000) }, ctx)).text).toHaveLength(4000);
  });

  it('refuses a question that has not been on air, and an unknown one', () => {
    const { ctx, e } = setup();
    const waiting = submitted(e, ctx, 'Belum mengudara');
    const pending = unwrap(askQuestion(e, listener('L-1'), { text: 'Menunggu' }, ctx));
    expectRefused(e, 'no_question_on_air', () => addNote(e, notulis, { questionId: waiting.id, by: { kind: 'none' }, text: 'x' }, ctx));
    expectRefused(e, 'no_question_on_air', () => addNote(e, notulis, { questionId: pending.id, by: { kind: 'none' }, text: 'x' }, ctx));
    expectRefused(e, 'question_not_found', () => addNote(e, notulis, { questionId: 'nope', by: { kind: 'none' }, text: 'x' }, ctx));
  });

  it('keeps notes under a question that goes back to the queue', () => {
    const { ctx, e, aired } = setup();
    const note = unwrap(addNote(e, notulis, { questionId: aired.id, by: { kind: 'none' }, text: 'Sebagian dijawab.' }, ctx));
    unwrap(requeueQuestion(e, host, aired.id));
    expect(e.notes).toEqual([note]);
  });

  it.each<Actor>([admin, host])('lets %o write notes too', (actor) => {
    const { ctx, e } = setup();
    unwrap(addNote(e, actor, { questionId: null, by: { kind: 'none' }, text: 'Catatan.' }, ctx));
    expect(e.notes).toHaveLength(1);
  });

  it.each<Actor>([screener, planner, listener('L-1')])('refuses %o', (actor) => {
    const { ctx, e } = setup();
    expectRefused(e, 'not_allowed', () => addNote(e, actor, { questionId: null, by: { kind: 'none' }, text: 'Catatan.' }, ctx));
  });

  it('refuses before the show and after it', () => {
    const ctx = makeCtx();
    const draft = draftEpisode(ctx);
    expectRefused(draft, 'episode_not_live', () => addNote(draft, notulis, { questionId: null, by: { kind: 'none' }, text: 'x' }, ctx));
    const { e } = setup();
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => addNote(e, notulis, { questionId: null, by: { kind: 'none' }, text: 'x' }, ctx));
  });
});

describe('editNote and deleteNote', () => {
  function withNote() {
    const s = setup();
    const note = unwrap(addNote(s.e, notulis, { questionId: s.aired.id, by: { kind: 'speakers', speakerIds: [s.har.id] }, text: 'Awal.' }, s.ctx));
    return { ...s, note };
  }

  it('edit changes attribution, text and updatedAt, keeping the question and creation time', () => {
    const { ctx, e, ratna, aired, note } = withNote();
    const createdAt = note.createdAt;
    ctx.tick(30);
    const r = editNote(e, notulis, note.id, { by: { kind: 'speakers', speakerIds: [ratna.id] }, text: ' Diperbaiki. ' }, ctx);
    expect(unwrap(r)).toEqual({ id: note.id, questionId: aired.id, by: { kind: 'speakers', speakerIds: [ratna.id] }, text: 'Diperbaiki.', createdAt, updatedAt: ctx.now });
    expect(r.ok && r.changes).toEqual([{ kind: 'note', note: e.notes[0] }]);
  });

  it('edit refuses bad input and unknown notes, changing nothing', () => {
    const { ctx, e, note } = withNote();
    ctx.tick(30);
    expectRefused(e, 'note_not_found', () => editNote(e, notulis, 'nope', { by: { kind: 'none' }, text: 'x' }, ctx));
    expectRefused(e, 'speaker_not_found', () => editNote(e, notulis, note.id, { by: { kind: 'speakers', speakerIds: ['ghost'] }, text: 'x' }, ctx));
    expectRefused(e, 'text_empty', () => editNote(e, notulis, note.id, { by: { kind: 'none' }, text: '' }, ctx));
    expectRefused(e, 'text_too_long', () => editNote(e, notulis, note.id, { by: { kind: 'none' }, text: 'y'.repeat(4001) }, ctx));
    expectRefused(e, 'not_allowed', () => editNote(e, screener, note.id, { by: { kind: 'none' }, text: 'x' }, ctx));
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => editNote(e, notulis, note.id, { by: { kind: 'none' }, text: 'x' }, ctx));
  });

  it('delete removes just that note', () => {
    const { ctx, e, note } = withNote();
    const keep = unwrap(addNote(e, notulis, { questionId: null, by: { kind: 'none' }, text: 'Tetap.' }, ctx));
    const r = deleteNote(e, notulis, note.id);
    expect(unwrap(r)).toBe(note.id);
    expect(r.ok && r.changes).toEqual([{ kind: 'noteRemoved', noteId: note.id }]);
    expect(e.notes).toEqual([keep]);
  });

  it('delete refuses unknown notes, other roles and closed episodes', () => {
    const { ctx, e, note } = withNote();
    expectRefused(e, 'note_not_found', () => deleteNote(e, notulis, 'nope'));
    expectRefused(e, 'not_allowed', () => deleteNote(e, planner, note.id));
    expectRefused(e, 'not_allowed', () => deleteNote(e, listener('L-1'), note.id));
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => deleteNote(e, notulis, note.id));
  });
});

describe('setClosing', () => {
  it('sets a paragraph, tidied', () => {
    const { e, har } = setup();
    const r = setClosing(e, notulis, { speakerId: har.id, kind: 'paragraph', text: '  Terima kasih\n warga. ' });
    expect(unwrap(r)).toEqual([{ speakerId: har.id, kind: 'paragraph', text: 'Terima kasih warga.' }]);
    expect(r.ok && r.changes).toEqual([{ kind: 'closing', closing: e.closing }]);
  });

  it('sets numbered points, dropping blank ones', () => {
    const { e, ratna } = setup();
    unwrap(setClosing(e, notulis, { speakerId: ratna.id, kind: 'points', points: [' Rebus air minum. ', '', '  ', 'Cuci tangan.'] }));
    expect(e.closing).toEqual([{ speakerId: ratna.id, kind: 'points', points: ['Rebus air minum.', 'Cuci tangan.'] }]);
  });

  it('refuses a save that would store nothing (closing_empty), and changes nothing', () => {
    const { e, har, ratna } = setup();
    unwrap(setClosing(e, notulis, { speakerId: har.id, kind: 'paragraph', text: 'Satu.' }));
    for (const input of [
      { speakerId: har.id, kind: 'paragraph' as const, text: '   \n ' },
      { speakerId: har.id, kind: 'points' as const, points: [' ', ''] },
      { speakerId: har.id, kind: 'points' as const, points: [] },
      { speakerId: ratna.id, kind: 'points' as const, points: ['\u200B'] },
    ]) {
      expectRefused(e, 'closing_empty', () => setClosing(e, notulis, input));
      const r = setClosing(e, notulis, input);
      expect(!r.ok && r.error.message).toBe('Pernyataan penutup masih kosong, jadi tidak ada yang disimpan. Tulis paragrafnya atau isi butirnya dulu.');
    }
    expect(e.closing).toEqual([{ speakerId: har.id, kind: 'paragraph', text: 'Satu.' }]);
  });

  it('removes a statement only when asked to, once', () => {
    const { e, har, ratna } = setup();
    unwrap(setClosing(e, notulis, { speakerId: har.id, kind: 'paragraph', text: 'Satu.' }));
    unwrap(setClosing(e, notulis, { speakerId: ratna.id, kind: 'points', points: ['Dua.'] }));
    const r = removeClosing(e, notulis, har.id);
    expect(unwrap(r)).toEqual([{ speakerId: ratna.id, kind: 'points', points: ['Dua.'] }]);
    expect(r.ok && r.changes).toEqual([{ kind: 'closing', closing: e.closing }]);
    const again = removeClosing(e, notulis, har.id);
    expect(again.ok && again.changes).toEqual([]);
    expectRefused(e, 'speaker_not_found', () => removeClosing(e, notulis, 'ghost'));
    expectRefused(e, 'not_allowed', () => removeClosing(e, screener, ratna.id));
  });

  it('replaces a speaker\'s statement in place and appends new speakers in the order they first spoke', () => {
    const { e, har, ratna } = setup();
    unwrap(setClosing(e, notulis, { speakerId: ratna.id, kind: 'paragraph', text: 'Pertama.' }));
    unwrap(setClosing(e, notulis, { speakerId: har.id, kind: 'paragraph', text: 'Kedua.' }));
    unwrap(setClosing(e, notulis, { speakerId: ratna.id, kind: 'points', points: ['Diganti.'] }));
    expect(e.closing).toEqual([
      { speakerId: ratna.id, kind: 'points', points: ['Diganti.'] },
      { speakerId: har.id, kind: 'paragraph', text: 'Kedua.' },
    ]);
  });

  it('refuses an unknown speaker', () => {
    const { e } = setup();
    expectRefused(e, 'speaker_not_found', () => setClosing(e, notulis, { speakerId: 'ghost', kind: 'paragraph', text: 'x' }));
  });

  it('limits points to 30 of at most 1000 characters, and a paragraph to 4000', () => {
    const { e, har } = setup();
    expectRefused(e, 'text_too_long', () => setClosing(e, notulis, { speakerId: har.id, kind: 'points', points: Array.from({ length: 31 }, (_, i) => `Butir ${i}`) }));
    expectRefused(e, 'text_too_long', () => setClosing(e, notulis, { speakerId: har.id, kind: 'points', points: ['ok', 'p'.repeat(1001)] }));
    expectRefused(e, 'text_too_long', () => setClosing(e, notulis, { speakerId: har.id, kind: 'paragraph', text: 'p'.repeat(4001) }));
    unwrap(setClosing(e, notulis, { speakerId: har.id, kind: 'points', points: Array.from({ length: 30 }, () => 'p'.repeat(1000)) }));
    expect(e.closing[0]).toMatchObject({ kind: 'points' });
  });

  it('refuses other roles and closed episodes', () => {
    const { ctx, e, har } = setup();
    unwrap(setClosing(e, notulis, { speakerId: har.id, kind: 'paragraph', text: 'Awal.' }));
    expectRefused(e, 'not_allowed', () => setClosing(e, screener, { speakerId: har.id, kind: 'paragraph', text: 'x' }));
    expectRefused(e, 'not_allowed', () => setClosing(e, listener('L-1'), { speakerId: har.id, kind: 'paragraph', text: 'x' }));
    unwrap(endEpisode(e, host, ctx));
    expectRefused(e, 'episode_ended', () => setClosing(e, notulis, { speakerId: har.id, kind: 'paragraph', text: '' }));
    expectRefused(e, 'episode_ended', () => removeClosing(e, notulis, har.id));
    const draft = draftEpisode(makeCtx());
    expectRefused(draft, 'episode_not_live', () => setClosing(draft, notulis, { speakerId: draft.speakers[0]!.id, kind: 'paragraph', text: 'x' }));
  });
});
