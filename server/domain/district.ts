// The district's settings, kept by the station admin: the smart-city dimensions and the
// kecamatan and desa/kelurahan with their official region codes. Listeners pick from
// these lists; aspirations store the codes, so a code in use may not disappear.
import { parse } from 'csv-parse/sync';
import { NATIONAL_DIMENSIONS, UNASSIGNED_DIMENSION, UNASSIGNED_DIMENSION_NAME } from '../contract/dimensions.ts';
import { fail } from '../contract/errors.ts';
import { isValidTimeZone } from '../contract/zone.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import { LIMITS, normalizeLine } from '../contract/text.ts';
import { requiredLine } from '../contract/lines.ts';
import type { Actor, Desa, Dimension, District, FormerDistrict, Kecamatan } from '../contract/types.ts';

export const MAX_DIMENSIONS = 12;
export const MAX_REGIONS = 10_000;

export function defaultDistrict(): District {
  return { name: '', code: null, timeZone: 'Asia/Jakarta', dimensions: NATIONAL_DIMENSIONS.map((d) => ({ ...d })), kecamatan: [] };
}

export interface DistrictInput {
  name: string;
  code?: string | null;
  timeZone?: string;
  dimensions: Array<{ code?: string; name: string }>;
  kecamatan: Array<{ code: string; name: string; desa: Array<{ code: string; name: string }> }>;
}

export interface CodeSets {
  dimensions: ReadonlySet<string>;
  kecamatan: ReadonlySet<string>;
  desa: ReadonlySet<string>;
}

/** Codes that aspirations use: they must survive any change to the settings. */
export interface InUse extends CodeSets {
  /**
   * The same, of usulan placed in the sample's invented regions: they hold the settings
   * only while the sample is the district, and never keep a station from its own.
   */
  sample?: CodeSets;
}

/**
 * The sample's invented province. Kemendagri numbers provinces 11 to 96, so no real code
 * starts with 99: what does is the sample, and it steps aside for any real kabupaten.
 */
export const SAMPLE_PROVINCE = '99';

export function isSampleRegion(code: string | null | undefined): boolean {
  return typeof code === 'string' && (code === SAMPLE_PROVINCE || code.startsWith(`${SAMPLE_PROVINCE}.`));
}

/** What must survive a change that leaves the district with `nextCode`. */
export function blockingCodes(inUse: InUse, nextCode: string | null): CodeSets {
  if (!inUse.sample || !isSampleRegion(nextCode)) return inUse;
  const join = (a: ReadonlySet<string>, b: ReadonlySet<string>) => new Set([...a, ...b]);
  return { dimensions: join(inUse.dimensions, inUse.sample.dimensions), kecamatan: join(inUse.kecamatan, inUse.sample.kecamatan), desa: join(inUse.desa, inUse.sample.desa) };
}

/**
 * The districts kept for their names after a change to `nextCode`: the sample, when it is
 * the district now and the settings move elsewhere, joins them (a copy, replacing an
 * older copy of the same code). Real districts are never kept: their usulan block instead.
 */
export function steppedAside(district: District, nextCode: string | null): FormerDistrict[] | undefined {
  if (!isSampleRegion(district.code) || nextCode === district.code) return district.former;
  const copy: FormerDistrict = {
    name: district.name, code: district.code,
    dimensions: district.dimensions.map((d) => ({ ...d })),
    kecamatan: district.kecamatan.map((k) => ({ ...k, desa: k.desa.map((d) => ({ ...d })) })),
  };
  return [...(district.former ?? []).filter((f) => f.code !== district.code), copy];
}

/** Sets the new kabupaten code, moving the sample aside first when it is leaving. */
export function moveTo(district: District, code: string | null): void {
  const former = steppedAside(district, code);
  if (former) district.former = former;
  district.code = code;
}

export type RegionLevel = 'kabupaten' | 'kecamatan' | 'desa';

