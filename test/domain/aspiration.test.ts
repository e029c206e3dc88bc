import { describe, expect, it } from 'vitest';
import {
  addAspirationNote, aspirationFromQuestion, codesInUse, editAspiration, enterAspiration, mergeAspirations, normalizePhone,
  normalizeRtRw, setAspirationStatus, submitAspiration, supportAspiration,
} from '../../server/domain/aspiration.ts';
import { endEpisode } from '../../server/domain/episode.ts';
import { airQuestion, markAnswered } from '../../server/domain/question.ts';
import type { Aspiration, Episode } from '../../server/contract/types.ts';
import {
  admin, approvedFromListener, draftEpisode, host, listener, liveEpisode, makeCtx, notulis, planner, screener, unwrap,
} from './fixtures.ts';
import type { TestCtx } from './fixtures.ts';
import { DESA_A1, DESA_A2, DESA_B1, KEC_A, KEC_B, expectRefusedState, testDistrict, usulan } from './planning-fixtures.ts';

function world() {
  const ctx = makeCtx();
  const e = liveEpisode(ctx);
  const district = testDistrict();
  const list: Aspiration[] = [];
  return { ctx, e, district, list };
}

function submit(w: ReturnType<typeof world>, who = 'L-1', overrides = {}) {
  w.ctx.tick();
  return unwrap(submitAspiration(w.list, w.district, w.e, listener(who), usulan(overrides), w.ctx));
}

describe('submitAspiration (listener)', () => {
  it('stores the usulan with its place, dimension and source episode, as "baru"', () => {
    const w = world();
    const r = submitAspiration(w.list, w.district, w.e, listener('L-1'), usulan({ text: '  Perbaikan\n jembatan  ', rtRw: 'RT 3 RW 12' }), w.ctx);
    const a = unwrap(r);
    expect(a).toMatchObject({
      episodeId: w.e.id, text: 'Perbaikan jembatan', dimension: 'living', kecamatan: KEC_A, desa: DESA_A1, rtRw: '003/012',
      channel: 'web', submittedBy: 'L-1', status: 'baru', supporters: [], contact: null, questionId: null,
    });
    expect(w.list).toEqual([a]);
    expect(r.ok && r.changes).toEqual([{ kind: 'aspiration', aspiration: a }]);
  });

  it('keeps name and phone only with explicit consent', () => {
    const w = world();
    const a = unwrap(submitAspiration(w.list, w.district, w.e, listener('L-1'), usulan({ name: 'Bu Yati', phone: '+62 812-3456-7890', consent: true }), w.ctx));
    expect(a.contact).toEqual({ name: 'Bu Yati', phone: '081234567890', consentAt: w.ctx.now });
    const state = { list: w.list };
    expectRefusedState(state, 'consent_required', () => submitAspiration(w.list, w.district, w.e, listener('L-2'), usulan({ name: 'Pak Dul' }), w.ctx));
    expectRefusedState(state, 'consent_required', () => submitAspiration(w.list, w.district, w.e, listener('L-2'), usulan({ phone: '081234567890', consent: false }), w.ctx));
    // Consent without contact keeps nothing personal.
    expect(unwrap(submitAspiration(w.list, w.district, w.e, listener('L-3'), usulan({ consent: true, name: '  ' }), w.ctx)).contact).toBeNull();
  });

  it.each<[string, object, string]>([
    ['empty text', { text: ' \n ' }, 'text_empty'],
    ['empty problem', { problem: '' }, 'text_empty'],
    ['over-long text', { text: 'a'.repeat(501) }, 'text_too_long'],
    ['an unknown dimension', { dimension: 'smart-magic' }, 'unknown_dimension'],
    ['an unknown kecamatan', { kecamatan: '98.02.09' }, 'unknown_kecamatan'],
    ['an unknown desa', { desa: '98.02.01.2999' }, 'unknown_desa'],
    ['a desa outside the chosen kecamatan', { kecamatan: KEC_A, desa: DESA_B1 }, 'desa_outside_kecamatan'],
    ['a bad RT/RW', { rtRw: 'RT nol' }, 'invalid_rt_rw'],
    ['RT 0', { rtRw: '0/1' }, 'invalid_rt_rw'],
    ['a bad phone', { phone: '12345', consent: true }, 'invalid_phone'],
    ['a long name', { name: 'n'.repeat(81), consent: true }, 'text_too_long'],
  ])('refuses %s and changes nothing', (_name, overrides, code) => {
    const w = world();
    submit(w, 'L-9');
    expectRefusedState({ list: w.list, district: w.district, e: w.e }, code as never,
      () => submitAspiration(w.list, w.district, w.e, listener('L-1'), usulan(overrides), w.ctx));
  });

  it('says where the desa really is', () => {
    const w = world();
    const r = submitAspiration(w.list, w.district, w.e, listener('L-1'), usulan({ kecamatan: KEC_A, desa: DESA_B1 }), w.ctx);
    expect(r.ok ? '' : r.error.message).toContain('Cibening ada di Kecamatan Karangsari, bukan Sukamaju');
  });

  it('needs a live episode and a listener', () => {
    const ctx = makeCtx();
    const district = testDistrict();
    const list: Aspiration[] = [];
    const draft = draftEpisode(ctx);
    expectRefusedState({ list, draft }, 'episode_not_live', () => submitAspiration(list, district, draft, listener('L-1'), usulan(), ctx));
    const e = liveEpisode(ctx);
    expectRefusedState({ list, e }, 'not_allowed', () => submitAspiration(list, district, e, host, usulan(), ctx));
    unwrap(endEpisode(e, host, ctx));
    expectRefusedState({ list, e }, 'episode_ended', () => submitAspiration(list, district, e, listener('L-1'), usulan(), ctx));
  });
});

