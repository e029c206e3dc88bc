import { describe, expect, it } from 'vitest';
import { NATIONAL_DIMENSIONS } from '../../server/contract/dimensions.ts';
import { defaultDistrict, importRegionCsv, normalizeRegionCode, parseRegionCsv, updateDistrict } from '../../server/domain/district.ts';
import type { DistrictInput, InUse } from '../../server/domain/district.ts';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';
import { admin, host, listener, planner } from './fixtures.ts';
import { DESA_A1, KEC_A, expectRefusedState, testDistrict } from './planning-fixtures.ts';

const NOTHING: InUse = { dimensions: new Set(), kecamatan: new Set(), desa: new Set() };

function input(overrides: Partial<DistrictInput> = {}): DistrictInput {
  const d = testDistrict();
  return { name: d.name, code: d.code, timeZone: d.timeZone, dimensions: d.dimensions, kecamatan: d.kecamatan, ...overrides };
}

const CSV = [
  'kode,nama',
  '98.02.01,Sukamaju',
  '98.02.01.2001,Mekarjaya',
  '98.02.01.1001,Pasirlaya',
  '98.02.02,Karangsari',
  '98.02.02.2001,Cibening',
].join('\n');

describe('defaults', () => {
  it('start with the six national smart-city dimensions and no regions', () => {
    const d = defaultDistrict();
    expect(d.dimensions.map((x) => x.name)).toEqual(['Smart Governance', 'Smart Branding', 'Smart Economy', 'Smart Living', 'Smart Society', 'Smart Environment']);
    expect(d.kecamatan).toEqual([]);
    expect(d.timeZone).toBe('Asia/Jakarta');
    // A copy: changing one district never changes the national list.
    d.dimensions[0]!.name = 'x';
    expect(NATIONAL_DIMENSIONS[0]!.name).toBe('Smart Governance');
  });
});

describe('normalizeRegionCode', () => {
  it.each([
    ['98.02', '98.02', 'kabupaten'],
    ['98.02.01', '98.02.01', 'kecamatan'],
    ['980201', '98.02.01', 'kecamatan'],
    [' 98.02.01.2001 ', '98.02.01.2001', 'desa'],
    ['9802012001', '98.02.01.2001', 'desa'],
  ])('%j → %s (%s)', (raw, code, level) => {
    expect(normalizeRegionCode(raw)).toEqual({ code, level });
  });
  it.each(['', '98', '98.2.1', '98.02.01.201', 'AB.CD.EF', '98-02-01', '98.02.01.2001.1'])('refuses %j', (raw) => {
    expect(normalizeRegionCode(raw)).toBeNull();
  });
});

