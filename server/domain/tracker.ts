// The public usulan tracker (/usulan, /data/usulan.csv, /data/usulan.json): every usulan that
// reached a planner — usulan have no screening step, so all of them — with where it is, how
// many support it, the show it was raised in and what became of it. Pure: the route gives it
// the aspirations, the district and the episodes; the page and the files are built from the rows.
//
// What a row never holds: a name, a phone number, contact data, listener ids (submittedBy,
// supporters), planner notes or staff names. Rows are built field by field (never by spreading
// an Aspiration), so a field added to Aspiration later cannot leak into a public file.
import { ASPIRATION_STATUS_LABELS, historyOf, supportCount } from './aspiration.ts';
import { desaName, dimensionName, kecamatanName } from './district.ts';
import { published } from './archive.ts';
import { publicPath } from '../contract/public-path.ts';
import { ASPIRATION_STATUSES } from '../contract/types.ts';
import type { Aspiration, AspirationStatus, Channel, District, Episode, Id } from '../contract/types.ts';

/** One step of the public status history. */
export interface TrackerStep {
  /** ISO 8601 instant (UTC). */
  waktu: string;
  status: AspirationStatus;
  /** Why it was rejected ("ditolak" only), contact details masked. */
  alasan: string | null;
  /** The usulan it was merged into ("digabung" only). */
  digabungKe: Id | null;
}

export interface TrackerRow {
  id: Id;
  usulan: string;
  permasalahan: string;
  dimensiKode: string;
  dimensi: string;
  kecamatanKode: string;
  kecamatan: string;
  desaKode: string;
  desa: string;
  rtRw: string | null;
  dukungan: number;
  saluran: Channel;
  status: AspirationStatus;
  statusLabel: string;
  alasanDitolak: string | null;
  digabungKe: Id | null;
  episodeSeri: string | null;
  episodeNomor: number | null;
  episodeJudul: string | null;
  /** Path of the episode's archive page (the files make it absolute); null while it is not published. */
  episodeAlamat: string | null;
  diajukan: string;
  diperbarui: string;
  riwayat: TrackerStep[];
}

export type ColumnType = 'teks' | 'kode' | 'bilangan bulat' | 'waktu' | 'daftar';

export interface TrackerColumn {
  /** The JSON key and the CSV header. */
  name: keyof TrackerRow;
  type: ColumnType;
  /** May be empty (null in JSON, an empty cell in CSV). */
  nullable: boolean;
  /** What it means, in Indonesian, for the data dictionary page. */
  meaning: string;
}

const STATUS_LIST = ASPIRATION_STATUSES.map((s) => `${s} (${ASPIRATION_STATUS_LABELS[s]})`).join(', ');

/**
 * The public columns, once: the CSV header, the JSON keys and the data dictionary (/data)
 * all come from this list, in this order.
 */