describe('enterAspiration (screener types one in)', () => {
  it('records the channel, during or after the show, for screener, host and admin', () => {
    const w = world();
    for (const actor of [screener, host, admin]) {
      const a = unwrap(enterAspiration(w.list, w.district, w.e, actor, { ...usulan(), channel: 'sms' }, w.ctx));
      expect([a.channel, a.submittedBy]).toEqual(['sms', null]);
    }
    unwrap(endEpisode(w.e, host, w.ctx));
    expect(enterAspiration(w.list, w.district, w.e, screener, { ...usulan(), channel: 'phone', name: 'Pak Karto', consent: true }, w.ctx).ok).toBe(true);
  });

  it('refuses notulis, planner, listeners and draft episodes', () => {
    const w = world();
    for (const actor of [notulis, planner, listener('L-1')]) {
      expectRefusedState({ list: w.list }, 'not_allowed', () => enterAspiration(w.list, w.district, w.e, actor, { ...usulan(), channel: 'sms' }, w.ctx));
    }
    const draft = draftEpisode(w.ctx);
    expectRefusedState({ list: w.list }, 'episode_not_live', () => enterAspiration(w.list, w.district, draft, screener, { ...usulan(), channel: 'sms' }, w.ctx));
  });
});

describe('aspirationFromQuestion', () => {
  function onAir(w: ReturnType<typeof world>, ctx: TestCtx, e: Episode) {
    const q = approvedFromListener(e, ctx, 'L-7', 'Kapan jembatan Cibening dibangun lagi?');
    unwrap(airQuestion(e, host, q.id, ctx));
    return q;
  }

  it('turns an on-air question into an usulan its asker follows; the text defaults to the question', () => {
    const w = world();
    const q = onAir(w, w.ctx, w.e);
    const a = unwrap(aspirationFromQuestion(w.list, w.district, w.e, screener, q.id, { problem: 'Jembatan putus', dimension: 'living', kecamatan: KEC_B, desa: DESA_B1 }, w.ctx));
    expect(a).toMatchObject({ text: q.text, questionId: q.id, submittedBy: 'L-7', channel: 'web', contact: null });
  });

  it('refuses a question that never went on air, one converted already, an unknown one, and a listener', () => {
    const w = world();
    const q = onAir(w, w.ctx, w.e);
    const queued = approvedFromListener(w.e, w.ctx, 'L-8', 'Belum mengudara');
    const fields = { problem: 'Masalah', dimension: 'living', kecamatan: KEC_A, desa: DESA_A1 };
    const state = { list: w.list, e: w.e };
    expectRefusedState(state, 'invalid_transition', () => aspirationFromQuestion(w.list, w.district, w.e, host, queued.id, fields, w.ctx));
    expectRefusedState(state, 'question_not_found', () => aspirationFromQuestion(w.list, w.district, w.e, host, 'x', fields, w.ctx));
    expectRefusedState(state, 'not_allowed', () => aspirationFromQuestion(w.list, w.district, w.e, listener('L-7'), q.id, fields, w.ctx));
    unwrap(markAnswered(w.e, host, q.id, w.ctx));
    unwrap(aspirationFromQuestion(w.list, w.district, w.e, host, q.id, fields, w.ctx));
    expectRefusedState(state, 'already_converted', () => aspirationFromQuestion(w.list, w.district, w.e, host, q.id, fields, w.ctx));
  });
});