describe('updateDistrict', () => {
  it('lets the admin use seven dimensions and derives codes from names', () => {
    const d = defaultDistrict();
    const seven = [...NATIONAL_DIMENSIONS, { name: 'Smart Culture' }];
    const out = updateDistrict(d, admin, input({ dimensions: seven }), NOTHING);
    expect(out.ok).toBe(true);
    expect(d.dimensions.at(-1)).toEqual({ code: 'culture', name: 'Smart Culture' });
    expect(d.kecamatan[0]!.desa.map((x) => x.code)).toEqual(['98.02.01.1001', '98.02.01.2001']);
  });

  it('accepts undotted codes and learns the kabupaten code from the kecamatan', () => {
    const d = defaultDistrict();
    const out = updateDistrict(d, admin, input({ code: null, kecamatan: [{ code: '980201', name: 'Sukamaju', desa: [{ code: '9802012001', name: 'Mekarjaya' }] }] }), NOTHING);
    expect(out.ok).toBe(true);
    expect(d.code).toBe('98.02');
    expect(d.kecamatan[0]!.desa[0]!.code).toBe('98.02.01.2001');
  });

  it('is for the admin only', () => {
    for (const actor of [host, planner, listener('L-1')]) {
      const d = defaultDistrict();
      expectRefusedState(d, 'not_allowed', () => updateDistrict(d, actor, input(), NOTHING));
    }
  });

  it.each<[string, Partial<DistrictInput>, string]>([
    ['an empty name', { name: ' ' }, 'text_empty'],
    ['no dimensions', { dimensions: [] }, 'district_invalid'],
    ['a dimension twice', { dimensions: [{ name: 'Smart Living' }, { name: 'smart living' }] }, 'district_invalid'],
    ['a bad dimension code', { dimensions: [{ code: 'Hidup Cerdas!', name: 'Hidup' }] }, 'district_invalid'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'invalid_time_zone'],
    ['a bad kabupaten code', { code: '98.2' }, 'district_invalid'],
    ['a bad kecamatan code', { kecamatan: [{ code: '98.02.1', name: 'X', desa: [] }] }, 'district_invalid'],
    ['a desa outside its kecamatan', { kecamatan: [{ code: KEC_A, name: 'X', desa: [{ code: '98.02.02.2001', name: 'Y' }] }] }, 'district_invalid'],
    ['a kecamatan of another kabupaten', { kecamatan: [{ code: '98.03.01', name: 'X', desa: [] }] }, 'district_invalid'],
    ['a code twice', { kecamatan: [{ code: KEC_A, name: 'X', desa: [] }, { code: KEC_A, name: 'Y', desa: [] }] }, 'district_invalid'],
    ['a desa without a name', { kecamatan: [{ code: KEC_A, name: 'X', desa: [{ code: DESA_A1, name: '' }] }] }, 'text_empty'],
  ])('refuses %s and changes nothing', (_name, overrides, code) => {
    const d = testDistrict();
    expectRefusedState(d, code as never, () => updateDistrict(d, admin, input(overrides), NOTHING));
  });

  it('refuses to drop a dimension, kecamatan or desa that an aspiration uses, naming it', () => {
    const d = testDistrict();
    const inUse: InUse = { dimensions: new Set(['living']), kecamatan: new Set([KEC_A]), desa: new Set([DESA_A1]) };
    let out = updateDistrict(d, admin, input({ dimensions: [{ name: 'Smart Governance' }] }), inUse);
    expect(out.ok ? '' : out.error.message).toContain('dimensi living');
    out = updateDistrict(d, admin, input({ kecamatan: [{ code: KEC_A, name: 'Sukamaju', desa: [] }] }), inUse);
    expect(out.ok ? '' : out.error.code).toBe('region_in_use');
    expect(out.ok ? '' : out.error.message).toContain(DESA_A1);
    expectRefusedState(d, 'region_in_use', () => updateDistrict(d, admin, input({ kecamatan: [] }), inUse));
  });
});

