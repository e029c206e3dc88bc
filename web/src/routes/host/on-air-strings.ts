// The on-air box's words (beside strings.ts, so the box can change on its own).
import { translator } from '../../lib/i18n.svelte.ts';
import type { Channel } from '$contract/types.ts';

type Key =
  | 'asker' | 'anonymous' | 'place' | 'noPlace' | 'channel' | 'onAirFor' | 'onAirForLong'
  | `ch.${Channel}`;

export const id: Record<Key, string> = {
  asker: 'Penanya', anonymous: 'Tanpa nama', place: 'Asal', noPlace: 'Tidak disebut', channel: 'Lewat',
  onAirFor: 'Mengudara', onAirForLong: 'Sudah mengudara {m} menit {s} detik',
  'ch.web': 'Web (halaman pendengar)', 'ch.sms': 'SMS', 'ch.whatsapp': 'WhatsApp', 'ch.phone': 'Telepon',
  'ch.studio': 'Hadir di studio', 'ch.email': 'Email',
};

export const en: typeof id = {
  asker: 'Asked by', anonymous: 'Anonymous', place: 'From', noPlace: 'Not given', channel: 'Via',
  onAirFor: 'On air for', onAirForLong: 'On air for {m} minutes {s} seconds',
  'ch.web': 'Web (listener page)', 'ch.sms': 'SMS', 'ch.whatsapp': 'WhatsApp', 'ch.phone': 'Phone call',
  'ch.studio': 'In the studio', 'ch.email': 'Email',
};

export const t = translator(id, en);