export const TRACKER_COLUMNS: readonly TrackerColumn[] = [
  { name: 'id', type: 'kode', nullable: false, meaning: 'Kode unik usulan; tetap sama selama usulan ada.' },
  { name: 'usulan', type: 'teks', nullable: false, meaning: 'Apa yang diusulkan warga (nomor telepon dan alamat surel disamarkan).' },
  { name: 'permasalahan', type: 'teks', nullable: false, meaning: 'Masalah yang ingin diatasi usulan (nomor telepon dan alamat surel disamarkan).' },
  { name: 'dimensiKode', type: 'kode', nullable: false, meaning: 'Kode dimensi smart city dari pengaturan kabupaten, mis. living.' },
  { name: 'dimensi', type: 'teks', nullable: false, meaning: 'Nama dimensi smart city, mis. Smart Living.' },
  { name: 'kecamatanKode', type: 'kode', nullable: false, meaning: 'Kode wilayah kecamatan (Kemendagri), mis. 33.07.01.' },
  { name: 'kecamatan', type: 'teks', nullable: false, meaning: 'Nama kecamatan.' },
  { name: 'desaKode', type: 'kode', nullable: false, meaning: 'Kode wilayah desa/kelurahan (Kemendagri), mis. 33.07.01.2001.' },
  { name: 'desa', type: 'teks', nullable: false, meaning: 'Nama desa/kelurahan.' },
  { name: 'rtRw', type: 'kode', nullable: true, meaning: 'RT/RW bila disebut, ditulis 003/005.' },
  { name: 'dukungan', type: 'bilangan bulat', nullable: false, meaning: 'Jumlah pendengar yang mendukung usulan (satu dukungan per pendengar; usulan yang digabung membawa dukungannya ke usulan tujuan).' },
  { name: 'saluran', type: 'kode', nullable: false, meaning: 'Lewat mana usulan masuk: web, sms, whatsapp, phone (telepon), studio, email.' },
  { name: 'status', type: 'kode', nullable: false, meaning: `Status saat ini: ${STATUS_LIST}.` },
  { name: 'statusLabel', type: 'teks', nullable: false, meaning: 'Status saat ini dalam kata-kata, mis. Diteruskan ke musrenbang.' },
  { name: 'alasanDitolak', type: 'teks', nullable: true, meaning: 'Alasan penolakan dari perencana (hanya bila status ditolak).' },
  { name: 'digabungKe', type: 'kode', nullable: true, meaning: 'Kode usulan tujuan bila usulan ini digabung karena sama isinya (status digabung).' },
  { name: 'episodeSeri', type: 'teks', nullable: true, meaning: 'Seri acara tempat usulan disampaikan.' },
  { name: 'episodeNomor', type: 'bilangan bulat', nullable: true, meaning: 'Nomor episode acara itu.' },
  { name: 'episodeJudul', type: 'teks', nullable: true, meaning: 'Judul episode acara itu.' },
  { name: 'episodeAlamat', type: 'teks', nullable: true, meaning: 'Alamat halaman episode di arsip (notula dan rekaman); kosong selama episode belum diterbitkan.' },
  { name: 'diajukan', type: 'waktu', nullable: false, meaning: 'Kapan usulan masuk (ISO 8601, UTC).' },
  { name: 'diperbarui', type: 'waktu', nullable: false, meaning: 'Kapan statusnya terakhir berubah (ISO 8601, UTC).' },
  { name: 'riwayat', type: 'daftar', nullable: false, meaning: 'Riwayat status, dari yang terlama. Di JSON: daftar {waktu, status, alasan, digabungKe}. Di CSV: langkah dipisah " | ", tiap langkah "waktu status", diikuti ": alasan" atau " → kode usulan tujuan".' },
];

export { EMAIL_MASK, maskContact, PHONE_MASK } from './contact-mask.ts';
import { maskContact } from './contact-mask.ts';

const maskOrNull = (s: string | null | undefined): string | null => (s == null ? null : maskContact(s));

/**
 * The tracker's rows: every usulan, most supported first (then the oldest). An usulan whose
 * episode was deleted keeps its row without an episode; one whose episode is not published
 * yet names it but has no link.
 */
export function trackerRows(list: readonly Aspiration[], district: District, episodes: readonly Episode[]): TrackerRow[] {
  const pub = published(episodes);
  const paths = new Map(pub.map((e) => [e.id, publicPath(e, pub)]));
  const byId = new Map(episodes.map((e) => [e.id, e]));
  // A blocked sender's usulan are not published (domain/moderation/block.ts).
  const rows = list.filter((a) => !a.blocked).map((a): TrackerRow => {
    const e = byId.get(a.episodeId);
    const history = historyOf(a).map((h): TrackerStep => ({
      waktu: h.at, status: h.status, alasan: maskOrNull(h.reason), digabungKe: h.mergedInto ?? null,
    }));
    return {
      id: a.id,
      usulan: maskContact(a.text),
      permasalahan: maskContact(a.problem),
      dimensiKode: a.dimension,
      dimensi: dimensionName(district, a.dimension),
      kecamatanKode: a.kecamatan,
      kecamatan: kecamatanName(district, a.kecamatan),
      desaKode: a.desa,
      desa: desaName(district, a.desa),
      rtRw: a.rtRw,
      dukungan: supportCount(a),
      saluran: a.channel,
      status: a.status,
      statusLabel: ASPIRATION_STATUS_LABELS[a.status],
      alasanDitolak: a.status === 'ditolak' ? maskOrNull(a.rejectReason) : null,
      digabungKe: a.status === 'digabung' ? a.mergedInto : null,
      episodeSeri: e ? e.series : null,
      episodeNomor: e ? e.number : null,
      episodeJudul: e ? e.title : null,
      episodeAlamat: paths.get(a.episodeId) ?? null,
      diajukan: a.createdAt,
      diperbarui: history.at(-1)?.waktu ?? a.createdAt,
      riwayat: history,
    };
  });
  return rows.sort((x, y) => y.dukungan - x.dukungan || x.diajukan.localeCompare(y.diajukan) || x.id.localeCompare(y.id));
}