describe('parseRegionCsv', () => {
  it('reads kecamatan and desa/kelurahan in any order and sorts them by code', () => {
    const r = parseRegionCsv(CSV);
    expect(r).toEqual({ ok: true, kecamatan: [
      { code: '98.02.01', name: 'Sukamaju', desa: [{ code: '98.02.01.1001', name: 'Pasirlaya' }, { code: '98.02.01.2001', name: 'Mekarjaya' }] },
      { code: '98.02.02', name: 'Karangsari', desa: [{ code: '98.02.02.2001', name: 'Cibening' }] },
    ] });
  });

  it('reads what Excel saves: byte order mark, CRLF, semicolons, quotes, blank lines, undotted codes, extra columns', () => {
    const excel = '\uFEFFNama;Kode;Keterangan\r\n"Sukamaju";980201;\r\n\r\n"Mekar ""Jaya""";9802012001;desa\r\n';
    const r = parseRegionCsv(excel);
    expect(r).toEqual({ ok: true, kecamatan: [{ code: '98.02.01', name: 'Sukamaju', desa: [{ code: '98.02.01.2001', name: 'Mekar "Jaya"' }] }] });
  });

  it('passes over the province row and takes the kabupaten row of an official table', () => {
    const official = 'kode,nama\n98,Provinsi Contoh\n98.02,Kabupaten Lembah Hijau\n98.02.01,Sukamaju\n98.02.01.2001,Mekarjaya';
    expect(parseRegionCsv(official)).toEqual({ ok: true, kecamatan: [{ code: '98.02.01', name: 'Sukamaju', desa: [{ code: '98.02.01.2001', name: 'Mekarjaya' }] }] });
    // Still only kecamatan and desa become places to choose.
    const r = parseRegionCsv('kode,nama\n98,Provinsi Contoh\n98.02,Kabupaten Lembah Hijau');
    expect(r.ok ? '' : r.message).toMatch(/tidak ada baris kecamatan/);
  });

  it.each<[string, string, number, RegExp]>([
    ['an empty file', '', 1, /kosong/],
    ['a missing header', '98.02.01,Sukamaju\n98.02.01.2001,Mekarjaya', 1, /judul kolom "kode" dan "nama"/],
    ['only a header', 'kode,nama\n', 1, /tidak ada wilayah/],
    ['a bad code', 'kode,nama\n98.02.01,Sukamaju\n98.02.01.20x1,Mekarjaya', 3, /kode "98.02.01.20x1" tidak dikenal/],
    ['a second, other kabupaten row', 'kode,nama\n98,Contoh\n98.02,Lembah Hijau\n98.02.01,Sukamaju\n98.03,Lain', 5, /kabupaten 98.03 berbeda; baris 3 dari 98.02/],
    ['a kecamatan under another kabupaten row', 'kode,nama\n98.03,Lain\n98.02.01,Sukamaju', 3, /kabupaten lain/],
    ['an empty name', 'kode,nama\n98.02.01,Sukamaju\n98.02.01.2001,  ', 3, /nama wilayah 98.02.01.2001 kosong/],
    ['a missing column', 'kode,nama\n98.02.01,Sukamaju\n98.02.01.2001', 3, /ada 1 kolom/],
    ['a duplicate code', 'kode,nama\n98.02.01,Sukamaju\n\n98.02.01,Lagi', 4, /sudah ada di baris 2/],
    ['a desa without its kecamatan', 'kode,nama\n98.02.01,Sukamaju\n98.02.09.2001,Entah', 3, /kecamatan 98.02.09/],
    ['another kabupaten', 'kode,nama\n98.02.01,Sukamaju\n98.03.01,Lain', 3, /kabupaten lain/],
    ['an unclosed quote', 'kode,nama\n98.02.01,Sukamaju\n98.02.01.2001,"Mekarjaya\n98.02.02,Karangsari', 3, /tanda kutip/],
    ['text after a closing quote', 'kode,nama\n98.02.01,"Suka"maju', 2, /tanda kutip/],
    ['only desa rows', 'kode,nama\n98.02.01.2001,Mekarjaya', 2, /tidak ada baris kecamatan/],
  ])('names the line of %s', (_name, text, line, message) => {
    const r = parseRegionCsv(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(line);
    expect(r.message).toMatch(message);
  });

  it('counts a quoted field that spans lines from the line it starts on', () => {
    const r = parseRegionCsv('kode,nama\n98.02.01,"Suka\nmaju"\n98.02.01.20x1,Mekarjaya');
    expect(r.ok ? 0 : r.line).toBe(4);
  });
});

describe('importRegionCsv', () => {
  it('replaces the regions and keeps the dimensions', () => {
    const d = defaultDistrict();
    d.dimensions.push({ code: 'culture', name: 'Smart Culture' });
    const out = importRegionCsv(d, admin, CSV, NOTHING);
    expect(out.ok).toBe(true);
    expect(d.code).toBe('98.02');
    expect(d.kecamatan.map((k) => k.name)).toEqual(['Sukamaju', 'Karangsari']);
    expect(d.dimensions).toHaveLength(7);
  });

  it('gives a malformed CSV an error naming the line, and changes nothing', () => {
    const d = testDistrict();
    expectRefusedState(d, 'district_csv_invalid', () => importRegionCsv(d, admin, 'kode,nama\n98.02.01,Sukamaju\n98.02.01.2001,"Mekarjaya', NOTHING));
    const r = importRegionCsv(d, admin, 'kode,nama\n98.02.01,Sukamaju\nxx,Mekarjaya', NOTHING);
    expect(r.ok ? '' : r.error.message).toBe(`${ERROR_MESSAGES.district_csv_invalid} Baris 3: kode "xx" tidak dikenal; tulis kecamatan seperti 33.07.01 dan desa/kelurahan seperti 33.07.01.2001.`);
  });

  it('refuses a CSV of another kabupaten than the settings, one that drops regions in use, and non-admins', () => {
    const d = testDistrict();
    expectRefusedState(d, 'district_csv_invalid', () => importRegionCsv(d, admin, 'kode,nama\n97.01.01,Lain', NOTHING));
    const inUse: InUse = { dimensions: new Set(), kecamatan: new Set(['98.02.02']), desa: new Set() };
    expectRefusedState(d, 'region_in_use', () => importRegionCsv(d, admin, 'kode,nama\n98.02.01,Sukamaju', inUse));
    expectRefusedState(d, 'not_allowed', () => importRegionCsv(d, planner, CSV, NOTHING));
  });
});