const LEVELS: Array<[RegionLevel, RegExp, RegExp]> = [
  ['kabupaten', /^\d{2}\.\d{2}$/, /^(\d{2})(\d{2})$/],
  ['kecamatan', /^\d{2}\.\d{2}\.\d{2}$/, /^(\d{2})(\d{2})(\d{2})$/],
  ['desa', /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, /^(\d{2})(\d{2})(\d{2})(\d{4})$/],
];

/**
 * An official region code in the Kemendagri dotted form: "33.07.01" (kecamatan),
 * "33.07.01.2001" (desa/kelurahan). The undotted BPS-style form "3307012001" is accepted.
 */
export function normalizeRegionCode(raw: string): { code: string; level: RegionLevel } | null {
  const s = raw.replace(/\s+/g, '');
  for (const [level, dotted, plain] of LEVELS) {
    if (dotted.test(s)) return { code: s, level };
    const m = plain.exec(s);
    if (m) return { code: m.slice(1).join('.'), level };
  }
  return null;
}

function dimensionCode(name: string): string {
  const ascii = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^smart\s+/, '');
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

type Check<T> = { ok: true; value: T } | ReturnType<typeof fail>;

function checkDimensions(input: DistrictInput['dimensions']): Check<Dimension[]> {
  if (input.length === 0 || input.length > MAX_DIMENSIONS) {
    return fail('district_invalid', `Isi 1 sampai ${MAX_DIMENSIONS} dimensi smart city.`);
  }
  const out: Dimension[] = [];
  for (const d of input) {
    const name = requiredLine(d.name, 60, 'Nama dimensi');
    if (!name.ok) return name;
    const code = d.code !== undefined && normalizeLine(d.code) !== '' ? normalizeLine(d.code) : dimensionCode(name.text);
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(code)) {
      return fail('district_invalid', `Kode dimensi "${code}" hanya boleh huruf kecil, angka dan tanda hubung.`);
    }
    if (out.some((x) => x.code === code)) return fail('district_invalid', `Kode dimensi "${code}" muncul dua kali.`);
    if (out.some((x) => x.name.toLowerCase() === name.text.toLowerCase())) return fail('district_invalid', `Dimensi "${name.text}" muncul dua kali.`);
    out.push({ code, name: name.text });
  }
  return { ok: true, value: out };
}

export function checkRegions(input: DistrictInput['kecamatan'], districtCode: string | null): Check<{ kecamatan: Kecamatan[]; code: string | null }> {
  let count = input.length;
  for (const k of input) count += k.desa.length;
  if (count > MAX_REGIONS) return fail('district_invalid', `Paling banyak ${MAX_REGIONS} wilayah.`);
  let prefix = districtCode;
  const seen = new Set<string>();
  const kecamatan: Kecamatan[] = [];
  for (const k of input) {
    const code = normalizeRegionCode(k.code);
    if (!code || code.level !== 'kecamatan') return fail('district_invalid', `Kode kecamatan "${k.code}" tidak valid; tulis seperti 33.07.01.`);
    const name = requiredLine(k.name, LIMITS.regionName, `Nama kecamatan ${code.code}`);
    if (!name.ok) return name;
    const kab = code.code.slice(0, 5);
    if (prefix !== null && kab !== prefix) return fail('district_invalid', `Kecamatan ${code.code} bukan bagian dari kabupaten ${prefix}.`);
    prefix = kab;
    if (seen.has(code.code)) return fail('district_invalid', `Kode ${code.code} muncul dua kali.`);
    seen.add(code.code);
    const desa: Desa[] = [];
    for (const d of k.desa) {
      const dc = normalizeRegionCode(d.code);
      if (!dc || dc.level !== 'desa') return fail('district_invalid', `Kode desa/kelurahan "${d.code}" tidak valid; tulis seperti 33.07.01.2001.`);
      if (!dc.code.startsWith(`${code.code}.`)) return fail('district_invalid', `Desa/kelurahan ${dc.code} bukan bagian dari kecamatan ${code.code}.`);
      const dn = requiredLine(d.name, LIMITS.regionName, `Nama desa/kelurahan ${dc.code}`);
      if (!dn.ok) return dn;
      if (seen.has(dc.code)) return fail('district_invalid', `Kode ${dc.code} muncul dua kali.`);
      seen.add(dc.code);
      desa.push({ code: dc.code, name: dn.text });
    }
    kecamatan.push({ code: code.code, name: name.text, desa });
  }
  return { ok: true, value: { kecamatan, code: prefix } };
}