describe('supportAspiration', () => {
  it('counts one support per listener; a second is refused', () => {
    const w = world();
    const a = submit(w);
    expect(unwrap(supportAspiration(w.list, listener('L-2'), a.id))).toBe(1);
    const r = supportAspiration(w.list, listener('L-3'), a.id);
    expect(r.ok && r.changes).toEqual([{ kind: 'supports', aspiration: a }]);
    expectRefusedState({ list: w.list }, 'already_supported', () => supportAspiration(w.list, listener('L-2'), a.id));
    expect(a.supporters).toEqual(['L-2', 'L-3']);
  });

  it('refuses unknown, rejected and merged usulan, and staff', () => {
    const w = world();
    const a = submit(w);
    const b = submit(w, 'L-2');
    const c = submit(w, 'L-3');
    unwrap(setAspirationStatus(w.list, planner, [b.id], 'ditolak', 'Bukan kewenangan kabupaten', w.ctx));
    unwrap(mergeAspirations(w.list, planner, [c.id], a.id, w.ctx));
    const state = { list: w.list };
    expectRefusedState(state, 'aspiration_not_found', () => supportAspiration(w.list, listener('L-5'), 'x'));
    expectRefusedState(state, 'aspiration_closed', () => supportAspiration(w.list, listener('L-5'), b.id));
    expectRefusedState(state, 'aspiration_closed', () => supportAspiration(w.list, listener('L-5'), c.id));
    expectRefusedState(state, 'not_allowed', () => supportAspiration(w.list, planner, a.id));
  });
});

