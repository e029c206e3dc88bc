import { translator } from '../../lib/i18n.svelte.ts';

export const id = {
  loading: 'Menghubungkan ke episode…',
  onAir: 'Sedang dibahas',
  none: 'Belum ada pertanyaan yang sedang dibahas.',
  next: 'Antrean berikutnya',
  nextEmpty: 'Antrean masih kosong. Kirim pertanyaan Anda!',
  votes: '{n} dukungan',
  anonymous: 'Tanpa nama',
  join: 'Ikut bertanya',
  scan: 'Pindai kode QR atau buka',
  code: 'Kode',
  qrAlt: 'Kode QR menuju {url}',
  listeners: '{n} pendengar',
  status_draft: 'Siaran belum dimulai',
  status_live: 'Sedang siaran',
  status_ended: 'Siaran selesai. Terima kasih!',
  offline: 'Koneksi terputus, menyambung ulang…',
  poll: 'Jajak pendapat',
  pollTotal: 'Jumlah suara: {n}',
  pollAnswerAt: 'Jawab lewat tautan ikut bertanya di bawah.',
};

export type Key = keyof typeof id;

export const en: typeof id = {
  loading: 'Connecting to the episode…',
  onAir: 'On air now',
  none: 'No question is being discussed yet.',
  next: 'Up next',
  nextEmpty: 'The queue is empty. Send your question!',
  votes: '{n} supporter|{n} supporters',
  anonymous: 'Anonymous',
  join: 'Ask a question',
  scan: 'Scan the QR code or open',
  code: 'Code',
  qrAlt: 'QR code linking to {url}',
  listeners: '{n} listener|{n} listeners',
  status_draft: 'The show has not started',
  status_live: 'On air',
  status_ended: 'The show has ended. Thank you!',
  offline: 'Connection lost, reconnecting…',
  poll: 'Poll',
  pollTotal: 'Answers: {n}',
  pollAnswerAt: 'Answer through the link below.',
};

export const t = translator(id, en);
