// The tracker's rows as open data files: /data/usulan.csv and /data/usulan.json. Both take
// their columns from TRACKER_COLUMNS, so the CSV header, the JSON keys and the data
// dictionary page never disagree. The CSV uses SAFE_CSV (BOM, CRLF, quoted, formula-inert),
// like the planner's export: listener text must not run in the spreadsheet of whoever opens it.
import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV } from './csv.ts';
import { TRACKER_COLUMNS } from './tracker.ts';
import type { TrackerQuery, TrackerRow, TrackerStep } from './tracker.ts';
import { LICENSES } from '../contract/station.ts';
import type { Station } from '../contract/station.ts';
import type { District } from '../contract/types.ts';

/** Where the data files and their dictionary live. */
export const TRACKER_FILES = { csv: '/data/usulan.csv', json: '/data/usulan.json', dictionary: '/data' } as const;

/** The episode page's address, absolute when the station set PUBLIC_URL (a portal has no base URL). */
function withOrigin(rows: readonly TrackerRow[], origin: string | null): readonly TrackerRow[] {
  if (!origin) return rows;
  return rows.map((r) => (r.episodeAlamat ? { ...r, episodeAlamat: `${origin}${r.episodeAlamat}` } : r));
}

/** "2026-11-14T12:12:00.000Z baru | 2026-11-16T02:05:00.000Z ditolak: Iklan." (see the riwayat column). */
export function historyText(steps: readonly TrackerStep[]): string {
  return steps.map((s) => `${s.waktu} ${s.status}${s.alasan ? `: ${s.alasan}` : ''}${s.digabungKe ? ` → ${s.digabungKe}` : ''}`).join(' | ');
}

export function trackerCsv(rows: readonly TrackerRow[], origin: string | null): string {
  const records = withOrigin(rows, origin).map((r) => Object.fromEntries(TRACKER_COLUMNS.map((c) => [c.name, c.name === 'riwayat' ? historyText(r.riwayat) : r[c.name]])));
  return stringify(records, { ...SAFE_CSV, header: true, columns: TRACKER_COLUMNS.map((c) => ({ key: c.name, header: c.name })) });
}

export interface TrackerMeta {
  station: Station;
  district: District;
  query: TrackerQuery;
  origin: string | null;
}

/** The newest status change in the rows: the dataset's "modified" date. */
export function lastModified(rows: readonly TrackerRow[]): string | null {
  let out: string | null = null;
  for (const r of rows) if (out === null || r.diperbarui > out) out = r.diperbarui;
  return out;
}

export function trackerJson(rows: readonly TrackerRow[], meta: TrackerMeta): string {
  const licence = LICENSES[meta.station.license];
  const doc = {
    judul: `Usulan warga untuk musrenbang – ${meta.station.name}`,
    penerbit: meta.station.name,
    lisensi: { kode: meta.station.license, judul: licence?.title ?? null, url: licence?.url ?? null },
    kabupaten: { nama: meta.district.name, kode: meta.district.code },
    kamusData: `${meta.origin ?? ''}${TRACKER_FILES.dictionary}`,
    diperbarui: lastModified(rows),
    saringan: meta.query,
    jumlah: rows.length,
    kolom: TRACKER_COLUMNS.map((c) => ({ nama: c.name, tipe: c.type, bolehKosong: c.nullable, arti: c.meaning })),
    // Keys in the columns' order, and only those: the row objects are built that way too.
    usulan: withOrigin(rows, meta.origin).map((r) => Object.fromEntries(TRACKER_COLUMNS.map((c) => [c.name, r[c.name]]))),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
