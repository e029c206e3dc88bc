import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  | 'title' | 'back' | 'signInFirst' | 'loading' | 'refresh'
  // filters
  | 'filters' | 'search' | 'searchHint' | 'dimension' | 'kecamatan' | 'desa' | 'status' | 'episode' | 'from' | 'to' | 'sort'
  | 'all' | 'statusDefault' | 'statusEverything' | 'sort.support' | 'sort.newest' | 'sort.oldest' | 'reset'
  // table
  | 'listCaption' | 'none' | 'selectAll' | 'selectOne' | 'no' | 'usulan' | 'problem' | 'place' | 'supports' | 'source' | 'contact'
  | 'notes' | 'notesOf' | 'mergedInto' | 'mergedFrom' | 'reason' | 'rtRw' | 'kec' | 'noContact' | 'episodeDeleted' | 'scrollHint'
  | 'noteText' | 'addNote' | 'noteAdded' | 'noNotes' | 'needNote' | 'close' | 'noteBy'
  // bulk
  | 'bulk' | 'selected' | 'newStatus' | 'applyStatus' | 'rejectReason' | 'needReason' | 'statusChanged' | 'mergeSelected'
  | 'mergeLegend' | 'keep' | 'mergeNow' | 'merged' | 'needTwo' | 'needSelection' | 'clearSelection' | 'cancel' | 'mergeHint'
  | 'confirmStatus' | 'confirmYes'
  // counts and exports
  | 'counts' | 'byDimension' | 'byKecamatan' | 'chartOf' | 'tableOf' | 'name' | 'count' | 'total' | 'countLine'
  | 'exports' | 'exportHint' | 'personal' | 'personalHint' | 'csv' | 'csvSemicolon' | 'markdown' | 'json' | 'shownTotal';

export const id: Record<Key, string> = {
  title: 'Meja perencana', back: '← Halaman petugas', signInFirst: 'Masuk sebagai perencana atau admin untuk membuka meja perencana.',
  loading: 'Memuat usulan…', refresh: 'Muat ulang',
  filters: 'Saring usulan', search: 'Cari', searchHint: 'Setiap kata harus ada di usulan atau permasalahannya.',
  dimension: 'Dimensi', kecamatan: 'Kecamatan', desa: 'Desa/kelurahan', status: 'Status', episode: 'Episode', from: 'Masuk sejak',
  to: 'Sampai', sort: 'Urutkan', all: 'Semua', statusDefault: 'Semua kecuali digabung', statusEverything: 'Semua, termasuk digabung',
  'sort.support': 'Dukungan terbanyak', 'sort.newest': 'Terbaru', 'sort.oldest': 'Terlama', reset: 'Hapus saringan',
  listCaption: 'Usulan ({n})', none: 'Tidak ada usulan yang cocok dengan saringan.', selectAll: 'Pilih semua usulan yang tampil',
  selectOne: 'Pilih usulan: {text}', no: 'No', usulan: 'Usulan', problem: 'Permasalahan', place: 'Lokasi', supports: 'Dukungan',
  source: 'Sumber', contact: 'Pengusul', notes: 'Catatan', notesOf: 'Catatan ({n})', mergedInto: 'Digabung ke: {text}',
  mergedFrom: 'Gabungan dari {n} usulan', reason: 'Alasan: {text}', rtRw: 'RT/RW', kec: 'Kec.', noContact: '—',
  episodeDeleted: 'Episode sudah dihapus', scrollHint: 'Daftar usulan; geser ke samping bila perlu',
  noteText: 'Catatan baru', addNote: 'Simpan catatan', noteAdded: 'Catatan disimpan.', noNotes: 'Belum ada catatan.',
  needNote: 'Tulis catatannya dulu.', close: 'Tutup', noteBy: '{by}, {time}',
  bulk: 'Tindakan untuk usulan terpilih', selected: '{n} dipilih', newStatus: 'Status baru', applyStatus: 'Ubah status',
  rejectReason: 'Alasan penolakan', needReason: 'Alasan penolakan wajib diisi.', statusChanged: 'Status {n} usulan diubah menjadi “{status}”.',
  mergeSelected: 'Gabungkan yang dipilih', mergeLegend: 'Usulan mana yang dipertahankan?', keep: '{text} ({n} dukungan)',
  mergeNow: 'Gabungkan {n} usulan', merged: 'Usulan digabung. Dukungan sekarang {n} (setiap pendengar dihitung sekali).',
  needTwo: 'Pilih setidaknya dua usulan untuk digabung.', needSelection: 'Pilih usulan dulu.', clearSelection: 'Batalkan pilihan',
  confirmStatus: 'Ubah status usulan berikut menjadi “{status}”? ({n} usulan)', confirmYes: 'Ya, ubah {n} usulan',
  cancel: 'Batal', mergeHint: 'Yang lain menjadi “Digabung”; dukungannya pindah ke usulan yang dipertahankan.',
  counts: 'Jumlah usulan', byDimension: 'Per dimensi', byKecamatan: 'Per kecamatan', chartOf: 'Grafik jumlah usulan {what}',
  tableOf: 'Jumlah usulan dan dukungan {what}', name: 'Nama', count: 'Usulan', total: 'Jumlah', countLine: '{n} usulan',
  exports: 'Ekspor untuk musrenbang', exportHint: 'Berkas berisi usulan sesuai saringan dan urutan di atas.',
  personal: 'Sertakan nama dan telepon pengusul (hanya yang setuju dihubungi)',
  personalHint: 'Berkas dengan data pribadi hanya untuk petugas; jangan diunggah ke tempat umum.',
  csv: 'CSV', csvSemicolon: 'CSV untuk Excel (pemisah ;)', markdown: 'Markdown', json: 'JSON', shownTotal: '{n} usulan tampil',
};

