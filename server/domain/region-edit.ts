// The admin's changes to the region list in the app, beside the CSV import: switching to
// an official kabupaten (its kecamatan and desa/kelurahan from the Kemendagri tables),
// adding one kecamatan or desa, renaming one. Every rule checks everything first, so a
// refusal changes nothing; usulan keep pointing at codes, so a rename reaches them all.
import { MAX_REGIONS, blockingCodes, checkInUse, checkRegions, findDesa, findKecamatan, moveTo, normalizeRegionCode } from './district.ts';
import type { InUse } from './district.ts';
import { fail } from '../contract/errors.ts';
import type { OfficialKabupaten } from './official-regions.ts';
import { provinceTimeZone } from './official-regions.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import { LIMITS } from '../contract/text.ts';
import { requiredLine } from '../contract/lines.ts';
import type { Actor, District } from '../contract/types.ts';

function regionCount(d: District): number {
  return d.kecamatan.reduce((n, k) => n + 1 + k.desa.length, 0);
}

/**
 * The district becomes the official kabupaten/kota: its name, the zone of its province,
 * and all its kecamatan and desa/kelurahan. Dimensions stay. The sample steps aside (its
 * usulan keep their names); a real district's usulan must find their codes in the new list.
 */
export function switchKabupaten(district: District, actor: Actor, official: OfficialKabupaten, inUse: InUse): Result<District> {
  if (!can(actor, 'district.manage')) return fail('not_allowed');
  if (official.kecamatan.length === 0) return fail('kabupaten_not_found', `(${official.code} tidak punya kecamatan di data resmi)`);
  const regions = checkRegions(official.kecamatan, official.code);
  if (!regions.ok) return regions;
  const used = checkInUse(district.dimensions, regions.value.kecamatan, blockingCodes(inUse, official.code));
  if (used) return used;
  moveTo(district, official.code);
  district.name = official.name;
  district.timeZone = provinceTimeZone(official.provinceCode);
  district.kecamatan = regions.value.kecamatan;
  return ok(district);
}

export interface RegionInput {
  code: string;
  name: string;
}

/**
 * Adds one kecamatan ("34.04.01") or desa/kelurahan ("34.04.01.2001") that the list lacks
 * (a new desa after a split, a correction before the official tables catch up). It must
 * belong to the district's kabupaten, a desa to a kecamatan already listed.
 */
export function addRegion(district: District, actor: Actor, input: RegionInput): Result<District> {
  if (!can(actor, 'district.manage')) return fail('not_allowed');
  const code = normalizeRegionCode(input.code);
  if (!code || code.level === 'kabupaten') {
    return fail('district_invalid', `Kode "${input.code.slice(0, 30)}" tidak valid; tulis kecamatan seperti 34.04.01 dan desa/kelurahan seperti 34.04.01.2001.`);
  }
  const what = code.level === 'kecamatan' ? `Nama kecamatan ${code.code}` : `Nama desa/kelurahan ${code.code}`;
  const name = requiredLine(input.name, LIMITS.regionName, what);
  if (!name.ok) return name;
  const kab = code.code.slice(0, 5);
  if (district.code !== null && kab !== district.code) return fail('district_invalid', `${code.code} bukan bagian dari kabupaten ${district.code}.`);
  if (findKecamatan(district, code.code) || findDesa(district, code.code)) return fail('region_exists', `(${code.code})`);
  if (regionCount(district) + 1 > MAX_REGIONS) return fail('district_invalid', `Paling banyak ${MAX_REGIONS} wilayah.`);
  if (code.level === 'kecamatan') {
    if (district.code === null) moveTo(district, kab);
    district.kecamatan.push({ code: code.code, name: name.text, desa: [] });
    district.kecamatan.sort((a, b) => a.code.localeCompare(b.code));
    return ok(district);
  }
  const parent = findKecamatan(district, code.code.slice(0, 8));
  if (!parent) return fail('district_invalid', `Kecamatan ${code.code.slice(0, 8)} belum ada; tambahkan kecamatannya dulu.`);
  parent.desa.push({ code: code.code, name: name.text });
  parent.desa.sort((a, b) => a.code.localeCompare(b.code));
  return ok(district);
}

/** Renames one kecamatan or desa/kelurahan; the code, and so every usulan placed there, stays. */
export function renameRegion(district: District, actor: Actor, rawCode: string, rawName: string): Result<District> {
  if (!can(actor, 'district.manage')) return fail('not_allowed');
  const code = normalizeRegionCode(rawCode);
  if (!code || code.level === 'kabupaten') return fail('region_not_found', `(${rawCode.slice(0, 30)})`);
  const region = code.level === 'kecamatan' ? findKecamatan(district, code.code) : findDesa(district, code.code)?.desa;
  if (!region) return fail('region_not_found', `(${code.code})`);
  const name = requiredLine(rawName, LIMITS.regionName, `Nama ${code.code}`);
  if (!name.ok) return name;
  if (name.text === region.name) return fail('no_change');
  region.name = name.text;
  return ok(district);
}
