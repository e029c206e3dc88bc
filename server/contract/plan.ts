// What the planner adds to an usulan before the musrenbang: volume and satuan (how much
// of what), perkiraan biaya (an estimate in whole rupiah) and the OPD tujuan (the agency
// that would carry it out, from the list the admin keeps). Pure rules: the planner types
// numbers as people write them in Indonesia ("12,5", "Rp 15.000.000", "1,5 miliar"), and
// everything is checked before anything changes.
import { fail } from './errors.ts';
import type { DomainError } from './errors.ts';
import { normalizeLine } from './text.ts';
import type { AspirationPlan } from './types.ts';

export type { AspirationPlan };

export const EMPTY_PLAN: AspirationPlan = { volume: null, satuan: null, perkiraanBiaya: null, opdTujuan: null };

export const PLAN_LIMITS = {
  volumeMax: 1_000_000_000,
  volumeDecimals: 2,
  /** Rp 1 triliun: more than any single village usulan; a bigger number is a typo. */
  biayaMax: 1_000_000_000_000,
  satuanLength: 30,
  opdLength: 120,
  opdCount: 100,
} as const;

/** Units offered to the planner; another short unit may be typed ("ruas", "KK"). Known ones are spelt as here. */
export const SATUAN_SUGGESTED = [
  'unit', 'paket', 'meter', 'km', 'm2', 'm3', 'hektar', 'buah', 'orang', 'KK', 'titik', 'lokasi', 'ruas', 'set', 'kegiatan', 'kali', 'bulan', 'tahun',
] as const;

/** A sensible start; the admin edits it (staff page, "OPD tujuan"). */
export const DEFAULT_OPD = [
  'Bappeda', 'Dinas PUPR', 'Dinas Perkim', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Perhubungan', 'Dinas Kominfo', 'DLH',
  'Dinas Sosial', 'BPBD', 'Dinas Pertanian', 'Dinas PMD', 'Dinas Koperasi dan UMKM', 'Dinas Pariwisata', 'Disdukcapil', 'Satpol PP',
];

type Checked<T> = { ok: true; value: T } | { ok: false; error: DomainError };
const good = <T>(value: T): Checked<T> => ({ ok: true, value });
const blank = (raw: unknown) => raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');

/**
 * An Indonesian-written number to a JS number: "," is the decimal mark and "." groups
 * thousands ("1.250,5" → 1250.5, "12,5" → 12.5, "1.250" → 1250). A lone "." followed by
 * other than three digits is read as a decimal point ("2.5" → 2.5), as a phone keypad types it.
 */
export function readNumber(raw: string): number | null {
  let s = raw.replace(/[\s\u00A0]/g, '');
  // A minus is read, so "-3" is refused as "not above zero" rather than "not a number".
  const sign = s.startsWith('-') ? -1 : 1;
  if (sign < 0) s = s.slice(1);
  let digits: string;
  if (/^\d+(,\d+)?$/.test(s)) digits = s.replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) digits = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+\.\d+$/.test(s)) digits = s;
  else return null;
  const n = sign * Number(digits);
  return Number.isFinite(n) ? n : null;
}

/** Volume: a positive number with at most two decimals; empty clears it. */
export function parseVolume(raw: string | number | null | undefined): Checked<number | null> {
  if (blank(raw)) return good(null);
  const n = typeof raw === 'number' ? raw : readNumber(String(raw));
  if (n === null || !Number.isFinite(n)) return fail('invalid_volume', `"${String(raw).slice(0, 40)}" bukan angka; tulis seperti 120 atau 12,5.`);
  if (n <= 0) return fail('invalid_volume', 'Angkanya harus lebih dari nol.');
  if (n > PLAN_LIMITS.volumeMax) return fail('invalid_volume', 'Angkanya terlalu besar; periksa jumlah nolnya.');
  if (Math.round(n * 100) / 100 !== n) return fail('invalid_volume', 'Paling banyak dua angka di belakang koma.');
  return good(n);
}

/** Satuan: a known unit (spelt as the list does) or a short word of letters, digits, "/", "." or "²". */
export function parseSatuan(raw: string | null | undefined): Checked<string | null> {
  if (blank(raw)) return good(null);
  const s = normalizeLine(String(raw)).replace(/²/g, '2').replace(/³/g, '3');
  const known = SATUAN_SUGGESTED.find((u) => u.toLocaleLowerCase('id-ID') === s.toLocaleLowerCase('id-ID'));
  if (known) return good(known);
  if ([...s].length > PLAN_LIMITS.satuanLength) return fail('invalid_satuan', `Paling banyak ${PLAN_LIMITS.satuanLength} karakter, misalnya meter, unit atau paket.`);
  if (!/^\p{L}[\p{L}\d ./-]*$/u.test(s)) return fail('invalid_satuan', `"${s.slice(0, 40)}" bukan satuan; tulis satu satuan pendek, misalnya meter, unit atau paket.`);
  return good(s);
}

// Words only: a bare "m" or "k" means different things to different people.
const MULTIPLIERS: Array<[RegExp, number]> = [[/triliun$/, 1e12], [/(?:miliar|milyar)$/, 1e9], [/(?:juta|jt)$/, 1e6], [/(?:ribu|rb)$/, 1e3]];

/**
 * Perkiraan biaya in whole rupiah: "Rp 15.000.000", "Rp15.000.000,-", "15000000",
 * "15.000.000,00", "15 juta", "1,5 miliar". Cents are refused (a budget is in rupiah).
 */