export const en: typeof id = {
  title: 'Planner’s desk', back: '← Staff page', signInFirst: 'Sign in as a planner or admin to open the planner’s desk.',
  loading: 'Loading proposals…', refresh: 'Reload',
  filters: 'Filter proposals', search: 'Search', searchHint: 'Every word must appear in the proposal or its problem.',
  dimension: 'Dimension', kecamatan: 'Kecamatan', desa: 'Desa/kelurahan', status: 'Status', episode: 'Episode', from: 'Received from',
  to: 'Until', sort: 'Sort', all: 'All', statusDefault: 'All except merged', statusEverything: 'All, merged included',
  'sort.support': 'Most supported', 'sort.newest': 'Newest', 'sort.oldest': 'Oldest', reset: 'Clear filters',
  listCaption: 'Proposals ({n})', none: 'No proposal matches the filters.', selectAll: 'Select all shown proposals',
  selectOne: 'Select proposal: {text}', no: 'No', usulan: 'Proposal', problem: 'Problem', place: 'Place', supports: 'Support',
  source: 'Source', contact: 'Submitted by', notes: 'Notes', notesOf: 'Notes ({n})', mergedInto: 'Merged into: {text}',
  mergedFrom: 'Combines {n} proposal|Combines {n} proposals', reason: 'Reason: {text}', rtRw: 'RT/RW', kec: 'Kec.', noContact: '—',
  episodeDeleted: 'Episode deleted', scrollHint: 'Proposals; scroll sideways if needed',
  noteText: 'New note', addNote: 'Save note', noteAdded: 'Note saved.', noNotes: 'No notes yet.',
  needNote: 'Write the note first.', close: 'Close', noteBy: '{by}, {time}',
  bulk: 'Actions for selected proposals', selected: '{n} selected', newStatus: 'New status', applyStatus: 'Change status',
  rejectReason: 'Reason for rejection', needReason: 'A reason for the rejection is required.', statusChanged: 'Status of {n} proposal changed to “{status}”.|Status of {n} proposals changed to “{status}”.',
  mergeSelected: 'Merge selected', mergeLegend: 'Which proposal is kept?', keep: '{text} ({n} supporter)|{text} ({n} supporters)',
  mergeNow: 'Merge {n} proposal|Merge {n} proposals', merged: 'Proposals merged. Support is now {n} (each listener counted once).',
  needTwo: 'Select at least two proposals to merge.', needSelection: 'Select proposals first.', clearSelection: 'Clear selection',
  confirmStatus: 'Change the status of the following to “{status}”? (proposals: {n})', confirmYes: 'Yes, change them ({n})',
  cancel: 'Cancel', mergeHint: 'The others become “Merged”; their supporters move to the kept proposal.',
  counts: 'Proposal counts', byDimension: 'By dimension', byKecamatan: 'By kecamatan', chartOf: 'Chart of proposals {what}',
  tableOf: 'Proposals and support {what}', name: 'Name', count: 'Proposals', total: 'Total', countLine: '{n} proposal|{n} proposals',
  exports: 'Export for the musrenbang', exportHint: 'The files hold the proposals as filtered and sorted above.',
  personal: 'Include submitters’ names and phones (only those who agreed to be contacted)',
  personalHint: 'Files with personal data are for staff only; never upload them anywhere public.',
  csv: 'CSV', csvSemicolon: 'CSV for Excel (; separator)', markdown: 'Markdown', json: 'JSON', shownTotal: '{n} proposal shown|{n} proposals shown',
};

export const t = translator(id, en);
