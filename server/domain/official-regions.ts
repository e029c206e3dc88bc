// The official Kemendagri region tables as the idn-area-data package ships them (CSV:
// provinces "code,name", regencies "code,province_code,name", districts "code,regency_code,
// name", villages "code,district_code,name"; "districts" there are our kecamatan). Pure:
// the shell reads the files and hands the text here.
import { parse } from 'csv-parse/sync';
import type { Kecamatan } from '../contract/types.ts';

export interface Province { code: string; name: string }
export interface KabupatenRef { code: string; name: string; provinceCode: string }
export interface OfficialKabupaten extends KabupatenRef { kecamatan: Kecamatan[] }

/** Strict shapes, checked before any look-up: a province "34", a kabupaten/kota "34.04". */
export const PROVINCE_CODE = /^\d{2}$/;
export const KABUPATEN_CODE = /^\d{2}\.\d{2}$/;

function rows(text: string): string[][] {
  return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
}

/**
 * Only the lines that start with `prefix` (the code is the first, unquoted column), then
 * parsed: the village table is 83,000 lines, a kabupaten's share a few hundred.
 */
function rowsUnder(text: string, prefix: string): string[][] {
  const lines: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text.startsWith(prefix, at)) lines.push(text.slice(at, end));
    at = end + 1;
  }
  return lines.length ? rows(lines.join('\n')) : [];
}

export function parseProvinces(text: string): Province[] {
  return rows(text).slice(1).filter((r) => PROVINCE_CODE.test(r[0] ?? '') && r[1]).map((r) => ({ code: r[0]!, name: r[1]! }));
}

export function parseKabupaten(text: string, provinceCode: string): KabupatenRef[] {
  return rowsUnder(text, `${provinceCode}.`)
    .filter((r) => KABUPATEN_CODE.test(r[0] ?? '') && r[1] === provinceCode && r[2])
    .map((r) => ({ code: r[0]!, name: r[2]!, provinceCode }));
}

/** One kabupaten's kecamatan and desa/kelurahan, in code order as the tables list them. */
export function officialKabupaten(ref: KabupatenRef, districtsCsv: string, villagesCsv: string): OfficialKabupaten {
  const kecamatan = rowsUnder(districtsCsv, `${ref.code}.`)
    .filter((r) => r[1] === ref.code && r[0] && r[2])
    .map((r): Kecamatan => ({ code: r[0]!, name: r[2]!, desa: [] }));
  const byCode = new Map(kecamatan.map((k) => [k.code, k]));
  for (const r of rowsUnder(villagesCsv, `${ref.code}.`)) {
    const parent = byCode.get(r[1] ?? '');
    if (parent && r[0] && r[2]) parent.desa.push({ code: r[0], name: r[2] });
  }
  kecamatan.sort((a, b) => a.code.localeCompare(b.code));
  for (const k of kecamatan) k.desa.sort((a, b) => a.code.localeCompare(b.code));
  return { ...ref, kecamatan };
}

/**
 * The zone a province keeps (WIB west, WITA centre, WIT east), for the planners' date
 * filters; the admin can still change it. Kalimantan Barat and Tengah (61, 62) are WIB:
 * Asia/Jakarta, one of the three zones the settings offer.
 */
export function provinceTimeZone(provinceCode: string): string {
  const n = Number(provinceCode);
  if (n === 61 || n === 62) return 'Asia/Jakarta';
  if (n >= 81) return 'Asia/Jayapura';
  if (n >= 51) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}
