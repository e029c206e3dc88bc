// Words every staff page shares: episode statuses, the connection line, the frame.
import { translator } from '../../i18n.svelte.ts';
import { label } from '../../labels.ts';
import type { AspirationStatus, Channel, EpisodeStatus, QuestionStatus, Role } from '$contract/types.ts';

type Key =
  | 'episode.draft' | 'episode.live' | 'episode.ended'
  | 'conn.online' | 'conn.connecting' | 'conn.offline' | 'conn.queued'
  | 'back' | 'signedInAs' | 'signIn' | 'notSignedIn' | 'loading' | 'episodeMissing' | 'dismiss'
  | 'console.host' | 'console.screener' | 'console.notulis' | 'nav' | 'and' | 'votes' | 'supports' | 'answers';

export const id: Record<Key, string> = {
  'episode.draft': 'Draf', 'episode.live': 'Sedang berlangsung', 'episode.ended': 'Selesai',
  'conn.online': 'Terhubung', 'conn.connecting': 'Menyambung…', 'conn.offline': 'Terputus — perubahan dikirim saat tersambung lagi',
  'conn.queued': '{n} tindakan menunggu',
  back: '← Daftar episode', signedInAs: 'Masuk sebagai {name} ({role})', signIn: 'Masuk sebagai petugas',
  notSignedIn: 'Anda belum masuk sebagai petugas.', loading: 'Memuat episode…', episodeMissing: 'Episode tidak bisa dibuka.',
  dismiss: 'Tutup pesan',
  'console.host': 'Konsol pemandu', 'console.screener': 'Konsol penyaring', 'console.notulis': 'Konsol notulis',
  nav: 'Navigasi petugas', and: 'dan', votes: '{n} dukungan',
  supports: '{n} dukungan', answers: '{n} suara',
};

export const en: typeof id = {
  'episode.draft': 'Draft', 'episode.live': 'Live', 'episode.ended': 'Ended',
  'conn.online': 'Connected', 'conn.connecting': 'Connecting…', 'conn.offline': 'Offline — changes are sent when the connection is back',
  'conn.queued': '{n} action waiting|{n} actions waiting',
  back: '← Episode list', signedInAs: 'Signed in as {name} ({role})', signIn: 'Sign in as staff',
  notSignedIn: 'You are not signed in as staff.', loading: 'Loading episode…', episodeMissing: 'The episode could not be opened.',
  dismiss: 'Dismiss message',
  'console.host': 'Host console', 'console.screener': 'Screener console', 'console.notulis': 'Note taker console',
  nav: 'Staff navigation', and: 'and', votes: '{n} vote|{n} votes',
  supports: '{n} supporter|{n} supporters', answers: '{n} answer|{n} answers',
};

export const t = translator(id, en);

// Role, channel and status words come from the dictionary every page shares (lib/labels.ts).
export const roleName = (r: Role): string => label(`role.${r}`);
export const channelName = (c: Channel): string => label(`channel.${c}`);
export const episodeStatusName = (s: EpisodeStatus): string => t(`episode.${s}`);
export const questionStatusName = (s: QuestionStatus): string => label(`question.${s}`);
export const aspirationStatusName = (s: AspirationStatus): string => label(`aspiration.${s}`);

/** "A", "A dan B", "A, B dan C" — the way the notula names several speakers. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${t('and')} ${names[names.length - 1]}`;
}
