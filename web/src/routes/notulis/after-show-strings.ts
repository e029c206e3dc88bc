import { translator } from '../../lib/i18n.svelte.ts';

// Corrections after the show (AfterShow, HeadingEditor, RecordingForm, EditLog).
type Key =
  | 'title' | 'intro' | 'recording' | 'recordingHint' | 'recordingSave' | 'recordingSaved' | 'recordingRemoved' | 'recordingBad'
  | 'headings' | 'headingsHint' | 'asked' | 'heading' | 'headingSave' | 'headingSaved' | 'headingCleared' | 'headingNone'
  | 'log' | 'logEmpty' | 'logBy' | 'before' | 'after' | 'empty' | 'noChange'
  | 'f_recordingUrl' | 'f_question.heading' | 'f_note.text' | 'f_note.by' | 'f_closing.text' | 'f_closing.speaker'
  | 'moveTo' | 'moveSave' | 'moved';

export const id: Record<Key, string> = {
  title: 'Setelah siaran: koreksi notula',
  intro: 'Episode sudah selesai. Tautan rekaman, judul pertanyaan, catatan dan pernyataan penutup masih bisa dikoreksi; setiap koreksi menerbitkan ulang notula dan tercatat di riwayat koreksi.',
  recording: 'Tautan rekaman', recordingHint: 'Diawali http:// atau https://. Kosongkan untuk menghapus.',
  recordingSave: 'Simpan tautan rekaman', recordingSaved: 'Tautan rekaman disimpan: {after}', recordingRemoved: 'Tautan rekaman dihapus.',
  recordingBad: 'Tautan harus diawali http:// atau https://.',
  headings: 'Judul pertanyaan di notula',
  headingsHint: 'Notula memakai judul ini sebagai pengganti kata-kata pendengar. Kata-kata aslinya tetap tersimpan.',
  asked: 'Ditanyakan', heading: 'Judul di notula', headingSave: 'Simpan judul', headingSaved: 'Judul diubah: «{before}» → «{after}»',
  headingCleared: 'Judul dikembalikan ke kata-kata pendengar.', headingNone: 'Belum ada pertanyaan yang mengudara.',
  log: 'Riwayat koreksi', logEmpty: 'Belum ada koreksi.', logBy: '{who} ({role})', before: 'Sebelum', after: 'Sesudah', empty: '(kosong)',
  noChange: 'Tidak ada yang berubah.',
  'f_recordingUrl': 'Tautan rekaman', 'f_question.heading': 'Judul pertanyaan', 'f_note.text': 'Isi catatan',
  'f_note.by': 'Pembicara catatan', 'f_closing.text': 'Pernyataan penutup', 'f_closing.speaker': 'Pembicara pernyataan penutup',
  moveTo: 'Pindahkan ke pembicara', moveSave: 'Pindahkan', moved: 'Pernyataan penutup dipindahkan ke {name}.',
};

export const en: typeof id = {
  title: 'After the show: correct the notula',
  intro: 'The episode has ended. The recording link, question headings, notes and closing statements can still be corrected; each correction republishes the notula and is kept in the correction history.',
  recording: 'Recording link', recordingHint: 'Starts with http:// or https://. Empty it to remove the link.',
  recordingSave: 'Save recording link', recordingSaved: 'Recording link saved: {after}', recordingRemoved: 'Recording link removed.',
  recordingBad: 'The link must start with http:// or https://.',
  headings: 'Question headings in the notula',
  headingsHint: 'The notula uses this heading instead of the listener’s words. The original words stay stored.',
  asked: 'Asked', heading: 'Heading in the notula', headingSave: 'Save heading', headingSaved: 'Heading changed: «{before}» → «{after}»',
  headingCleared: 'Heading back to the listener’s words.', headingNone: 'No question went on air.',
  log: 'Correction history', logEmpty: 'No corrections yet.', logBy: '{who} ({role})', before: 'Before', after: 'After', empty: '(empty)',
  noChange: 'Nothing changed.',
  'f_recordingUrl': 'Recording link', 'f_question.heading': 'Question heading', 'f_note.text': 'Note text',
  'f_note.by': 'Note speaker', 'f_closing.text': 'Closing statement', 'f_closing.speaker': 'Closing statement speaker',
  moveTo: 'Move to speaker', moveSave: 'Move', moved: 'Closing statement moved to {name}.',
};

export const t = translator(id, en);