export function parseRupiah(raw: string | number | null | undefined): Checked<number | null> {
  if (blank(raw)) return good(null);
  const shown = String(raw).slice(0, 40);
  let n: number | null;
  if (typeof raw === 'number') n = raw;
  else {
    let s = String(raw).toLocaleLowerCase('id-ID').replace(/[\s\u00A0]/g, '').replace(/^rp\.?/, '').replace(/,-$/, '').replace(/,00$/, '');
    let times = 1;
    for (const [suffix, m] of MULTIPLIERS) {
      if (suffix.test(s) && /\d/.test(s.replace(suffix, ''))) {
        s = s.replace(suffix, '');
        times = m;
        break;
      }
    }
    if (s.startsWith('-')) return fail('invalid_biaya', 'Perkiraan biaya tidak boleh negatif.');
    const base = readNumber(s);
    n = base === null ? null : Math.round(base * times * 100) / 100;
  }
  if (n === null || !Number.isFinite(n)) return fail('invalid_biaya', `"${shown}" bukan jumlah rupiah; tulis seperti Rp 15.000.000.`);
  if (n < 0) return fail('invalid_biaya', 'Perkiraan biaya tidak boleh negatif.');
  if (!Number.isInteger(n)) return fail('invalid_biaya', 'Tulis dalam rupiah penuh, tanpa sen.');
  if (n > PLAN_LIMITS.biayaMax) return fail('invalid_biaya', 'Lebih dari Rp 1 triliun; periksa jumlah nolnya.');
  return good(n);
}

/** "Rp 15.000.000": dots group thousands, as Indonesian documents write it. */
export function formatRupiah(n: number): string {
  return `Rp ${String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** "12,5": the decimal comma of Indonesian writing. */
export function formatVolume(n: number): string {
  const [whole, frac] = String(n).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac ? `,${frac}` : ''}`;
}

/** The OPD as the admin's list spells it; matching ignores case and spacing. */
export function parseOpd(raw: string | null | undefined, list: readonly string[]): Checked<string | null> {
  if (blank(raw)) return good(null);
  const key = (s: string) => normalizeLine(s).toLocaleLowerCase('id-ID');
  const found = list.find((o) => key(o) === key(String(raw)));
  if (!found) return fail('unknown_opd', `("${normalizeLine(String(raw)).slice(0, 60)}")`);
  return good(found);
}

export interface PlanInput {
  volume?: string | number | null;
  satuan?: string | null;
  perkiraanBiaya?: string | number | null;
  opdTujuan?: string | null;
}

/** The plan after a patch (omitted fields stay), all checked; volume and satuan go together. */
export function checkPlan(current: AspirationPlan, input: PlanInput, opd: readonly string[]): Checked<AspirationPlan> {
  const volume = input.volume === undefined ? good(current.volume) : parseVolume(input.volume);
  if (!volume.ok) return volume;
  const satuan = input.satuan === undefined ? good(current.satuan) : parseSatuan(input.satuan);
  if (!satuan.ok) return satuan;
  if ((volume.value === null) !== (satuan.value === null)) {
    return fail('plan_unit_required', volume.value === null ? 'Isi volumenya juga, atau kosongkan satuannya.' : 'Isi satuannya juga, misalnya meter atau unit.');
  }
  const biaya = input.perkiraanBiaya === undefined ? good(current.perkiraanBiaya) : parseRupiah(input.perkiraanBiaya);
  if (!biaya.ok) return biaya;
  // The OPD already stored is sent back as it is when only other fields change: it stays
  // even if it came from an older list (an imported file), rather than blocking the save.
  const same = input.opdTujuan === undefined || (current.opdTujuan !== null && input.opdTujuan === current.opdTujuan);
  const opdTujuan = same ? good(current.opdTujuan) : parseOpd(input.opdTujuan, opd);
  if (!opdTujuan.ok) return opdTujuan;
  return good({ volume: volume.value, satuan: satuan.value, perkiraanBiaya: biaya.value, opdTujuan: opdTujuan.value });
}

/**
 * The admin's OPD list: trimmed names, none empty, no two alike (ignoring case), at most
 * 100. A name still used by an usulan may not go: the desk and its exports would name an
 * OPD the list no longer knows.
 */
export function checkOpdList(input: readonly string[], inUse: ReadonlySet<string>): Checked<string[]> {
  if (input.length > PLAN_LIMITS.opdCount) return fail('opd_list_invalid', `Paling banyak ${PLAN_LIMITS.opdCount} OPD.`);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of input.entries()) {
    const name = normalizeLine(raw);
    if (!name) return fail('opd_list_invalid', `Nama OPD ke-${i + 1} kosong.`);
    if ([...name].length > PLAN_LIMITS.opdLength) return fail('opd_list_invalid', `Nama OPD ke-${i + 1} lebih dari ${PLAN_LIMITS.opdLength} karakter.`);
    const key = name.toLocaleLowerCase('id-ID');
    if (seen.has(key)) return fail('opd_list_invalid', `"${name}" tertulis dua kali.`);
    seen.add(key);
    out.push(name);
  }
  const gone = [...inUse].filter((o) => !out.includes(o));
  if (gone.length) return fail('opd_in_use', `(${gone.slice(0, 3).map((o) => `"${o}"`).join(', ')})`);
  return good(out);
}
