// Exports of the planner's desk for the musrenbang: CSV that Excel opens as UTF-8 and
// cannot run formulas from, Markdown, and JSON, all with the fields an e-musrenbang
// usulan carries plus the planner's volume, satuan, perkiraan biaya and OPD tujuan
// (empty until filled on the desk). These files are for staff:
// a listener's name and phone appear only where they agreed to be contacted, and the
// caller may leave personal columns out altogether.
import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV } from './csv.ts';
import { ASPIRATION_STATUS_LABELS } from './aspiration.ts';
import { escapeInline as esc } from './notula/escape.ts';
import { formatWaktu } from './notula/waktu.ts';
import { formatRupiah, formatVolume } from '../contract/plan.ts';
import type { DeskView } from '../contract/planner.ts';
import type { District } from '../contract/types.ts';

export interface MusrenbangRow {
  no: number;
  usulan: string;
  permasalahan: string;
  dimensi: string;
  kecamatan: string;
  kodeKecamatan: string;
  desaKelurahan: string;
  kodeDesaKelurahan: string;
  rtRw: string | null;
  dukungan: number;
  status: string;
  alasanDitolak: string | null;
  sumberEpisode: string | null;
  tanggalEpisode: string | null;
  volume: number | null;
  satuan: string | null;
  /** Whole rupiah. */
  perkiraanBiaya: number | null;
  opdTujuan: string | null;
  namaPengusul?: string | null;
  teleponPengusul?: string | null;
  idUsulan: string;
}

export interface ExportOptions {
  /** Include the consented name and phone columns (default true). */
  personal: boolean;
  /** When the export was made (ISO instant). */
  now: string;
}

const COLUMNS: Array<[keyof MusrenbangRow, string]> = [
  ['no', 'No'],
  ['usulan', 'Usulan'],
  ['permasalahan', 'Permasalahan'],
  ['dimensi', 'Dimensi'],
  ['kecamatan', 'Kecamatan'],
  ['kodeKecamatan', 'Kode Kecamatan'],
  ['desaKelurahan', 'Desa/Kelurahan'],
  ['kodeDesaKelurahan', 'Kode Desa/Kelurahan'],
  ['rtRw', 'RT/RW'],
  ['dukungan', 'Dukungan'],
  ['status', 'Status'],
  ['alasanDitolak', 'Alasan Ditolak'],
  ['sumberEpisode', 'Sumber Episode'],
  ['tanggalEpisode', 'Tanggal Episode'],
  ['volume', 'Volume'],
  ['satuan', 'Satuan'],
  ['perkiraanBiaya', 'Perkiraan Biaya'],
  ['opdTujuan', 'OPD Tujuan'],
  ['namaPengusul', 'Nama Pengusul'],
  ['teleponPengusul', 'Telepon Pengusul'],
  ['idUsulan', 'ID Usulan'],
];

const PERSONAL = new Set<keyof MusrenbangRow>(['namaPengusul', 'teleponPengusul']);

export function columnsFor(personal: boolean): Array<[keyof MusrenbangRow, string]> {
  return COLUMNS.filter(([key]) => personal || !PERSONAL.has(key));
}

/** "0812-3456-7890": grouped, so a spreadsheet keeps it as text (and its leading zero). */
export function displayPhone(phone: string): string {
  return phone.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}

/** "RT 003/RW 005": a bare "003/005" would turn into a date in a spreadsheet. */
export function displayRtRw(rtRw: string | null): string | null {
  if (!rtRw) return null;
  const [rt, rw] = rtRw.split('/');
  return `RT ${rt}/RW ${rw}`;
}

function episodeLabel(v: DeskView): string | null {
  if (!v.episode) return null;
  const number = v.episode.number !== null ? ` Eps. ${v.episode.number}` : '';
  return `${v.episode.series}${number}: ${v.episode.title}`;
}

export function musrenbangRows(views: readonly DeskView[], personal: boolean): MusrenbangRow[] {
  return views.map((v, i) => {
    const row: MusrenbangRow = {
      no: i + 1,
      usulan: v.text,
      permasalahan: v.problem,
      dimensi: v.dimensionName,
      kecamatan: v.kecamatanName,
      kodeKecamatan: v.kecamatan,
      desaKelurahan: v.desaName,
      kodeDesaKelurahan: v.desa,
      rtRw: displayRtRw(v.rtRw),
      dukungan: v.supports,
      status: ASPIRATION_STATUS_LABELS[v.status],
      alasanDitolak: v.rejectReason,
      sumberEpisode: episodeLabel(v),
      tanggalEpisode: v.episode?.date ?? null,
      volume: v.plan.volume,
      satuan: v.plan.satuan,
      perkiraanBiaya: v.plan.perkiraanBiaya,
      opdTujuan: v.plan.opdTujuan,
      idUsulan: v.id,
    };
    if (personal) {
      // Only consented contact is ever stored; the export still checks it is there.
      row.namaPengusul = v.contact?.name ?? null;
      row.teleponPengusul = v.contact?.phone ? displayPhone(v.contact.phone) : null;
    }
    return row;
  });
}

