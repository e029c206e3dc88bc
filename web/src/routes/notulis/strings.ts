import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  | 'onAir' | 'nothingOnAir' | 'noteFor' | 'freeNote' | 'who' | 'agencyOther' | 'noName' | 'note' | 'addNote' | 'noteHint'
  | 'saved' | 'updated' | 'deleted' | 'pickWho' | 'needText' | 'notes' | 'noNotes' | 'noClosing' | 'edit' | 'delete' | 'deleteConfirm'
  | 'deleteYes' | 'cancel' | 'save' | 'closing' | 'closingHint' | 'paragraph' | 'points' | 'point' | 'addPoint' | 'removePoint'
  | 'saveClosing' | 'closingSaved' | 'preview' | 'previewLoading' | 'previewFailed' | 'download' | 'openHtml' | 'ended'
  | 'notLive' | 'statementOf' | 'kind' | 'freeNotes' | 'answeredTag' | 'onAirTag' | 'editNote' | 'noteBy';

export const id: Record<Key, string> = {
  onAir: 'Sedang mengudara', nothingOnAir: 'Belum ada pertanyaan yang mengudara.', noteFor: 'Catatan untuk',
  freeNote: 'Catatan bebas (tanpa pertanyaan)', who: 'Siapa yang menjawab', agencyOther: 'Instansi lain', noName: 'Tanpa nama',
  note: 'Catatan', addNote: 'Simpan catatan', noteHint: 'Enter menyimpan; pilihan pembicara tetap untuk catatan berikutnya.',
  saved: 'Catatan disimpan.', updated: 'Catatan diperbarui.', deleted: 'Catatan dihapus.',
  pickWho: 'Pilih pembicara, instansi, atau “tanpa nama”.', needText: 'Tulis catatannya dulu.',
  notes: 'Catatan per pertanyaan', noNotes: 'Belum ada catatan.', noClosing: 'Belum ada pernyataan penutup.', edit: 'Ubah', delete: 'Hapus',
  deleteConfirm: 'Hapus catatan ini?', deleteYes: 'Ya, hapus', cancel: 'Batal', save: 'Simpan',
  closing: 'Pernyataan penutup', closingHint: 'Ganti jenis: teksnya ikut pindah.', paragraph: 'Paragraf', points: 'Butir bernomor',
  point: 'Butir {n}', addPoint: 'Tambah butir', removePoint: 'Hapus butir {n}', saveClosing: 'Simpan pernyataan {name}',
  closingSaved: 'Pernyataan penutup {name} disimpan.', preview: 'Pratinjau notula', previewLoading: 'Memperbarui pratinjau…',
  previewFailed: 'Pratinjau gagal dimuat.', download: 'Unduh Markdown', openHtml: 'Buka notula (HTML)',
  ended: 'Episode sudah selesai; catatan tidak bisa diubah lagi.', notLive: 'Catatan bisa ditulis setelah episode dimulai.',
  statementOf: 'Pernyataan {name}', kind: 'Bentuk', freeNotes: 'Catatan bebas', answeredTag: 'terjawab', onAirTag: 'mengudara',
  editNote: 'Ubah catatan', noteBy: 'Oleh',
};

export const en: typeof id = {
  onAir: 'On air now', nothingOnAir: 'No question is on air yet.', noteFor: 'Note for',
  freeNote: 'Free note (no question)', who: 'Who answered', agencyOther: 'Other agency', noName: 'No name',
  note: 'Note', addNote: 'Save note', noteHint: 'Enter saves; the speaker choice stays for the next note.',
  saved: 'Note saved.', updated: 'Note updated.', deleted: 'Note deleted.',
  pickWho: 'Choose a speaker, an agency, or “no name”.', needText: 'Write the note first.',
  notes: 'Notes by question', noNotes: 'No notes yet.', noClosing: 'No closing statement yet.', edit: 'Edit', delete: 'Delete',
  deleteConfirm: 'Delete this note?', deleteYes: 'Yes, delete', cancel: 'Cancel', save: 'Save',
  closing: 'Closing statements', closingHint: 'Switching kind carries the text over.', paragraph: 'Paragraph', points: 'Numbered points',
  point: 'Point {n}', addPoint: 'Add point', removePoint: 'Remove point {n}', saveClosing: 'Save {name}’s statement',
  closingSaved: 'Closing statement of {name} saved.', preview: 'Notula preview', previewLoading: 'Updating preview…',
  previewFailed: 'The preview could not be loaded.', download: 'Download Markdown', openHtml: 'Open notula (HTML)',
  ended: 'The episode has ended; notes can no longer be changed.', notLive: 'Notes can be written once the episode has started.',
  statementOf: 'Statement of {name}', kind: 'Form', freeNotes: 'Free notes', answeredTag: 'answered', onAirTag: 'on air',
  editNote: 'Edit note', noteBy: 'By',
};

export const t = translator(id, en);
