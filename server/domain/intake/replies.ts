// What a texting listener is told back. Short (one SMS costs the station credit, and a
// feature phone shows 160 characters at a time), in plain Indonesian, always naming the
// show so a listener who texts two stations knows which answered. Pure: the intake service
// picks the reply, the outbox cuts it to one SMS.
import { ERROR_MESSAGES } from '../../contract/errors.ts';
import type { DomainError } from '../../contract/errors.ts';
import type { Episode } from '../../contract/types.ts';
import { formatShowTime } from './show-time.ts';

/**
 * "OBROLAN PAGI #12": the series up to its subtitle ("OBROLAN PAGI – Warga Bertanya…"), at
 * most 30 characters, and the episode number. The dash itself is not GSM-7: one en dash in
 * an SMS turns it into UCS-2 and cuts it from 160 characters to 70.
 */
export function showName(e: Pick<Episode, 'series' | 'number'>): string {
  const head = e.series.split(/\s[–—-]\s|:\s/)[0]!.trim();
  const short = head.length > 30 ? `${head.slice(0, 30).replace(/\s+\S*$/, '')}` : head;
  return e.number !== null ? `${short} #${e.number}` : short;
}

export const reply = {
  question: (e: Episode, n: number | undefined, waiting: boolean) =>
    `${showName(e)}: Pertanyaan Anda diterima${n ? `, nomor ${n}` : ''}.${waiting ? ' Menunggu diperiksa petugas.' : ''} Dukung pertanyaan lain: DUKUNG <nomor>.`,
  poll: (e: Episode, option: number, label: string) => `${showName(e)}: Pilihan Anda dicatat: ${option}. ${label}`,
  usulan: (e: Episode, n: number | undefined, desa: string) =>
    `${showName(e)}: Usulan Anda untuk Desa ${desa} diterima${n ? `, nomor U${n}` : ''}. Warga lain bisa mendukung: DUKUNG U${n ?? ''}.`.replace(' DUKUNG U.', ''),
  supportedQuestion: (e: Episode, n: number, votes: number) => `${showName(e)}: Dukungan Anda untuk pertanyaan nomor ${n} dicatat (${votes} dukungan).`,
  supportedUsulan: (e: Episode, n: number, supports: number) => `${showName(e)}: Dukungan Anda untuk usulan U${n} dicatat (${supports} dukungan).`,
  noSuchQuestion: (e: Episode, n: number) => `${showName(e)}: Tidak ada pertanyaan nomor ${n} yang bisa didukung. Lihat nomornya di layar studio atau dengar penyiar.`,
  noSuchUsulan: (e: Episode, n: number) => `${showName(e)}: Tidak ada usulan U${n} yang bisa didukung.`,
  noPoll: (e: Episode) => `${showName(e)}: Saat ini tidak ada jajak pendapat yang terbuka.`,
  noOption: (e: Episode, count: number) => `${showName(e)}: Pilihan itu tidak ada. Kirim PILIH 1${count > 1 ? ` sampai PILIH ${count}` : ''}.`,
  ambiguousDesa: (e: Episode, name: string, kecamatan: string[]) =>
    `${showName(e)}: Desa ${name} ada di Kec. ${kecamatan.join(', Kec. ')}. Kirim lagi: USUL ${name}, <kecamatan>: <usulan>.`,
  unknownDesa: (e: Episode, name: string) => `${showName(e)}: Desa "${name}" tidak ada di daftar wilayah. Periksa ejaannya lalu kirim lagi: USUL <desa>: <usulan>.`,
  hint: (e: Episode | null, form: string) => `${e ? `${showName(e)}: ` : ''}Formatnya: ${form}`,
  empty: (e: Episode | null) => `${e ? `${showName(e)}: ` : ''}Pesan kosong. Kirim TANYA <pertanyaan>, PILIH <nomor>, USUL <desa>: <usulan>, atau DUKUNG <nomor>.`,
  refused: (e: Episode, error: DomainError) => `${showName(e)}: ${error.message || ERROR_MESSAGES[error.code]}`,
  notText: () => 'Maaf, kami hanya bisa membaca pesan teks. Kirim pertanyaan Anda sebagai tulisan.',
  stopped: () => 'Anda tidak akan menerima balasan lagi dan nomor Anda tidak kami simpan. Kirim MULAI untuk menerima balasan lagi.',
  started: () => 'Balasan diaktifkan lagi. Kirim TANYA <pertanyaan> untuk bertanya.',
  throttled: () => 'Pesan Anda terlalu banyak dalam waktu singkat. Tunggu satu menit lalu kirim lagi.',
  notLive: (next: Episode | null, timeZoneFallback: string) =>
    next
      ? `Belum ada siaran langsung. Siaran berikutnya: ${showName(next)}, ${formatShowTime(next.startsAt, next.timeZone || timeZoneFallback)}. Kirim pertanyaan Anda saat siaran.`
      : 'Belum ada siaran langsung saat ini. Kirim pertanyaan Anda saat siaran berlangsung.',
};
