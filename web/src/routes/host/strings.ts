import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  | 'joinCode' | 'joinAt' | 'listeners' | 'elapsed' | 'notStarted' | 'wallClock' | 'start' | 'end' | 'endConfirm' | 'endYes' | 'cancel'
  | 'started' | 'ended' | 'onAirNow' | 'nothingOnAir' | 'tabs' | 'tab.queue' | 'tab.onair' | 'tab.answered'
  | 'empty.queue' | 'empty.onair' | 'empty.answered' | 'air' | 'answered' | 'requeue' | 'selected'
  | 'aired' | 'markedAnswered' | 'requeued' | 'shortcuts' | 'sc.move' | 'sc.air' | 'sc.answered' | 'sc.requeue' | 'sc.tabs'
  | 'askedBy' | 'anonymous' | 'rank' | 'since' | 'selection' | 'clock';

export const id: Record<Key, string> = {
  joinCode: 'Kode gabung', joinAt: 'Pendengar membuka', listeners: 'Pendengar', elapsed: 'Durasi siaran',
  notStarted: 'Belum dimulai', wallClock: 'Jam {zone}', start: 'Mulai episode', end: 'Akhiri episode',
  endConfirm: 'Akhiri episode sekarang? Notula akan diarsipkan dan episode tidak bisa diubah lagi.', endYes: 'Ya, akhiri', cancel: 'Batal',
  started: 'Episode dimulai.', ended: 'Episode diakhiri dan notula diarsipkan.',
  onAirNow: 'Sedang mengudara', nothingOnAir: 'Belum ada pertanyaan yang mengudara. Pilih dari antrean lalu tekan Enter.',
  tabs: 'Daftar pertanyaan', 'tab.queue': 'Disetujui', 'tab.onair': 'Sedang mengudara', 'tab.answered': 'Terjawab',
  'empty.queue': 'Antrean kosong. Pertanyaan yang disetujui penyaring muncul di sini.', 'empty.onair': 'Tidak ada yang sedang mengudara.',
  'empty.answered': 'Belum ada yang terjawab.',
  air: 'Udarakan', answered: 'Tandai terjawab', requeue: 'Kembalikan ke antrean', selected: 'terpilih',
  aired: 'Pertanyaan diudarakan.', markedAnswered: 'Pertanyaan ditandai terjawab.', requeued: 'Pertanyaan dikembalikan ke antrean.',
  shortcuts: 'Pintasan papan ketik', 'sc.move': 'pilih berikutnya / sebelumnya', 'sc.air': 'udarakan yang terpilih',
  'sc.answered': 'tandai terjawab', 'sc.requeue': 'kembalikan ke antrean', 'sc.tabs': 'pindah tab',
  askedBy: '{name}', anonymous: 'Tanpa nama', rank: 'Peringkat {n}', since: 'masuk {time}',
  selection: 'Terpilih: {text}', clock: 'Jam siaran',
};

export const en: typeof id = {
  joinCode: 'Join code', joinAt: 'Listeners open', listeners: 'Listeners', elapsed: 'On air for',
  notStarted: 'Not started', wallClock: '{zone} time', start: 'Start episode', end: 'End episode',
  endConfirm: 'End the episode now? The notula will be archived and the episode can no longer be changed.', endYes: 'Yes, end it', cancel: 'Cancel',
  started: 'Episode started.', ended: 'Episode ended and notula archived.',
  onAirNow: 'On air now', nothingOnAir: 'No question is on air. Pick one from the queue and press Enter.',
  tabs: 'Questions', 'tab.queue': 'Approved', 'tab.onair': 'On air', 'tab.answered': 'Answered',
  'empty.queue': 'The queue is empty. Questions the screener approves appear here.', 'empty.onair': 'Nothing is on air.',
  'empty.answered': 'Nothing answered yet.',
  air: 'Put on air', answered: 'Mark answered', requeue: 'Return to queue', selected: 'selected',
  aired: 'Question is on air.', markedAnswered: 'Question marked answered.', requeued: 'Question returned to the queue.',
  shortcuts: 'Keyboard shortcuts', 'sc.move': 'select next / previous', 'sc.air': 'put selected on air',
  'sc.answered': 'mark answered', 'sc.requeue': 'return to queue', 'sc.tabs': 'switch tab',
  askedBy: '{name}', anonymous: 'Anonymous', rank: 'Rank {n}', since: 'in at {time}',
  selection: 'Selected: {text}', clock: 'Show clock',
};

export const t = translator(id, en);
