import { translator } from './i18n.svelte.ts';

// The words for statuses, channels and roles, shared by every page so a question or an usulan
// is called the same on the listener's phone and on the staff consoles. Written as the listener
// reads them inside a sentence ("Pertanyaan Anda kini: disetujui."); staff pages show them as
// labels through `label()`, which only capitalises. Kept small and free of server imports: the
// listener's chunk carries it. The keys spell the server's unions (`question.${QuestionStatus}`),
// so a status added there without a word here fails the type check where it is looked up.
export const id = {
  'question.pending': 'menunggu moderasi',
  'question.approved': 'disetujui',
  'question.on_air': 'sedang dibahas',
  'question.answered': 'terjawab',
  'question.rejected': 'ditolak',
  'question.merged': 'digabung',
  'aspiration.baru': 'baru',
  'aspiration.ditinjau': 'ditinjau',
  'aspiration.diteruskan': 'diteruskan ke musrenbang',
  'aspiration.ditolak': 'ditolak',
  'aspiration.digabung': 'digabung',
  'channel.web': 'web',
  'channel.sms': 'SMS',
  'channel.whatsapp': 'WhatsApp',
  'channel.phone': 'telepon',
  'channel.studio': 'studio',
  'channel.email': 'email',
  'role.admin': 'Admin',
  'role.host': 'Pemandu',
  'role.screener': 'Penyaring',
  'role.notulis': 'Notulis',
  'role.planner': 'Perencana',
};

export const en: typeof id = {
  'question.pending': 'waiting for moderation',
  'question.approved': 'approved',
  'question.on_air': 'on air now',
  'question.answered': 'answered',
  'question.rejected': 'rejected',
  'question.merged': 'merged',
  'aspiration.baru': 'new',
  'aspiration.ditinjau': 'under review',
  'aspiration.diteruskan': 'forwarded to the musrenbang',
  'aspiration.ditolak': 'rejected',
  'aspiration.digabung': 'merged',
  'channel.web': 'web',
  'channel.sms': 'SMS',
  'channel.whatsapp': 'WhatsApp',
  'channel.phone': 'phone',
  'channel.studio': 'studio',
  'channel.email': 'email',
  'role.admin': 'Admin',
  'role.host': 'Host',
  'role.screener': 'Screener',
  'role.notulis': 'Note taker',
  'role.planner': 'Planner',
};

export const t = translator(id, en);

/** The same word standing alone, as a badge or an option: first letter capitalised. */
export const label = (key: keyof typeof id): string => {
  const s = t(key);
  return s.charAt(0).toUpperCase() + s.slice(1);
};
