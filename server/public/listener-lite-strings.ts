// Every word of the listener page without JavaScript (/j/CODE/ringan), Indonesian first,
// English for a browser that prefers it. The web app keeps its words in *.id.json/*.en.json;
// this page is rendered on the server, so its two small tables live here, side by side.
import { ERROR_MESSAGES } from '../contract/errors.ts';
import type { ErrorCode } from '../contract/errors.ts';
import type { QuestionStatus } from '../contract/types.ts';

export type Lang = 'id' | 'en';

const ID = {
  pageTitle: 'Halaman ringan',
  lite: 'Halaman ringan untuk ponsel sederhana. Tekan "Muat ulang" untuk melihat yang terbaru.',
  reload: 'Muat ulang',
  status_draft: 'Siaran belum dimulai.',
  status_live: 'Sedang siaran',
  status_ended: 'Siaran sudah selesai. Terima kasih sudah ikut.',
  episodeNo: 'Episode {n}',
  listeners: '{n} pendengar',
  scheduled: 'Jadwal: {when}',
  archiveLink: 'Baca notula dan dengarkan rekamannya di arsip',
  onAirHeading: 'Sedang dibahas',
  onAirNone: 'Belum ada pertanyaan yang sedang dibahas.',
  queueHeading: 'Antrean pertanyaan',
  queueHint: 'Urut menurut dukungan terbanyak.',
  queueEmpty: 'Belum ada pertanyaan di antrean.',
  number: 'No. {n}',
  votes: '{n} dukungan',
  support: 'Dukung',
  withdraw: 'Batalkan dukungan',
  youSupport: 'Anda mendukung',
  anonymous: 'Tanpa nama',
  pageOf: 'Halaman {n} dari {of}',
  prev: '‹ Sebelumnya',
  next: 'Berikutnya ›',
  askHeading: 'Ajukan pertanyaan',
  askText: 'Pertanyaan Anda (paling banyak {max} karakter)',
  askName: 'Nama (boleh dikosongkan)',
  askPlace: 'Desa/kecamatan (boleh dikosongkan)',
  askPublic: 'Nama dan asal ditampilkan bersama pertanyaan dan bisa dibacakan di siaran.',
  send: 'Kirim pertanyaan',
  askClosedDraft: 'Anda bisa bertanya setelah siaran dimulai.',
  mineHeading: 'Pertanyaan saya',
  pollHeading: 'Jajak pendapat',
  pollSend: 'Kirim jawaban',
  pollHint: 'Pilih satu jawaban. Anda bisa menggantinya selama jajak pendapat dibuka.',
  pollClosed: 'Jajak pendapat sudah ditutup. Hasil akhir:',
  pollHidden: 'Hasil ditampilkan bila pemandu membukanya.',
  pollTotal: 'Jumlah suara: {n}',
  pollChosen: 'pilihan Anda',
  notFoundTitle: 'Episode tidak ditemukan',
  notFound: 'Periksa kembali kode dari penyiar.',
  home: 'Ketik kode lain',
  waitTitle: 'Tunggu sebentar',
  // Outcomes of the forms (?pesan=…); refusals are the server's own error messages.
  ok_pending: 'Terkirim. Pertanyaan Anda menunggu moderasi.',
  ok_approved: 'Terkirim dan masuk antrean.',
  ok_voted: 'Dukungan Anda tercatat.',
  ok_withdrawn: 'Dukungan Anda dibatalkan.',
  ok_answered: 'Jawaban Anda tercatat.',
  status: {
    pending: 'menunggu moderasi', approved: 'disetujui', on_air: 'sedang dibahas',
    answered: 'terjawab', rejected: 'ditolak', merged: 'digabung dengan pertanyaan serupa',
  } satisfies Record<QuestionStatus, string>,
};

type Strings = typeof ID;

