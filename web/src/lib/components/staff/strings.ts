// Words every staff page shares: roles, channels, statuses, the connection line.
import type { Dict } from '../../i18n.svelte.ts';
import { translator } from '../../i18n.svelte.ts';
import type { AspirationStatus, Channel, EpisodeStatus, QuestionStatus, Role } from '$contract/types.ts';

type Key =
  | 'role.admin' | 'role.host' | 'role.screener' | 'role.notulis' | 'role.planner'
  | 'channel.web' | 'channel.sms' | 'channel.whatsapp' | 'channel.phone' | 'channel.studio' | 'channel.email'
  | 'episode.draft' | 'episode.live' | 'episode.ended'
  | 'question.pending' | 'question.approved' | 'question.on_air' | 'question.answered' | 'question.rejected' | 'question.merged'
  | 'conn.online' | 'conn.connecting' | 'conn.offline' | 'conn.queued'
  | 'lang.label' | 'back' | 'signedInAs' | 'signIn' | 'notSignedIn' | 'loading' | 'episodeMissing' | 'dismiss'
  | 'console.host' | 'console.screener' | 'console.notulis' | 'nav' | 'and' | 'votes'
  | 'asp.baru' | 'asp.ditinjau' | 'asp.diteruskan' | 'asp.ditolak' | 'asp.digabung' | 'supports' | 'answers';

const dict: Dict<Key> = {
  id: {
    'role.admin': 'Admin', 'role.host': 'Pemandu', 'role.screener': 'Penyaring', 'role.notulis': 'Notulis', 'role.planner': 'Perencana',
    'channel.web': 'Web', 'channel.sms': 'SMS', 'channel.whatsapp': 'WhatsApp', 'channel.phone': 'Telepon', 'channel.studio': 'Studio', 'channel.email': 'Email',
    'episode.draft': 'Draf', 'episode.live': 'Sedang berlangsung', 'episode.ended': 'Selesai',
    'question.pending': 'Menunggu', 'question.approved': 'Disetujui', 'question.on_air': 'Sedang mengudara',
    'question.answered': 'Terjawab', 'question.rejected': 'Ditolak', 'question.merged': 'Digabung',
    'conn.online': 'Terhubung', 'conn.connecting': 'Menyambung…', 'conn.offline': 'Terputus — perubahan dikirim saat tersambung lagi',
    'conn.queued': '{n} tindakan menunggu',
    'lang.label': 'Bahasa', back: '← Daftar episode', signedInAs: 'Masuk sebagai {name} ({role})', signIn: 'Masuk sebagai petugas',
    notSignedIn: 'Anda belum masuk sebagai petugas.', loading: 'Memuat episode…', episodeMissing: 'Episode tidak bisa dibuka.',
    dismiss: 'Tutup pesan',
    'console.host': 'Konsol pemandu', 'console.screener': 'Konsol penyaring', 'console.notulis': 'Konsol notulis',
    nav: 'Navigasi petugas', and: 'dan', votes: '{n} dukungan',
    'asp.baru': 'Baru', 'asp.ditinjau': 'Ditinjau', 'asp.diteruskan': 'Diteruskan ke musrenbang', 'asp.ditolak': 'Ditolak', 'asp.digabung': 'Digabung',
    supports: '{n} dukungan', answers: '{n} suara',
  },
  en: {
    'role.admin': 'Admin', 'role.host': 'Host', 'role.screener': 'Screener', 'role.notulis': 'Note taker', 'role.planner': 'Planner',
    'channel.web': 'Web', 'channel.sms': 'SMS', 'channel.whatsapp': 'WhatsApp', 'channel.phone': 'Phone', 'channel.studio': 'Studio', 'channel.email': 'Email',
    'episode.draft': 'Draft', 'episode.live': 'Live', 'episode.ended': 'Ended',
    'question.pending': 'Pending', 'question.approved': 'Approved', 'question.on_air': 'On air',
    'question.answered': 'Answered', 'question.rejected': 'Rejected', 'question.merged': 'Merged',
    'conn.online': 'Connected', 'conn.connecting': 'Connecting…', 'conn.offline': 'Offline — changes are sent when the connection is back',
    'conn.queued': '{n} action waiting|{n} actions waiting',
    'lang.label': 'Language', back: '← Episode list', signedInAs: 'Signed in as {name} ({role})', signIn: 'Sign in as staff',
    notSignedIn: 'You are not signed in as staff.', loading: 'Loading episode…', episodeMissing: 'The episode could not be opened.',
    dismiss: 'Dismiss message',
    'console.host': 'Host console', 'console.screener': 'Screener console', 'console.notulis': 'Note taker console',
    nav: 'Staff navigation', and: 'and', votes: '{n} vote|{n} votes',
    'asp.baru': 'New', 'asp.ditinjau': 'Under review', 'asp.diteruskan': 'Forwarded to musrenbang', 'asp.ditolak': 'Rejected', 'asp.digabung': 'Merged',
    supports: '{n} supporter|{n} supporters', answers: '{n} answer|{n} answers',
  },
};

export const ts = translator(dict);

export const roleName = (r: Role): string => ts(`role.${r}`);
export const channelName = (c: Channel): string => ts(`channel.${c}`);
export const episodeStatusName = (s: EpisodeStatus): string => ts(`episode.${s}`);
export const questionStatusName = (s: QuestionStatus): string => ts(`question.${s}`);
export const aspirationStatusName = (s: AspirationStatus): string => ts(`asp.${s}`);

/** "A", "A dan B", "A, B dan C" — the way the notula names several speakers. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${ts('and')} ${names[names.length - 1]}`;
}
