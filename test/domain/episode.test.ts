import { describe, expect, it } from 'vitest';
import { createEpisode, deleteEpisode, editEpisode, endEpisode, infoOf, joinListener, setPremoderation, startEpisode } from '../../server/domain/episode.ts';
import { isValidTimeZone } from '../../server/contract/zone.ts';
import { airQuestion, askQuestion, findQuestion } from '../../server/domain/question.ts';
import { addNote, setClosing } from '../../server/domain/note.ts';
import type { Actor, Episode } from '../../server/contract/types.ts';
import {
  T0, admin, draftEpisode, episodeInput, expectRefused, host, listener, liveEpisode, makeCtx, notulis, planner,
  screener, submitted, unwrap,
} from './fixtures.ts';

function ended(): Episode {
  const ctx = makeCtx();
  const e = liveEpisode(ctx);
  unwrap(endEpisode(e, host, ctx));
  return e;
}

describe('createEpisode', () => {
  it('creates a draft with normalised fields, minted ids and the current time', () => {
    const ctx = makeCtx();
    const e = unwrap(createEpisode(host, episodeInput({
      series: '  Obrolan   Warga\n– Suara Desa ',
      title: '\tAir Bersih  untuk Dusun Atas  ',
      hosts: ['  Mas   Dimas '],
    }), 'ABC234', ctx));
    expect(e.series).toBe('Obrolan Warga – Suara Desa');
    expect(e.title).toBe('Air Bersih untuk Dusun Atas');
    expect(e.hosts).toEqual(['Mas Dimas']);
    expect(e.status).toBe('draft');
    expect(e.code).toBe('ABC234');
    expect(e.createdAt).toBe(T0);
    expect(e.startedAt).toBeNull();
    expect(e.endedAt).toBeNull();
    expect(e.questions).toEqual([]);
    expect(e.notes).toEqual([]);
    expect(e.closing).toEqual([]);
    expect(e.listeners).toEqual([]);
    expect(e.archived).toBeNull();
    // Speakers are minted first, then the episode id.
    expect(e.speakers.map((s) => s.id)).toEqual(['id-1', 'id-2']);
    expect(e.id).toBe('id-3');
    expect(e.speakers[0]).toEqual({ id: 'id-1', fullName: 'Ir. Hartono Wibisono, M.T.', shortName: 'Pak Har', position: 'Kepala Bidang Air Minum', agency: 'DPUPR' });
  });

  it('applies defaults for optional fields: pre-moderation on, no partners, no place, open end', () => {
    const e = unwrap(createEpisode(admin, { series: 'S', title: 'T', startsAt: '2024-05-04T19:00:00+07:00', timeZone: 'Asia/Makassar' }, 'X', makeCtx()));
    expect(e.premoderation).toBe(true);
    expect(e.partners).toBe('');
    expect(e.place).toBe('');
    expect(e.number).toBeNull();
    expect(e.endsAt).toBeNull();
    expect(e.recordingUrl).toBeNull();
    expect(e.hosts).toEqual([]);
    expect(e.speakers).toEqual([]);
    // Instants are stored in UTC.
    expect(e.startsAt).toBe('2024-05-04T12:00:00.000Z');
  });

  it('keeps pre-moderation off when asked', () => {
    expect(draftEpisode(makeCtx(), { premoderation: false }).premoderation).toBe(false);
  });

  it.each([screener, notulis, planner, listener('L-1')])('refuses %o with not_allowed', (actor) => {
    const r = createEpisode(actor, episodeInput(), 'ABC234', makeCtx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_allowed');
  });

  it.each([
    ['whitespace series', { series: ' \n\t ' }, 'text_empty'],
    ['empty title', { title: '' }, 'text_empty'],
    ['series of 201 chars', { series: 'a'.repeat(201) }, 'text_too_long'],
    ['unknown time zone', { timeZone: 'Asia/Wonosobo' }, 'invalid_time_zone'],
    ['unparseable start', { startsAt: 'Sabtu malam' }, 'invalid_date'],
    ['end before start', { endsAt: '2024-05-04T11:59:59.000Z' }, 'invalid_date'],
    ['unparseable end', { endsAt: 'nanti' }, 'invalid_date'],
    ['javascript: recording link', { recordingUrl: 'javascript:alert(1)' }, 'invalid_payload'],
    ['data: recording link', { recordingUrl: 'data:text/html,<b>x</b>' }, 'invalid_payload'],
    ['recording link with a quote', { recordingUrl: 'https://x.example/"onload=' }, 'invalid_payload'],
    ['empty host name', { hosts: ['Mas Dimas', '  '] }, 'text_empty'],
    ['speaker without full name', { speakers: [{ fullName: ' ', shortName: 'Pak A', position: '', agency: '' }] }, 'text_empty'],
    ['speaker without short name', { speakers: [{ fullName: 'A', shortName: '', position: '', agency: '' }] }, 'text_empty'],
    ['two speakers with the same short name (case-insensitive)', {
      speakers: [
        { fullName: 'A', shortName: 'Pak Har', position: '', agency: '' },
        { fullName: 'B', shortName: 'pak har', position: '', agency: '' },
      ],
    }, 'invalid_payload'],
  ] as const)('refuses %s', (_name, overrides, code) => {
    const r = createEpisode(host, episodeInput(overrides as never), 'ABC234', makeCtx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('accepts an end equal to the start, a 200-char series and an https recording link', () => {
    const e = draftEpisode(makeCtx(), {
      series: 'b'.repeat(200),
      endsAt: '2024-05-04T12:00:00.000Z',
      recordingUrl: '  https://radio.example/rekaman/ep7.mp3 ',
    });
    expect(e.series).toHaveLength(200);
    expect(e.endsAt).toBe('2024-05-04T12:00:00.000Z');
    expect(e.recordingUrl).toBe('https://radio.example/rekaman/ep7.mp3');
  });

  it('knows real time zones from made-up ones', () => {
    expect(isValidTimeZone('Asia/Jakarta')).toBe(true);
    expect(isValidTimeZone('Asia/Jayapura')).toBe(true);
    expect(isValidTimeZone('WIB')).toBe(false);
  });
});

describe('editEpisode', () => {
  it('changes the fields, keeps known speaker ids and mints ids for new speakers', () => {
    const ctx = makeCtx();
    const e = draftEpisode(ctx);
    const [har, ratna] = e.speakers;
    const r = editEpisode(e, host, episodeInput({
      title: 'Air Bersih, Bagian Dua',
      speakers: [
        { id: ratna!.id, fullName: ratna!.fullName, shortName: 'Bu Ratna', position: 'Kapus', agency: 'Dinkes' },
        { id: har!.id, fullName: har!.fullName, shortName: 'Pak Har', position: '', agency: '' },
        { id: 'forged-id', fullName: 'Siti Aminah', shortName: 'Bu Siti', position: 'Camat', agency: 'Kecamatan Sukamaju' },
      ],
    }), ctx);
    expect(unwrap(r)).toBe(e);
    expect(e.title).toBe('Air Bersih, Bagian Dua');
    expect(e.speakers.map((s) => s.id)).toEqual([ratna!.id, har!.id, 'id-4']);
    expect(e.speakers[0]!.agency).toBe('Dinkes');
    expect(r.ok && r.changes).toEqual([{ kind: 'episode', info: infoOf(e), status: 'draft' }]);
  });

  it('may edit a live episode', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    unwrap(editEpisode(e, admin, episodeInput({ place: 'Balai Desa' }), ctx));
    expect(e.place).toBe('Balai Desa');
    expect(e.status).toBe('live');
  });

  it('refuses to drop a speaker who already has notes, and changes nothing', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const [har, ratna] = e.speakers;
    unwrap(addNote(e, notulis, { questionId: null, by: { kind: 'speakers', speakerIds: [har!.id] }, text: 'Pipa baru tahun depan.' }, ctx));
    expectRefused(e, 'invalid_payload', () => editEpisode(e, host, episodeInput({
      speakers: [{ id: ratna!.id, fullName: ratna!.fullName, shortName: ratna!.shortName, position: '', agency: '' }],
    }), ctx));
  });

  it('refuses to drop a speaker who already has a closing statement', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const [har, ratna] = e.speakers;
    unwrap(setClosing(e, notulis, { speakerId: ratna!.id, kind: 'paragraph', text: 'Terima kasih.' }));
    expectRefused(e, 'invalid_payload', () => editEpisode(e, host, episodeInput({
      speakers: [{ id: har!.id, fullName: har!.fullName, shortName: har!.shortName, position: '', agency: '' }],
    }), ctx));
  });

  it('drops a speaker nobody has attributed anything to', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const har = e.speakers[0]!;
    unwrap(editEpisode(e, host, episodeInput({
      speakers: [{ id: har.id, fullName: har.fullName, shortName: har.shortName, position: '', agency: '' }],
    }), ctx));
    expect(e.speakers.map((s) => s.id)).toEqual([har.id]);
  });

  it('refuses invalid input without touching the episode', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expectRefused(e, 'text_empty', () => editEpisode(e, host, episodeInput({ title: '   ' }), ctx));
    expectRefused(e, 'invalid_time_zone', () => editEpisode(e, host, episodeInput({ title: 'Baru', timeZone: 'Mars/Olympus' }), ctx));
    // A bad recording link is refused before anything is assigned.
    expectRefused(e, 'invalid_payload', () => editEpisode(e, host, episodeInput({ title: 'Baru', recordingUrl: 'ftp://x' }), ctx));
  });

  it.each([screener, notulis, planner, listener('L-1')])('refuses %o with not_allowed', (actor) => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expectRefused(e, 'not_allowed', () => editEpisode(e, actor, episodeInput({ title: 'Diganti' }), ctx));
  });

  it('refuses to edit an ended episode', () => {
    const e = ended();
    expectRefused(e, 'episode_ended', () => editEpisode(e, host, episodeInput({ title: 'Diganti' }), makeCtx()));
  });
});