describe('setAspirationStatus', () => {
  it('moves usulan through baru, ditinjau, diteruskan, and back; in bulk', () => {
    const w = world();
    const [a, b] = [submit(w), submit(w, 'L-2')];
    const r = setAspirationStatus(w.list, planner, [a.id, b.id], 'diteruskan', undefined, w.ctx);
    expect(unwrap(r).map((x) => x.status)).toEqual(['diteruskan', 'diteruskan']);
    expect(r.ok && r.changes).toHaveLength(2);
    const again = setAspirationStatus(w.list, planner, [a.id], 'diteruskan', null, w.ctx);
    expect(again.ok && again.changes).toEqual([]);
    unwrap(setAspirationStatus(w.list, admin, [a.id], 'ditinjau', null, w.ctx));
    expect(a.status).toBe('ditinjau');
  });

  it('needs a reason to reject, and clears it when reopened', () => {
    const w = world();
    const a = submit(w);
    expectRefusedState({ list: w.list }, 'reason_required', () => setAspirationStatus(w.list, planner, [a.id], 'ditolak', '  ', w.ctx));
    expectRefusedState({ list: w.list }, 'reason_required', () => setAspirationStatus(w.list, planner, [a.id], 'ditolak', null, w.ctx));
    unwrap(setAspirationStatus(w.list, planner, [a.id], 'ditolak', 'Sudah dibangun tahun lalu', w.ctx));
    expect([a.status, a.rejectReason]).toEqual(['ditolak', 'Sudah dibangun tahun lalu']);
    unwrap(setAspirationStatus(w.list, planner, [a.id], 'baru', null, w.ctx));
    expect([a.status, a.rejectReason]).toEqual(['baru', null]);
  });

  it('lets screeners hide spam ("ditolak") but keeps the other statuses for planners', () => {
    const w = world();
    const a = submit(w);
    expect(setAspirationStatus(w.list, screener, [a.id], 'ditolak', 'Iklan', w.ctx).ok).toBe(true);
    expectRefusedState({ list: w.list }, 'not_allowed', () => setAspirationStatus(w.list, screener, [a.id], 'diteruskan', null, w.ctx));
    expectRefusedState({ list: w.list }, 'not_allowed', () => setAspirationStatus(w.list, notulis, [a.id], 'ditolak', 'x', w.ctx));
    expectRefusedState({ list: w.list }, 'not_allowed', () => setAspirationStatus(w.list, listener('L-1'), [a.id], 'ditolak', 'x', w.ctx));
  });

  it('is all or nothing: one unknown or merged usulan refuses the whole batch', () => {
    const w = world();
    const [a, b, c] = [submit(w), submit(w, 'L-2'), submit(w, 'L-3')];
    unwrap(mergeAspirations(w.list, planner, [c.id], b.id, w.ctx));
    const state = { list: w.list };
    expectRefusedState(state, 'aspiration_not_found', () => setAspirationStatus(w.list, planner, [a.id, 'tidak-ada'], 'ditinjau', null, w.ctx));
    expectRefusedState(state, 'aspiration_closed', () => setAspirationStatus(w.list, planner, [a.id, c.id], 'ditinjau', null, w.ctx));
    expectRefusedState(state, 'invalid_transition', () => setAspirationStatus(w.list, planner, [a.id], 'digabung', null, w.ctx));
    expectRefusedState(state, 'invalid_payload', () => setAspirationStatus(w.list, planner, [], 'ditinjau', null, w.ctx));
  });
});

describe('mergeAspirations', () => {
  it('combines supporters across episodes without double counting', () => {
    const w = world();
    const other = liveEpisode(w.ctx);
    const a = submit(w);
    const b = unwrap(submitAspiration(w.list, w.district, other, listener('L-9'), usulan({ text: 'Jembatan gantung sekolah' }), w.ctx));
    const c = submit(w, 'L-4');
    for (const v of ['V1', 'V2', 'V3']) unwrap(supportAspiration(w.list, listener(v), a.id));
    for (const v of ['V2', 'V3', 'V4']) unwrap(supportAspiration(w.list, listener(v), b.id));
    for (const v of ['V1', 'V5']) unwrap(supportAspiration(w.list, listener(v), c.id));
    const r = mergeAspirations(w.list, planner, [b.id, c.id], a.id, w.ctx);
    const target = unwrap(r);
    expect(target.supporters).toEqual(['V1', 'V2', 'V3', 'V4', 'V5']);
    expect(target.mergedFrom).toEqual([b.id, c.id]);
    expect([b.status, b.mergedInto, b.supporters, b.episodeId]).toEqual(['digabung', a.id, [], other.id]);
    expect(r.ok && r.changes.map((x) => ('aspiration' in x ? x.aspiration.id : null))).toEqual([b.id, c.id, a.id]);
    // A supporter of a merged duplicate cannot support the target a second time.
    expectRefusedState({ list: w.list }, 'already_supported', () => supportAspiration(w.list, listener('V4'), a.id));
  });

  it('refuses merging into itself, into or from rejected or merged usulan, unknown ids, and non-planners', () => {
    const w = world();
    const [a, b, c, d] = [submit(w), submit(w, 'L-2'), submit(w, 'L-3'), submit(w, 'L-4')];
    unwrap(setAspirationStatus(w.list, planner, [c.id], 'ditolak', 'Duplikat lama', w.ctx));
    unwrap(mergeAspirations(w.list, planner, [d.id], b.id, w.ctx));
    const state = { list: w.list };
    expectRefusedState(state, 'aspiration_merge_invalid', () => mergeAspirations(w.list, planner, [a.id], a.id, w.ctx));
    expectRefusedState(state, 'aspiration_merge_invalid', () => mergeAspirations(w.list, planner, [a.id], c.id, w.ctx));
    expectRefusedState(state, 'aspiration_merge_invalid', () => mergeAspirations(w.list, planner, [c.id], a.id, w.ctx));
    expectRefusedState(state, 'aspiration_merge_invalid', () => mergeAspirations(w.list, planner, [d.id], a.id, w.ctx));
    expectRefusedState(state, 'aspiration_not_found', () => mergeAspirations(w.list, planner, ['x'], a.id, w.ctx));
    expectRefusedState(state, 'aspiration_not_found', () => mergeAspirations(w.list, planner, [a.id], 'x', w.ctx));
    expectRefusedState(state, 'not_allowed', () => mergeAspirations(w.list, screener, [b.id], a.id, w.ctx));
  });
});

