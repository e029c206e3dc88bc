// Words of the district settings (admin): dimensions, kecamatan and desa, CSV import.
import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  | 'tab' | 'title' | 'intro' | 'district' | 'name' | 'code' | 'codeHint' | 'zone' | 'dimensions' | 'dimensionsHint' | 'dimensionN'
  | 'dimensionCode' | 'newCode' | 'addDimension' | 'removeDimension' | 'up' | 'down' | 'national' | 'save' | 'saved' | 'saving'
  | 'regions' | 'regionsCount' | 'noRegions' | 'downloadCsv' | 'import' | 'importHint' | 'file' | 'paste' | 'pasteHint'
  | 'importButton' | 'imported' | 'needCsv' | 'desaCount' | 'loading' | 'needName' | 'reading';

export const id: Record<Key, string> = {
  tab: 'Wilayah & dimensi', title: 'Pengaturan kabupaten', intro: 'Daftar yang dipilih pendengar saat mengirim usulan, dan yang dipakai perencana untuk menyaring.',
  district: 'Kabupaten/kota', name: 'Nama kabupaten/kota', code: 'Kode wilayah kabupaten/kota', codeHint: 'Misalnya 33.07. Boleh kosong; diambil dari kode kecamatan.',
  zone: 'Zona waktu', dimensions: 'Dimensi smart city', dimensionsHint: 'Enam dimensi nasional sebagai awal; sebagian daerah memakai tujuh. Dimensi yang sudah dipakai usulan tidak bisa dihapus.',
  dimensionN: 'Nama dimensi {n}', dimensionCode: 'kode: {code}', newCode: 'kode dibuat dari nama', addDimension: 'Tambah dimensi',
  removeDimension: 'Hapus dimensi {n}', up: 'Naikkan dimensi {n}', down: 'Turunkan dimensi {n}', national: 'Kembalikan enam dimensi nasional',
  save: 'Simpan pengaturan', saved: 'Pengaturan kabupaten disimpan.', saving: 'Menyimpan…',
  regions: 'Kecamatan dan desa/kelurahan', regionsCount: '{k} kecamatan, {d} desa/kelurahan', noRegions: 'Belum ada kecamatan. Impor dari CSV di bawah.',
  downloadCsv: 'Unduh daftar wilayah (CSV)', import: 'Impor dari CSV',
  importHint: 'Baris pertama: judul kolom “kode” dan “nama”. Satu baris per kecamatan (33.07.01) atau desa/kelurahan (33.07.01.2001). Pemisah koma atau titik koma. Daftar lama diganti seluruhnya; bila ada yang salah, tidak ada yang diubah.',
  file: 'Berkas CSV', paste: 'Atau tempel isi CSV', pasteHint: 'Dipakai bila tidak ada berkas yang dipilih.', importButton: 'Impor wilayah',
  imported: 'Wilayah diimpor: {k} kecamatan, {d} desa/kelurahan.', needCsv: 'Pilih berkas CSV atau tempel isinya dulu.',
  desaCount: '{n} desa/kelurahan', loading: 'Memuat pengaturan…', needName: 'Isi nama dimensi {n}.', reading: 'Membaca berkas…',
};

export const en: typeof id = {
  tab: 'Regions & dimensions', title: 'District settings', intro: 'The lists listeners pick from when they send a proposal, and planners filter by.',
  district: 'District', name: 'District name', code: 'District region code', codeHint: 'E.g. 33.07. Optional; taken from the kecamatan codes.',
  zone: 'Time zone', dimensions: 'Smart-city dimensions', dimensionsHint: 'The six national dimensions to start with; some districts use seven. A dimension in use by proposals cannot be removed.',
  dimensionN: 'Dimension {n} name', dimensionCode: 'code: {code}', newCode: 'code made from the name', addDimension: 'Add dimension',
  removeDimension: 'Remove dimension {n}', up: 'Move dimension {n} up', down: 'Move dimension {n} down', national: 'Restore the six national dimensions',
  save: 'Save settings', saved: 'District settings saved.', saving: 'Saving…',
  regions: 'Kecamatan and desa/kelurahan', regionsCount: '{k} kecamatan, {d} desa/kelurahan', noRegions: 'No kecamatan yet. Import them from CSV below.',
  downloadCsv: 'Download the region list (CSV)', import: 'Import from CSV',
  importHint: 'First row: column titles “kode” and “nama”. One row per kecamatan (33.07.01) or desa/kelurahan (33.07.01.2001). Comma or semicolon. The old list is replaced entirely; if anything is wrong, nothing changes.',
  file: 'CSV file', paste: 'Or paste the CSV', pasteHint: 'Used when no file is chosen.', importButton: 'Import regions',
  imported: 'Regions imported: {k} kecamatan, {d} desa/kelurahan.', needCsv: 'Choose a CSV file or paste its content first.',
  desaCount: '{n} desa/kelurahan', loading: 'Loading settings…', needName: 'Enter a name for dimension {n}.', reading: 'Reading the file…',
};

export const t = translator(id, en);