describe('setPremoderation', () => {
  it.each([admin, host, screener])('lets %o switch it off and on', (actor) => {
    const e = liveEpisode(makeCtx());
    const off = setPremoderation(e, actor, false);
    expect(unwrap(off).premoderation).toBe(false);
    expect(off.ok && off.changes).toEqual([{ kind: 'episode', info: infoOf(e), status: 'live' }]);
    unwrap(setPremoderation(e, actor, true));
    expect(e.premoderation).toBe(true);
  });

  it('decides whether a listener question waits for the screener', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    expect(unwrap(askQuestion(e, listener('L-1'), { text: 'Kapan pipa diperbaiki?' }, ctx)).status).toBe('pending');
    unwrap(setPremoderation(e, screener, false));
    expect(unwrap(askQuestion(e, listener('L-1'), { text: 'Berapa biayanya?' }, ctx)).status).toBe('approved');
  });

  it.each([notulis, planner, listener('L-1')])('refuses %o', (actor) => {
    const e = liveEpisode(makeCtx());
    expectRefused(e, 'not_allowed', () => setPremoderation(e, actor, false));
  });

  it('refuses on an ended episode', () => {
    const e = ended();
    expectRefused(e, 'episode_ended', () => setPremoderation(e, host, false));
  });
});

describe('startEpisode', () => {
  it('takes a draft live and stamps the start', () => {
    const ctx = makeCtx();
    const e = draftEpisode(ctx);
    ctx.tick(60);
    const r = startEpisode(e, host, ctx);
    expect(unwrap(r).status).toBe('live');
    expect(e.startedAt).toBe('2019-03-16T12:01:00.000Z');
    expect(r.ok && r.changes).toEqual([{ kind: 'episode', info: infoOf(e), status: 'live' }]);
  });

  it('refuses a live or ended episode with episode_not_draft', () => {
    const ctx = makeCtx();
    const live = liveEpisode(ctx);
    expectRefused(live, 'episode_not_draft', () => startEpisode(live, host, ctx));
    const done = ended();
    expectRefused(done, 'episode_not_draft', () => startEpisode(done, admin, ctx));
  });

  it.each([screener, notulis, planner, listener('L-1')])('refuses %o', (actor) => {
    const ctx = makeCtx();
    const e = draftEpisode(ctx);
    expectRefused(e, 'not_allowed', () => startEpisode(e, actor, ctx));
  });
});