// ---- Filters ----

export interface TrackerQuery {
  kecamatan: string | null;
  dimensi: string | null;
  status: AspirationStatus | null;
}

export const EMPTY_TRACKER_QUERY: TrackerQuery = { kecamatan: null, dimensi: null, status: null };

export interface Choice {
  code: string;
  name: string;
}

/** What the filters may be set to: the district's lists, and any (former) region an usulan still names. */
export interface TrackerChoices {
  kecamatan: Choice[];
  dimensions: Choice[];
  statuses: Choice[];
}

export function trackerChoices(rows: readonly TrackerRow[], district: District): TrackerChoices {
  const kec = new Map(district.kecamatan.map((k) => [k.code, k.name]));
  const dims = new Map(district.dimensions.map((d) => [d.code, d.name]));
  for (const r of rows) {
    if (!kec.has(r.kecamatanKode)) kec.set(r.kecamatanKode, r.kecamatan);
    if (!dims.has(r.dimensiKode)) dims.set(r.dimensiKode, r.dimensi);
  }
  const list = (m: Map<string, string>) => [...m].map(([code, name]) => ({ code, name }));
  return {
    kecamatan: list(kec).sort((a, b) => a.name.localeCompare(b.name, 'id')),
    // The admin's order of dimensions is the one the notula and the desk use.
    dimensions: list(dims),
    statuses: ASPIRATION_STATUSES.map((s) => ({ code: s, name: ASPIRATION_STATUS_LABELS[s] })),
  };
}

export type TrackerQueryResult = { ok: true; query: TrackerQuery } | { ok: false; message: string };

const KNOWN = new Set(['kecamatan', 'dimensi', 'status']);
/** Region codes ("33.07.01") and dimension codes ("living"): checked before any lookup. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * Checks the reader's query string (as Express parsed it: strings, arrays, objects). An empty
 * field means "all"; a value that is not one of the choices is refused with a sentence.
 */
export function parseTrackerQuery(raw: Record<string, unknown>, choices: TrackerChoices): TrackerQueryResult {
  const bad = (message: string): TrackerQueryResult => ({ ok: false, message });
  for (const k of Object.keys(raw)) {
    if (!KNOWN.has(k)) return bad(`Saringan "${k.slice(0, 20)}" tidak dikenal. Yang bisa dipakai: kecamatan, dimensi, status.`);
  }
  const values: Partial<Record<string, string>> = {};
  for (const k of KNOWN) {
    const v = raw[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') return bad('Setiap saringan hanya boleh diisi sekali.');
    if (v.trim() !== '') values[k] = v.trim();
  }
  /** The value, null for "all", false when it is not one of the choices. */
  const pick = (value: string | undefined, from: Choice[]): string | null | false => {
    if (value === undefined) return null;
    return CODE.test(value) && from.some((c) => c.code === value) ? value : false;
  };
  const kecamatan = pick(values.kecamatan, choices.kecamatan);
  if (kecamatan === false) return bad('Kecamatan itu tidak ada di daftar wilayah kabupaten. Pilih dari daftar, atau kosongkan untuk semua.');
  const dimensi = pick(values.dimensi, choices.dimensions);
  if (dimensi === false) return bad('Dimensi itu tidak dikenal. Pilih dari daftar, atau kosongkan untuk semua.');
  const status = pick(values.status, choices.statuses);
  if (status === false) return bad(`Status itu tidak dikenal. Yang bisa dipakai: ${ASPIRATION_STATUSES.join(', ')}.`);
  return { ok: true, query: { kecamatan, dimensi, status: status as AspirationStatus | null } };
}

export function filterTracker(rows: readonly TrackerRow[], q: TrackerQuery): TrackerRow[] {
  return rows.filter((r) =>
    (q.kecamatan === null || r.kecamatanKode === q.kecamatan)
    && (q.dimensi === null || r.dimensiKode === q.dimensi)
    && (q.status === null || r.status === q.status));
}

/** The query as a query string ("?kecamatan=…"), empty for none: links to the files keep the reader's filters. */
export function queryString(q: TrackerQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== null) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
