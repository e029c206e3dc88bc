// The planner's plan fields (volume, satuan, perkiraan biaya, OPD tujuan) and the admin's
// OPD list: numbers as Indonesians write them, refusals in words, nothing changed on refusal.
import { describe, expect, it } from 'vitest';
import { submitAspiration } from '../../server/domain/aspiration.ts';
import { opdInUse, setAspirationPlan, updateOpdList } from '../../server/domain/aspiration-plan.ts';
import { musrenbangCsv, musrenbangMarkdown, musrenbangRows } from '../../server/domain/musrenbang.ts';
import {
  DEFAULT_OPD, checkPlan, EMPTY_PLAN, formatRupiah, formatVolume, parseOpd, parseRupiah, parseSatuan, parseVolume, readNumber,
} from '../../server/contract/plan.ts';
import { deskView, filterAspirations } from '../../server/domain/planner.ts';
import type { Aspiration } from '../../server/contract/types.ts';
import { admin, listener, liveEpisode, makeCtx, planner, screener, unwrap } from './fixtures.ts';
import { expectRefusedState, testDistrict, usulan } from './planning-fixtures.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'refused');
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('numbers as written in Indonesia', () => {
  it('reads the decimal comma and the thousands dot', () => {
    expect(readNumber('12,5')).toBe(12.5);
    expect(readNumber('1.250')).toBe(1250);
    expect(readNumber('1.250,75')).toBe(1250.75);
    expect(readNumber('2.5')).toBe(2.5);
    expect(readNumber('15 000 000')).toBe(15_000_000);
    expect(readNumber('-3')).toBe(-3);
    for (const bad of ['', '1,2,3', '12a', '--3', '1.25.0', 'Rp 5']) expect(readNumber(bad), bad).toBeNull();
  });

  it('volume: positive, at most two decimals, empty clears', () => {
    expect(value(parseVolume('120'))).toBe(120);
    expect(value(parseVolume('12,5'))).toBe(12.5);
    expect(value(parseVolume(0.25))).toBe(0.25);
    expect(value(parseVolume(''))).toBeNull();
    expect(value(parseVolume(null))).toBeNull();
    for (const bad of ['0', '-4', 'dua', '1,234', '2000000000', '1e3']) expect(code(parseVolume(bad)), bad).toBe('invalid_volume');
    const r = parseVolume('-4');
    expect(!r.ok && r.error.message).toMatch(/lebih dari nol/);
  });

  it('satuan: the known ones spelt as the list does, a short other word kept', () => {
    expect(value(parseSatuan('Meter'))).toBe('meter');
    expect(value(parseSatuan('m²'))).toBe('m2');
    expect(value(parseSatuan('  kk '))).toBe('KK');
    expect(value(parseSatuan('unit rumah'))).toBe('unit rumah');
    expect(value(parseSatuan(''))).toBeNull();
    for (const bad of ['12', '=SUM(A1)', '<b>', 'x'.repeat(31), 'meter; DROP']) expect(code(parseSatuan(bad)), bad).toBe('invalid_satuan');
  });

  it('rupiah: "Rp 15.000.000", "15000000", "15 juta", "1,5 miliar"; whole rupiah, 0 up to Rp 1 triliun', () => {
    for (const ok of ['Rp 15.000.000', 'Rp15.000.000,-', '15000000', '15.000.000', '15.000.000,00', 'rp. 15.000.000', '15 juta', '15jt', 15_000_000]) {
      expect(value(parseRupiah(ok)), String(ok)).toBe(15_000_000);
    }
    expect(value(parseRupiah('1,5 miliar'))).toBe(1_500_000_000);
    expect(value(parseRupiah('750 ribu'))).toBe(750_000);
    expect(value(parseRupiah('0'))).toBe(0);
    expect(value(parseRupiah(' '))).toBeNull();
    expect(value(parseRupiah('Rp 1.000.000.000.000'))).toBe(1e12);
    const refused: Array<[string | number, RegExp]> = [
      ['-5000', /negatif/], ['Rp -5.000', /negatif/], ['15.000,50', /tanpa sen/], ['Rp 1.000.000.000.001', /triliun/],
      ['lima juta', /bukan jumlah rupiah/], ['15m', /bukan jumlah rupiah/], [0.5, /tanpa sen/], [Number.NaN, /bukan/],
    ];
    for (const [raw, why] of refused) {
      const r = parseRupiah(raw);
      expect(code(r), String(raw)).toBe('invalid_biaya');
      expect(!r.ok && r.error.message, String(raw)).toMatch(why);
    }
  });

  it('formats as the documents write it', () => {
    expect(formatRupiah(15_000_000)).toBe('Rp 15.000.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatVolume(1250.5)).toBe('1.250,5');
    expect(formatVolume(12)).toBe('12');
  });

  it('OPD: from the list, matched ignoring case and spacing, spelt as the list does', () => {
    expect(value(parseOpd('dinas  pupr', DEFAULT_OPD))).toBe('Dinas PUPR');
    expect(value(parseOpd('', DEFAULT_OPD))).toBeNull();
    expect(code(parseOpd('Dinas Rahasia', DEFAULT_OPD))).toBe('unknown_opd');
  });

  it('volume and satuan go together; omitted fields stay', () => {
    expect(code(checkPlan(EMPTY_PLAN, { volume: '12' }, DEFAULT_OPD))).toBe('plan_unit_required');
    expect(code(checkPlan(EMPTY_PLAN, { satuan: 'meter' }, DEFAULT_OPD))).toBe('plan_unit_required');
    const full = value(checkPlan(EMPTY_PLAN, { volume: '12', satuan: 'meter', perkiraanBiaya: 'Rp 5.000.000', opdTujuan: 'bpbd' }, DEFAULT_OPD));
    expect(full).toEqual({ volume: 12, satuan: 'meter', perkiraanBiaya: 5_000_000, opdTujuan: 'BPBD' });
    if (full === 'refused') return;
    expect(value(checkPlan(full, { perkiraanBiaya: '' }, DEFAULT_OPD))).toEqual({ ...full, perkiraanBiaya: null });
    // An OPD no longer on the list stays when it is sent back unchanged, but cannot be chosen anew.
    const old = { ...full, opdTujuan: 'Dinas Lama' };
    expect(value(checkPlan(old, { opdTujuan: 'Dinas Lama', volume: '13' }, DEFAULT_OPD))).toEqual({ ...old, volume: 13 });
    expect(code(checkPlan(full, { opdTujuan: 'Dinas Lama' }, DEFAULT_OPD))).toBe('unknown_opd');
  });
});

describe('setting the plan of an usulan', () => {
  function desk() {
    const ctx = makeCtx();
    const district = testDistrict();
    const e = liveEpisode(ctx);
    const list: Aspiration[] = [];
    const a = unwrap(submitAspiration(list, district, e, listener('L1'), usulan({}), ctx));
    return { ctx, district, e, list, a };
  }

  it('a planner fills it; the desk, the filters and the exports carry it', () => {
    const { ctx, district, e, list, a } = desk();
    ctx.tick(60);
    const r = setAspirationPlan(list, planner, a.id, { volume: '1.250,5', satuan: 'meter', perkiraanBiaya: 'Rp 15.000.000', opdTujuan: 'Dinas PUPR' }, DEFAULT_OPD, ctx);
    expect(r.ok && r.changes).toHaveLength(1);
    const view = deskView(a, district, () => e);
    expect(view.plan).toEqual({ volume: 1250.5, satuan: 'meter', perkiraanBiaya: 15_000_000, opdTujuan: 'Dinas PUPR' });
    const rows = musrenbangRows([view], false);
    expect(rows[0]).toMatchObject({ volume: 1250.5, satuan: 'meter', perkiraanBiaya: 15_000_000, opdTujuan: 'Dinas PUPR' });
    expect(musrenbangCsv(rows, { personal: false })).toContain('1250.5,"meter",15000000,"Dinas PUPR"');
    expect(musrenbangCsv(rows, { personal: false, delimiter: ';' })).toContain('"1250,5";"meter";15000000;"Dinas PUPR"');
    const md = musrenbangMarkdown(rows, district, { personal: false, now: ctx.now, timeZone: 'Asia/Jakarta' });
    expect(md).toContain('| Volume | 1.250,5 |');
    expect(md).toContain('| Perkiraan biaya | Rp 15.000.000 |');
    expect(md).toContain('| OPD tujuan | Dinas PUPR |');
    expect(opdInUse(list)).toEqual(new Set(['Dinas PUPR']));
    // The same values again change nothing (no write, no broadcast).
    const again = setAspirationPlan(list, planner, a.id, { volume: 1250.5, satuan: 'Meter', perkiraanBiaya: 15_000_000, opdTujuan: 'dinas pupr' }, DEFAULT_OPD, ctx);
    expect(again.ok && again.changes).toEqual([]);
  });

  it('refuses bad values, other roles and merged usulan, changing nothing', () => {
    const { ctx, list, a } = desk();
    unwrap(setAspirationPlan(list, planner, a.id, { volume: '3', satuan: 'unit', perkiraanBiaya: '0', opdTujuan: null }, DEFAULT_OPD, ctx));
    expectRefusedState(list, 'invalid_biaya', () => setAspirationPlan(list, planner, a.id, { volume: '4', perkiraanBiaya: 'mahal' }, DEFAULT_OPD, ctx));
    expectRefusedState(list, 'invalid_volume', () => setAspirationPlan(list, planner, a.id, { volume: '-1', opdTujuan: 'BPBD' }, DEFAULT_OPD, ctx));
    expectRefusedState(list, 'unknown_opd', () => setAspirationPlan(list, planner, a.id, { volume: '4', opdTujuan: 'Dinas X' }, DEFAULT_OPD, ctx));
    expectRefusedState(list, 'plan_unit_required', () => setAspirationPlan(list, planner, a.id, { satuan: '' }, DEFAULT_OPD, ctx));
    expectRefusedState(list, 'not_allowed', () => setAspirationPlan(list, screener, a.id, { volume: '4' }, DEFAULT_OPD, ctx));
    expectRefusedState(list, 'aspiration_not_found', () => setAspirationPlan(list, admin, 'nope', { volume: '4' }, DEFAULT_OPD, ctx));
    a.status = 'digabung';
    expectRefusedState(list, 'aspiration_closed', () => setAspirationPlan(list, admin, a.id, { volume: '4' }, DEFAULT_OPD, ctx));
  });
});

describe('the minimum-support filter', () => {
  it('keeps usulan with at least that many supports', () => {
    const ctx = makeCtx();
    const district = testDistrict();
    const e = liveEpisode(ctx);
    const list: Aspiration[] = [];
    const few = unwrap(submitAspiration(list, district, e, listener('L1'), usulan({ text: 'Sedikit' }), ctx));
    const many = unwrap(submitAspiration(list, district, e, listener('L2'), usulan({ text: 'Banyak' }), ctx));
    few.supporters.push('s1');
    many.supporters.push('s1', 's2', 's3');
    expect(filterAspirations(list, { minSupport: 3 }, district).map((a) => a.text)).toEqual(['Banyak']);
    expect(filterAspirations(list, { minSupport: 1 }, district).map((a) => a.text)).toEqual(['Banyak', 'Sedikit']);
    expect(filterAspirations(list, { minSupport: 0 }, district)).toHaveLength(2);
  });
});

describe('the admin\'s OPD list', () => {
  it('is trimmed and checked whole; names in use stay', () => {
    const list = [...DEFAULT_OPD];
    expect(unwrap(updateOpdList(list, admin, ['  Bappeda ', 'Dinas  PUPR', 'BPBD'], new Set()))).toEqual(['Bappeda', 'Dinas PUPR', 'BPBD']);
    expect(list).toEqual(['Bappeda', 'Dinas PUPR', 'BPBD']);
    expectRefusedState(list, 'opd_list_invalid', () => updateOpdList(list, admin, ['Bappeda', 'bappeda'], new Set()));
    expectRefusedState(list, 'opd_list_invalid', () => updateOpdList(list, admin, ['Bappeda', '  '], new Set()));
    expectRefusedState(list, 'opd_list_invalid', () => updateOpdList(list, admin, Array.from({ length: 101 }, (_, i) => `OPD ${i}`), new Set()));
    expectRefusedState(list, 'opd_list_invalid', () => updateOpdList(list, admin, ['x'.repeat(121)], new Set()));
    expectRefusedState(list, 'opd_in_use', () => updateOpdList(list, admin, ['Bappeda'], new Set(['BPBD'])));
    expectRefusedState(list, 'not_allowed', () => updateOpdList(list, planner, ['Bappeda'], new Set()));
    const r = updateOpdList(list, admin, ['Bappeda'], new Set(['BPBD']));
    expect(!r.ok && r.error.message).toContain('"BPBD"');
  });
});