/**
 * CSV for Excel: a UTF-8 byte order mark (or Excel guesses the code page and mangles
 * "é" and "–"), CRLF line ends, every text cell quoted, and formula injection escaped:
 * = + - @ (or a tab, CR, or their full-width forms) at the start of a cell or right after
 * a "," or ";" inside it gets an apostrophe, so "=HYPERLINK(…)" shows as text whichever
 * separator the spreadsheet splits on (see csv.ts). Comma by default; semicolon for Excel
 * set to Indonesian, whose list separator it is.
 */
export function musrenbangCsv(rows: readonly MusrenbangRow[], opts: { personal: boolean; delimiter?: ',' | ';' }): string {
  const columns = columnsFor(opts.personal).map(([key, header]) => ({ key, header }));
  // Excel set to Indonesian (the ";" file) reads "12,5" as a number and "12.5" as text.
  const out = opts.delimiter === ';' ? rows.map((r) => ({ ...r, volume: r.volume === null ? null : String(r.volume).replace('.', ',') })) : rows;
  return stringify(out as unknown as Record<string, unknown>[], { ...SAFE_CSV, header: true, columns, delimiter: opts.delimiter ?? ',' });
}

export function musrenbangJson(rows: readonly MusrenbangRow[], district: District, opts: ExportOptions): string {
  const doc = {
    kabupaten: { nama: district.name, kode: district.code },
    diekspor: opts.now,
    jumlah: rows.length,
    kolom: columnsFor(opts.personal).map(([key, header]) => ({ kunci: key, judul: header })),
    usulan: rows,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A document to read or print: one section per dimension, one table per usulan. */
export function musrenbangMarkdown(rows: readonly MusrenbangRow[], district: District, opts: ExportOptions & { timeZone: string }): string {
  const title = district.name ? `USULAN WARGA UNTUK MUSRENBANG ${district.name.toLocaleUpperCase('id-ID')}` : 'USULAN WARGA UNTUK MUSRENBANG';
  const blocks: string[] = [`# ${esc(title)}`];
  blocks.push(`Diekspor ${formatWaktu(opts.now, null, opts.timeZone).replace(/–selesai /, ' ')}. Jumlah usulan: ${rows.length}. Volume, satuan, perkiraan biaya dan OPD tujuan diisi oleh perencana; yang kosong belum diisi.`);
  const groups = new Map<string, MusrenbangRow[]>();
  for (const r of rows) (groups.get(r.dimensi) ?? groups.set(r.dimensi, []).get(r.dimensi)!).push(r);
  for (const [dimension, list] of groups) {
    blocks.push(`## ${esc(dimension)}`);
    for (const r of list) {
      blocks.push(`### ${r.no}\\. ${esc(r.usulan)}`);
      const location = [r.rtRw, `${r.desaKelurahan} (${r.kodeDesaKelurahan})`, `Kec. ${r.kecamatan} (${r.kodeKecamatan})`].filter((x): x is string => !!x);
      const cells: Array<[string, string]> = [
        ['Permasalahan', esc(r.permasalahan)],
        ['Lokasi', esc(location.join(', '))],
        ['Dukungan', String(r.dukungan)],
        ['Status', esc(r.alasanDitolak ? `${r.status}: ${r.alasanDitolak}` : r.status)],
        ['Sumber', r.sumberEpisode ? esc(`${r.sumberEpisode}${r.tanggalEpisode ? ` (${r.tanggalEpisode})` : ''}`) : '–'],
        // Numbers we format (digits, "." and ","), not typed text: left unescaped, so the raw file reads "Rp 15.000.000".
        ['Volume', r.volume === null ? '' : formatVolume(r.volume)],
        ['Satuan', r.satuan ? esc(r.satuan) : ''],
        ['Perkiraan biaya', r.perkiraanBiaya === null ? '' : formatRupiah(r.perkiraanBiaya)],
        ['OPD tujuan', r.opdTujuan ? esc(r.opdTujuan) : ''],
      ];
      if (opts.personal && (r.namaPengusul || r.teleponPengusul)) {
        cells.push(['Pengusul (bersedia dihubungi)', esc([r.namaPengusul, r.teleponPengusul].filter(Boolean).join(', '))]);
      }
      cells.push(['ID usulan', esc(r.idUsulan)]);
      blocks.push(['|  |  |', '|---|---|', ...cells.map(([k, v]) => `| ${k} | ${v} |`)].join('\n'));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