const EN: Strings = {
  pageTitle: 'Light page',
  lite: 'A light page for simple phones. Press "Reload" to see the latest.',
  reload: 'Reload',
  status_draft: 'The show has not started yet.',
  status_live: 'On air now',
  status_ended: 'The show has ended. Thank you for taking part.',
  episodeNo: 'Episode {n}',
  listeners: '{n} listeners',
  scheduled: 'Scheduled: {when}',
  archiveLink: 'Read the minutes and hear the recording in the archive',
  onAirHeading: 'On air now',
  onAirNone: 'No question is being discussed yet.',
  queueHeading: 'Question queue',
  queueHint: 'Most supported first.',
  queueEmpty: 'No questions in the queue yet.',
  number: 'No. {n}',
  votes: '{n} supporters',
  support: 'Support',
  withdraw: 'Undo support',
  youSupport: 'You support this',
  anonymous: 'Anonymous',
  pageOf: 'Page {n} of {of}',
  prev: '‹ Previous',
  next: 'Next ›',
  askHeading: 'Ask a question',
  askText: 'Your question (at most {max} characters)',
  askName: 'Name (optional)',
  askPlace: 'Village/district (optional)',
  askPublic: 'Name and place are shown with the question and may be read on air.',
  send: 'Send question',
  askClosedDraft: 'You can ask once the show is on air.',
  mineHeading: 'My questions',
  pollHeading: 'Poll',
  pollSend: 'Send answer',
  pollHint: 'Choose one answer. You can change it while the poll is open.',
  pollClosed: 'The poll is closed. Final results:',
  pollHidden: 'Results are shown when the host opens them.',
  pollTotal: 'Votes: {n}',
  pollChosen: 'your choice',
  notFoundTitle: 'Episode not found',
  notFound: 'Check the code the presenter read out.',
  home: 'Type another code',
  waitTitle: 'Wait a moment',
  ok_pending: 'Sent. Your question is waiting for moderation.',
  ok_approved: 'Sent and added to the queue.',
  ok_voted: 'Your support is counted.',
  ok_withdrawn: 'Your support is withdrawn.',
  ok_answered: 'Your answer is counted.',
  status: {
    pending: 'waiting for moderation', approved: 'approved', on_air: 'on air now',
    answered: 'answered', rejected: 'rejected', merged: 'merged with a similar question',
  },
};

/** The refusals the page's forms can meet, in English (the Indonesian ones are ERROR_MESSAGES). */
const ERRORS_EN: Partial<Record<ErrorCode, string>> = {
  invalid_payload: 'The form was incomplete or invalid.',
  payload_too_large: 'What you sent is too large.',
  episode_not_found: 'Episode not found. Check the code.',
  question_not_found: 'Question not found.',
  text_empty: 'Write your question first.',
  text_too_long: 'The question is too long.',
  episode_not_live: 'The episode has not started or has already ended.',
  episode_ended: 'The episode has ended and can no longer be changed.',
  already_voted: 'You already support this question.',
  not_voted: 'You have not supported this question.',
  question_not_open: 'This question is not approved, was rejected, or was merged.',
  rate_limited: 'Too fast. Wait a moment and try again.',
  address_limited: 'Too many requests from your network (many phones can share one internet address). Try again in a few minutes.',
  too_many_pending: 'Your earlier questions are still waiting for approval. Send more once one is approved or rejected.',
  queue_full: 'The queue of questions waiting for approval is full. Try again in a few minutes.',
  not_joined: 'Open this episode\'s page first, then try again.',
  poll_not_found: 'Poll not found.',
  poll_closed: 'The poll is closed; answers can no longer be sent or changed.',
  poll_option_invalid: 'Choose one of the answers first.',
  listener_form_stale: 'Not sent: this page was opened long ago, or your browser did not keep its cookie. Reload the page, then try once more.',
  not_allowed: 'Requests from another site are refused.',
  not_saved: 'Not saved: the server could not write to its disk. Try once more.',
  internal: 'Something went wrong on the server. Check before trying again.',
};

export const STRINGS: Record<Lang, Strings> = { id: ID, en: EN };

export type OkCode = 'ok_pending' | 'ok_approved' | 'ok_voted' | 'ok_withdrawn' | 'ok_answered';
export const OK_CODES: ReadonlySet<string> = new Set<OkCode>(['ok_pending', 'ok_approved', 'ok_voted', 'ok_withdrawn', 'ok_answered']);

/** "{n} dukungan" with its values put in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * The sentence for an outcome code from the address (?pesan=…), or null for anything else: the
 * address only ever picks a sentence from these tables, it never carries one.
 */
export function outcome(code: unknown, lang: Lang): { text: string; error: boolean } | null {
  if (typeof code !== 'string') return null;
  if (OK_CODES.has(code)) return { text: STRINGS[lang][code as OkCode], error: false };
  if (!Object.hasOwn(ERROR_MESSAGES, code)) return null;
  const c = code as ErrorCode;
  return { text: (lang === 'en' ? ERRORS_EN[c] : undefined) ?? ERROR_MESSAGES[c], error: true };
}
