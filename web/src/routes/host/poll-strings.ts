// The host's words for polls and usulan, kept apart from the on-air queue's.
import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  | 'polls' | 'satisfaction' | 'satisfactionHint' | 'custom' | 'kind' | 'kindSingle' | 'kindRating' | 'question' | 'options'
  | 'optionsHint' | 'scale' | 'scaleHint' | 'open' | 'showFromStart' | 'openNow' | 'closedLabel' | 'close' | 'showResults'
  | 'showResultsHint' | 'resultsShown' | 'resultsHidden' | 'opened' | 'closed' | 'total' | 'noAnswers' | 'earlier' | 'notLive'
  | 'needQuestion' | 'needOptions' | 'row' | 'results' | 'anotherOpen'
  | 'makeAspiration' | 'fromQuestionTitle' | 'usulanText' | 'usulanTextHint' | 'problem' | 'dimension' | 'kecamatan' | 'desa'
  | 'rtRw' | 'rtRwHint' | 'choose' | 'create' | 'created' | 'converted' | 'needProblem' | 'needChoice' | 'noDistrict' | 'cancel'
  | 'episodeAspirations' | 'noAspirations' | 'more' | 'optional' | 'noPollOpen';

export const id: Record<Key, string> = {
  polls: 'Jajak pendapat', noPollOpen: 'Tidak ada jajak pendapat yang terbuka.', satisfaction: 'Buka survei kepuasan',
  satisfactionHint: '“Bagaimana Tanggapan Anda?” — Sangat Puas, Puas, Cukup Puas, Tidak Puas. Satu klik.',
  custom: 'Jajak pendapat lain', kind: 'Jenis', kindSingle: 'Pilihan tunggal', kindRating: 'Penilaian (skala angka)',
  question: 'Pertanyaan', options: 'Pilihan jawaban', optionsHint: 'Satu pilihan per baris, 2 sampai 10.', scale: 'Skala',
  scaleHint: 'Pendengar memilih angka 1 sampai {n}.', open: 'Buka jajak pendapat',
  showFromStart: 'Tampilkan hasil ke pendengar sejak dibuka', openNow: 'Terbuka', closedLabel: 'Ditutup',
  close: 'Tutup jajak pendapat', showResults: 'Tampilkan hasil ke pendengar dan layar studio',
  showResultsHint: 'Petugas selalu melihat hasilnya.', resultsShown: 'Hasil ditampilkan ke pendengar dan layar studio.',
  resultsHidden: 'Hasil disembunyikan dari pendengar dan layar studio.', opened: 'Jajak pendapat dibuka.',
  closed: 'Jajak pendapat ditutup.', total: 'Jumlah suara: {n}', noAnswers: 'Belum ada jawaban.',
  earlier: 'Jajak pendapat sebelumnya', notLive: 'Jajak pendapat hanya bisa dibuka saat episode berlangsung.',
  needQuestion: 'Tulis pertanyaannya.', needOptions: 'Tulis 2 sampai 10 pilihan, satu per baris.',
  row: '{option}: {pct}% ({n} suara)', results: 'Hasil', anotherOpen: 'Tutup jajak pendapat yang terbuka dulu untuk membuka yang baru.',
  makeAspiration: 'Jadikan usulan', fromQuestionTitle: 'Jadikan pertanyaan ini usulan musrenbang',
  usulanText: 'Usulan', usulanTextHint: 'Teks pertanyaan dipakai bila dikosongkan.', problem: 'Permasalahan',
  dimension: 'Dimensi smart city', kecamatan: 'Kecamatan', desa: 'Desa/kelurahan', rtRw: 'RT/RW', rtRwHint: 'Misalnya 003/005.',
  choose: '— pilih —', create: 'Simpan sebagai usulan', created: 'Pertanyaan dijadikan usulan.', converted: 'Sudah dijadikan usulan.',
  needProblem: 'Tulis permasalahan yang ingin diselesaikan.', needChoice: 'Pilih {what}.',
  noDistrict: 'Daftar kecamatan dan desa belum diisi admin.', cancel: 'Batal',
  episodeAspirations: 'Usulan pendengar', noAspirations: 'Belum ada usulan di episode ini.', more: '…dan {n} lainnya',
  optional: '(boleh kosong)',
};

export const en: typeof id = {
  polls: 'Polls', noPollOpen: 'No poll is open.', satisfaction: 'Open the satisfaction poll',
  satisfactionHint: '“Bagaimana Tanggapan Anda?” — Sangat Puas, Puas, Cukup Puas, Tidak Puas. One click.',
  custom: 'Another poll', kind: 'Kind', kindSingle: 'Single choice', kindRating: 'Rating (number scale)',
  question: 'Question', options: 'Answer options', optionsHint: 'One option per line, 2 to 10.', scale: 'Scale',
  scaleHint: 'Listeners pick a number from 1 to {n}.', open: 'Open poll',
  showFromStart: 'Show results to listeners from the start', openNow: 'Open', closedLabel: 'Closed',
  close: 'Close poll', showResults: 'Show results to listeners and the studio screen',
  showResultsHint: 'Staff always see the results.', resultsShown: 'Results shown to listeners and the studio screen.',
  resultsHidden: 'Results hidden from listeners and the studio screen.', opened: 'Poll opened.',
  closed: 'Poll closed.', total: 'Answers: {n}', noAnswers: 'No answers yet.',
  earlier: 'Earlier polls', notLive: 'Polls can only be opened while the episode is live.',
  needQuestion: 'Write the question.', needOptions: 'Write 2 to 10 options, one per line.',
  row: '{option}: {pct}% ({n} answer)|{option}: {pct}% ({n} answers)', results: 'Results', anotherOpen: 'Close the open poll before opening a new one.',
  makeAspiration: 'Turn into proposal', fromQuestionTitle: 'Turn this question into a musrenbang proposal',
  usulanText: 'Proposal', usulanTextHint: 'Left empty, the question’s text is used.', problem: 'Problem it solves',
  dimension: 'Smart-city dimension', kecamatan: 'Kecamatan', desa: 'Desa/kelurahan', rtRw: 'RT/RW', rtRwHint: 'E.g. 003/005.',
  choose: '— choose —', create: 'Save as proposal', created: 'The question is now a proposal.', converted: 'Already turned into a proposal.',
  needProblem: 'Write the problem it should solve.', needChoice: 'Choose the {what}.',
  noDistrict: 'The admin has not entered the kecamatan and desa list yet.', cancel: 'Cancel',
  episodeAspirations: 'Listener proposals', noAspirations: 'No proposals in this episode yet.', more: '…and {n} more',
  optional: '(optional)',
};

export const t = translator(id, en);
