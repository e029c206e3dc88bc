import { translator } from '../../i18n.svelte.ts';

// What a permission lets a role do, said inside "… butuh peran …" (role-strings.ts).
// `both`: starting and ending, said as one action when a role may do neither.
export const id = {
  'question.air': 'menaruh pertanyaan di udara', 'episode.start': 'memulai episode', 'episode.end': 'mengakhiri episode', both: 'memulai dan mengakhiri episode',
  'poll.run': 'menjalankan jajak pendapat', 'aspiration.submit': 'mencatat usulan',
  'question.moderate': 'menyaring pertanyaan', 'question.submit': 'mengetik pertanyaan dari telepon/SMS',
  'episode.moderation': 'mengubah pra-moderasi', 'note.write': 'menulis catatan serta pernyataan penutup',
  'episode.correct': 'mengoreksi setelah siaran', 'aspiration.review': 'meninjau usulan',
};

export const en: typeof id = {
  'question.air': 'putting questions on air', 'episode.start': 'starting the episode', 'episode.end': 'ending the episode', both: 'starting and ending the episode',
  'poll.run': 'running polls', 'aspiration.submit': 'entering usulan',
  'question.moderate': 'screening questions', 'question.submit': 'typing in questions from phone/SMS',
  'episode.moderation': 'changing pre-moderation', 'note.write': 'writing notes and closing statements',
  'episode.correct': 'corrections after the show', 'aspiration.review': 'reviewing usulan',
};

export const t = translator(id, en);

export const isNamedAction = (p: string): p is keyof typeof id => Object.hasOwn(id, p);