describe('editAspiration and notes', () => {
  it('lets the planner correct wording, dimension and place, checked like a submission', () => {
    const w = world();
    const a = submit(w);
    unwrap(editAspiration(w.list, w.district, planner, a.id, { dimension: 'environment', desa: DESA_A2, rtRw: null }, w.ctx));
    expect([a.dimension, a.desa, a.rtRw, a.text]).toEqual(['environment', DESA_A2, null, usulan().text]);
    const state = { list: w.list };
    expectRefusedState(state, 'desa_outside_kecamatan', () => editAspiration(w.list, w.district, planner, a.id, { desa: DESA_B1 }, w.ctx));
    expectRefusedState(state, 'unknown_dimension', () => editAspiration(w.list, w.district, planner, a.id, { dimension: 'x' }, w.ctx));
    expectRefusedState(state, 'text_empty', () => editAspiration(w.list, w.district, planner, a.id, { text: '' }, w.ctx));
    expectRefusedState(state, 'not_allowed', () => editAspiration(w.list, w.district, host, a.id, { text: 'x' }, w.ctx));
    expectRefusedState(state, 'aspiration_not_found', () => editAspiration(w.list, w.district, planner, 'x', { text: 'x' }, w.ctx));
  });

  it('keeps planner notes with who wrote them', () => {
    const w = world();
    const a = submit(w);
    const n = unwrap(addAspirationNote(w.list, planner, a.id, ' Cek ke  Dinas PUPR ', w.ctx));
    expect(n).toMatchObject({ by: planner.kind === 'staff' ? planner.name : '', text: 'Cek ke Dinas PUPR', staffId: 'staff-planner' });
    expect(a.notes).toEqual([n]);
    expectRefusedState({ list: w.list }, 'text_empty', () => addAspirationNote(w.list, planner, a.id, '', w.ctx));
    expectRefusedState({ list: w.list }, 'not_allowed', () => addAspirationNote(w.list, screener, a.id, 'x', w.ctx));
    expectRefusedState({ list: w.list }, 'aspiration_not_found', () => addAspirationNote(w.list, planner, 'x', 'x', w.ctx));
  });

  it('lists the codes in use, so the district settings keep them', () => {
    const w = world();
    submit(w);
    submit(w, 'L-2', { kecamatan: KEC_B, desa: DESA_B1, dimension: 'economy' });
    const used = codesInUse(w.list);
    expect([...used.dimensions].sort()).toEqual(['economy', 'living']);
    expect([...used.kecamatan].sort()).toEqual([KEC_A, KEC_B]);
    expect([...used.desa].sort()).toEqual([DESA_A1, DESA_B1]);
  });
});

describe('normalisers', () => {
  it.each([['3/5', '003/005'], ['RT 03 / RW 05', '003/005'], ['rt.1 rw.2', '001/002'], ['001-002', '001/002']])('RT/RW %j → %s', (raw, out) => {
    expect(normalizeRtRw(raw)).toBe(out);
  });
  it.each([['0812 3456 7890', '081234567890'], ['+62 (812) 3456-789', '08123456789'], ['6281234567890', '081234567890'], ['0274-512345', '0274512345']])('phone %j → %s', (raw, out) => {
    expect(normalizePhone(raw)).toBe(out);
  });
  it.each(['12345', '+1 415 555 0100', 'nol delapan', '08123456789012345'])('refuses phone %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});