export function checkInUse(dimensions: readonly Dimension[], kecamatan: readonly Kecamatan[], inUse: CodeSets): ReturnType<typeof fail> | null {
  const dims = new Set(dimensions.map((d) => d.code));
  const kecs = new Set(kecamatan.map((k) => k.code));
  const desas = new Set(kecamatan.flatMap((k) => k.desa.map((d) => d.code)));
  const missing = [
    ...[...inUse.dimensions].filter((c) => !dims.has(c)).map((c) => `dimensi ${c}`),
    ...[...inUse.kecamatan].filter((c) => !kecs.has(c)).map((c) => `kecamatan ${c}`),
    ...[...inUse.desa].filter((c) => !desas.has(c)).map((c) => `desa/kelurahan ${c}`),
  ];
  if (missing.length === 0) return null;
  const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, dan ${missing.length - 5} lainnya` : '');
  return fail('region_in_use', `(${shown})`);
}

/** Replaces the whole settings; refuses (changing nothing) when a code in use would disappear. */
export function updateDistrict(district: District, actor: Actor, input: DistrictInput, inUse: InUse): Result<District> {
  if (!can(actor, 'district.manage')) return fail('not_allowed');
  const name = requiredLine(input.name, LIMITS.regionName, 'Nama kabupaten/kota');
  if (!name.ok) return name;
  let code: string | null = null;
  if (input.code != null && input.code.trim() !== '') {
    const c = normalizeRegionCode(input.code);
    if (!c || c.level !== 'kabupaten') return fail('district_invalid', `Kode kabupaten/kota "${input.code}" tidak valid; tulis seperti 33.07.`);
    code = c.code;
  }
  const timeZone = input.timeZone ?? district.timeZone;
  if (!isValidTimeZone(timeZone)) return fail('invalid_time_zone');
  const dimensions = checkDimensions(input.dimensions);
  if (!dimensions.ok) return dimensions;
  const regions = checkRegions(input.kecamatan, code);
  if (!regions.ok) return regions;
  const used = checkInUse(dimensions.value, regions.value.kecamatan, blockingCodes(inUse, regions.value.code));
  if (used) return used;
  moveTo(district, regions.value.code);
  Object.assign(district, { name: name.text, timeZone, dimensions: dimensions.value, kecamatan: regions.value.kecamatan });
  return ok(district);
}

// ---- CSV import of kecamatan and desa/kelurahan ----

export type CsvResult = { ok: true; kecamatan: Kecamatan[] } | { ok: false; line: number; message: string };

class CsvLineError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

const CODE_HEADERS = new Set(['kode', 'code', 'kode wilayah', 'kode_wilayah', 'kode kemendagri']);
const NAME_HEADERS = new Set(['nama', 'name', 'nama wilayah', 'nama_wilayah']);

const CSV_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'tanda kutip dibuka tetapi tidak pernah ditutup',
  CSV_INVALID_CLOSING_QUOTE: 'ada teks tepat setelah tanda kutip penutup',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'ada teks tepat setelah tanda kutip penutup',
  CSV_INVALID_OPENING_QUOTE: 'tanda kutip di tengah kolom',
  CSV_MAX_RECORD_SIZE: 'baris terlalu panjang',
};

interface Row { line: number; cells: string[] }

/** The line of the quote that is still open at the end ("" inside quotes toggles twice). */
function openQuoteLine(text: string): number {
  let line = 1;
  let opened = 1;
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') {
      inQuotes = !inQuotes;
      if (inQuotes) opened = line;
    } else if (c === '\n') {
      line++;
    }
  }
  return opened;
}

function rowsOf(text: string): Row[] {
  // One line-ending convention, so csv-parse counts lines the way an editor shows them.
  const input = text.replace(/\r\n?/g, '\n');
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    records = parse(input, {
      bom: true, delimiter: [',', ';'], info: true, raw: true, trim: true,
      skip_empty_lines: true, relax_column_count: true, max_record_size: 10_000,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    // csv-parse reports where it gave up (the end of the file); the reader needs the line the quote opened on.
    const line = e.code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(input) : e.lines;
    throw new CsvLineError(Math.max(1, line ?? 1), CSV_MESSAGES[e.code ?? ''] ?? 'format CSV tidak valid');
  }
  return records.map((r) => {
    // info.lines is where the record ends; a quoted field may have spanned lines.
    const body = r.raw.replace(/^\n+/, '').replace(/\n$/, '');
    const spanned = (body.match(/\n/g) ?? []).length;
    return { line: r.info.lines - spanned, cells: r.record };
  });
}

/**
 * Reads a CSV of region codes and names (header "kode,nama", comma or semicolon, with or
 * without a byte order mark, as Excel saves it). Kecamatan rows ("33.07.01") and desa/
 * kelurahan rows ("33.07.01.2001") may come in any order. Any problem names its line.
 */
export function parseRegionCsv(text: string, kabupatenCode: string | null = null): CsvResult {
  try {
    return { ok: true, kecamatan: readRegions(rowsOf(text), kabupatenCode) };
  } catch (err) {
    if (err instanceof CsvLineError) return { ok: false, line: err.line, message: err.message };
    throw err;
  }
}

function readRegions(rows: Row[], kabupatenCode: string | null): Kecamatan[] {
  const header = rows[0];
  if (!header) throw new CsvLineError(1, 'berkas kosong; baris pertama harus "kode,nama"');
  const lower = header.cells.map((c) => normalizeLine(c).toLowerCase());
  const codeAt = lower.findIndex((c) => CODE_HEADERS.has(c));
  const nameAt = lower.findIndex((c) => NAME_HEADERS.has(c));
  if (codeAt < 0 || nameAt < 0) throw new CsvLineError(header.line, 'baris pertama harus berisi judul kolom "kode" dan "nama"');
  if (rows.length < 2) throw new CsvLineError(header.line, 'tidak ada wilayah di bawah baris judul');
  if (rows.length - 1 > MAX_REGIONS) throw new CsvLineError(rows[MAX_REGIONS + 1]!.line, `paling banyak ${MAX_REGIONS} wilayah`);

  const kecamatan = new Map<string, { k: Kecamatan; line: number }>();
  const desa: Array<{ d: Desa; line: number }> = [];
  const seen = new Map<string, number>();
  // Line 0: the kabupaten code already in the settings.
  let kabupaten: { code: string; line: number } | null = kabupatenCode ? { code: kabupatenCode, line: 0 } : null;
  for (const row of rows.slice(1)) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (row.cells.length < header.cells.length) {
      throw new CsvLineError(row.line, `ada ${row.cells.length} kolom, padahal baris judul punya ${header.cells.length}`);
    }
    const rawCode = row.cells[codeAt] ?? '';
    // The Kemendagri tables list the province and the kabupaten above their kecamatan:
    // a province row is passed over, a kabupaten row says which kabupaten the file is of.
    if (/^\d{2}$/.test(rawCode.trim())) continue;
    const code = normalizeRegionCode(rawCode);
    if (!code) {
      throw new CsvLineError(row.line, `kode "${rawCode}" tidak dikenal; tulis kecamatan seperti 33.07.01 dan desa/kelurahan seperti 33.07.01.2001`);
    }
    if (code.level === 'kabupaten') {
      if (kabupaten && kabupaten.code !== code.code) {
        const where = kabupaten.line === 0 ? `pengaturan memakai kabupaten ${kabupaten.code}` : `baris ${kabupaten.line} dari ${kabupaten.code}`;
        throw new CsvLineError(row.line, `kabupaten ${code.code} berbeda; ${where}`);
      }
      kabupaten ??= { code: code.code, line: row.line };
      continue;
    }
    const name = normalizeLine(row.cells[nameAt] ?? '');
    if (name === '') throw new CsvLineError(row.line, `nama wilayah ${code.code} kosong`);
    if ([...name].length > LIMITS.regionName) throw new CsvLineError(row.line, `nama wilayah paling banyak ${LIMITS.regionName} karakter`);
    const before = seen.get(code.code);
    if (before !== undefined) throw new CsvLineError(row.line, `kode ${code.code} sudah ada di baris ${before}`);
    seen.set(code.code, row.line);
    const kab = code.code.slice(0, 5);
    if (kabupaten && kab !== kabupaten.code) {
      const where = kabupaten.line === 0 ? `pengaturan memakai kabupaten ${kabupaten.code}` : `baris ${kabupaten.line} dari ${kabupaten.code}`;
      throw new CsvLineError(row.line, `kode ${code.code} dari kabupaten lain (${kab}); ${where}`);
    }
    kabupaten ??= { code: kab, line: row.line };
    if (code.level === 'kecamatan') kecamatan.set(code.code, { k: { code: code.code, name, desa: [] }, line: row.line });
    else desa.push({ d: { code: code.code, name }, line: row.line });
  }
  if (kecamatan.size === 0) throw new CsvLineError(rows[1]!.line, 'tidak ada baris kecamatan (kode seperti 33.07.01)');
  for (const { d, line } of desa) {
    const parent = kecamatan.get(d.code.slice(0, 8));
    if (!parent) throw new CsvLineError(line, `kecamatan ${d.code.slice(0, 8)} untuk desa/kelurahan ini tidak ada di berkas`);
    parent.k.desa.push(d);
  }
  // Official order: by code, so the lists read the same as the Kemendagri tables.
  const sorted = [...kecamatan.values()].map((x) => x.k).sort((a, b) => a.code.localeCompare(b.code));
  for (const k of sorted) k.desa.sort((a, b) => a.code.localeCompare(b.code));
  return sorted;
}

/** Replaces the kecamatan and desa lists with the CSV's; dimensions stay. All or nothing. */
export function importRegionCsv(district: District, actor: Actor, text: string, inUse: InUse): Result<District> {
  if (!can(actor, 'district.manage')) return fail('not_allowed');
  // The sample's invented kabupaten holds no file to its codes: a real one replaces it.
  const parsed = parseRegionCsv(text, isSampleRegion(district.code) ? null : district.code);
  if (!parsed.ok) return fail('district_csv_invalid', `Baris ${parsed.line}: ${parsed.message}.`);
  const code = parsed.kecamatan[0]!.code.slice(0, 5);
  const used = checkInUse(district.dimensions, parsed.kecamatan, blockingCodes(inUse, code));
  if (used) return used;
  const leaving = isSampleRegion(district.code) && code !== district.code;
  moveTo(district, code);
  // The sample's name would otherwise stay on a real kabupaten's regions.
  if (leaving) district.name = '';
  district.kecamatan = parsed.kecamatan;
  return ok(district);
}

// ---- Lookups ----

export function findKecamatan(district: District, code: string): Kecamatan | undefined {
  return district.kecamatan.find((k) => k.code === code);
}

export function findDesa(district: District, code: string): { desa: Desa; kecamatan: Kecamatan } | undefined {
  for (const k of district.kecamatan) {
    const d = k.desa.find((x) => x.code === code);
    if (d) return { desa: d, kecamatan: k };
  }
  return undefined;
}

/** Names for display: the district's own first, then a district that stepped aside, then the bare code. */
export function dimensionName(district: District, code: string): string {
  if (code === UNASSIGNED_DIMENSION) return UNASSIGNED_DIMENSION_NAME;
  return district.dimensions.find((d) => d.code === code)?.name
    ?? district.former?.flatMap((f) => f.dimensions).find((d) => d.code === code)?.name ?? code;
}

export function kecamatanName(district: District, code: string): string {
  return findKecamatan(district, code)?.name ?? district.former?.flatMap((f) => f.kecamatan).find((k) => k.code === code)?.name ?? code;
}

export function desaName(district: District, code: string): string {
  const here = findDesa(district, code)?.desa.name;
  if (here !== undefined) return here;
  for (const f of district.former ?? []) for (const k of f.kecamatan) for (const d of k.desa) if (d.code === code) return d.name;
  return code;
}