describe('endEpisode', () => {
  it('ends the show and marks the question on air answered, leaving the others alone', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const aired = submitted(e, ctx, 'Kapan pipa diperbaiki?');
    const waiting = submitted(e, ctx, 'Berapa biayanya?');
    const pending = unwrap(askQuestion(e, listener('L-1'), { text: 'Siapa yang bertanggung jawab?' }, ctx));
    unwrap(airQuestion(e, host, aired.id, ctx));
    ctx.tick(600);
    const r = endEpisode(e, host, ctx);
    expect(unwrap(r).status).toBe('ended');
    expect(e.endedAt).toBe(ctx.now);
    expect(findQuestion(e, aired.id)).toMatchObject({ status: 'answered', answeredAt: ctx.now });
    expect(findQuestion(e, waiting.id)).toMatchObject({ status: 'approved', answeredAt: null });
    expect(findQuestion(e, pending.id)).toMatchObject({ status: 'pending', answeredAt: null });
    expect(r.ok && r.changes).toEqual([
      { kind: 'question', question: findQuestion(e, aired.id) },
      { kind: 'episode', info: infoOf(e), status: 'ended' },
    ]);
  });

  it('with nothing on air reports only the episode change', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    submitted(e, ctx, 'Kapan?');
    const r = endEpisode(e, admin, ctx);
    expect(r.ok && r.changes.map((c) => c.kind)).toEqual(['episode']);
  });

  it('refuses a draft or an ended episode with episode_not_live', () => {
    const ctx = makeCtx();
    const draft = draftEpisode(ctx);
    expectRefused(draft, 'episode_not_live', () => endEpisode(draft, host, ctx));
    const done = ended();
    expectRefused(done, 'episode_not_live', () => endEpisode(done, host, ctx));
  });

  it.each([screener, notulis, planner, listener('L-1')])('refuses %o', (actor) => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const aired = submitted(e, ctx, 'Kapan?');
    unwrap(airQuestion(e, host, aired.id, ctx));
    expectRefused(e, 'not_allowed', () => endEpisode(e, actor, ctx));
  });
});

describe('deleteEpisode', () => {
  it('lets an admin delete a draft or an ended episode', () => {
    const draft = draftEpisode(makeCtx());
    expect(unwrap(deleteEpisode(draft, admin))).toBe(draft);
    const done = ended();
    expect(unwrap(deleteEpisode(done, admin))).toBe(done);
  });

  it('refuses a live episode', () => {
    const e = liveEpisode(makeCtx());
    expectRefused(e, 'episode_live', () => deleteEpisode(e, admin));
  });

  it.each<Actor>([host, screener, notulis, planner, listener('L-1')])('refuses %o, even for a draft', (actor) => {
    const e = draftEpisode(makeCtx());
    expectRefused(e, 'not_allowed', () => deleteEpisode(e, actor));
  });
});

describe('joinListener', () => {
  it('counts each listener once', () => {
    const e = liveEpisode(makeCtx());
    const first = joinListener(e, 'L-1');
    expect(unwrap(first)).toBe(true);
    expect(first.ok && first.changes).toEqual([{ kind: 'listeners', count: 1, listenerId: 'L-1' }]);
    const again = joinListener(e, 'L-1');
    expect(unwrap(again)).toBe(false);
    expect(again.ok && again.changes).toEqual([]);
    unwrap(joinListener(e, 'L-2'));
    expect(e.listeners).toEqual(['L-1', 'L-2']);
  });

  it('counts listeners of a draft but not of an ended episode', () => {
    const draft = draftEpisode(makeCtx());
    expect(unwrap(joinListener(draft, 'L-1'))).toBe(true);
    const done = ended();
    const before = structuredClone(done);
    expect(unwrap(joinListener(done, 'L-9'))).toBe(false);
    expect(done).toStrictEqual(before);
  });
});
