// Words of the own-district controls (admin): the official kabupaten picker, the sample
// that steps aside or is removed, and the single-region editor.
import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  | 'officialTitle' | 'officialIntro' | 'sampleNow' | 'currentNow' | 'province' | 'chooseProvince' | 'kabupaten' | 'chooseKabupaten' | 'loadingList'
  | 'preview' | 'use' | 'confirmUse' | 'confirmReplace' | 'confirmSample' | 'confirmKeep' | 'yesUse' | 'cancel' | 'switching' | 'switched'
  | 'source'
  | 'sampleTitle' | 'sampleIntro' | 'removeSample' | 'confirmRemove' | 'sampleEpisodes' | 'sampleUsulan' | 'sampleDistrict' | 'sampleDistrictAside'
  | 'sampleNotula' | 'yesRemove' | 'removing' | 'removed' | 'liveNote'
  | 'editTitle' | 'editHint' | 'newCode' | 'newName' | 'add' | 'adding' | 'added' | 'rename' | 'renameLabel' | 'saveName' | 'renamed' | 'needBoth';

export const id: Record<Key, string> = {
  officialTitle: 'Kabupaten/kota Anda', officialIntro: 'Pilih dari kode resmi Kemendagri: kecamatan dan desa/kelurahannya terisi dengan kode dan nama resminya. Koreksi kecil bisa di bawah atau lewat CSV.',
  currentNow: 'Sekarang memakai {name} ({code}).',
  sampleNow: 'Sekarang masih memakai kabupaten contoh ({name}, kode {code}). Pilih kabupaten Anda: contoh akan minggir, usulan contoh tetap terbaca.',
  province: 'Provinsi', chooseProvince: 'Pilih provinsi…', kabupaten: 'Kabupaten/kota', chooseKabupaten: 'Pilih kabupaten/kota…', loadingList: 'Memuat daftar…',
  preview: '{name} ({code}), {province}: {k} kecamatan, {d} desa/kelurahan, zona {zone}.', use: 'Pakai kabupaten ini',
  confirmUse: 'Pakai {name} ({code})? {k} kecamatan dan {d} desa/kelurahan dari data resmi menggantikan daftar sekarang ({k0} kecamatan, {d0} desa/kelurahan). Zona waktu menjadi {zone}; dimensi tetap.',
  confirmReplace: 'Nama kabupaten di pengaturan menjadi {name}.', confirmSample: '{sample} minggir; usulan contoh tetap terbaca dengan nama wilayahnya.',
  confirmKeep: 'Bila ada usulan warga di desa yang tidak ada di daftar baru, tidak ada yang diubah.',
  yesUse: 'Ya, pakai {name}', cancel: 'Batal', switching: 'Mengganti…', switched: 'Sekarang memakai {name}: {k} kecamatan, {d} desa/kelurahan.',
  source: 'Data wilayah: paket idn-area-data (kode Kemendagri), lisensi data ODbL.',
  sampleTitle: 'Contoh bawaan', sampleIntro: 'Episode, usulan dan kabupaten contoh untuk dicoba. Bila sudah tidak perlu, hapus semuanya sekaligus.',
  removeSample: 'Hapus contoh', confirmRemove: 'Yang akan dihapus untuk selamanya:', sampleEpisodes: 'Episode contoh: {list}',
  sampleUsulan: '{n} usulan contoh', sampleDistrict: '{name}, kode {code} (daftar wilayah menjadi kosong; dimensi tetap)',
  sampleDistrictAside: '{name}, kode {code}, yang sudah minggir', sampleNotula: 'Notula di arsip: {list}',
  yesRemove: 'Ya, hapus contoh', removing: 'Menghapus…', removed: 'Contoh dihapus.', liveNote: 'Episode contoh sedang siaran; akhiri dulu.',
  editTitle: 'Tambah kecamatan atau desa/kelurahan', editHint: 'Kode resmi: kecamatan seperti 34.04.01, desa/kelurahan seperti 34.04.01.2001 (kecamatannya harus sudah ada).',
  newCode: 'Kode wilayah', newName: 'Nama', add: 'Tambah', adding: 'Menambah…', added: '{name} ({code}) ditambahkan.',
  rename: 'Ubah nama', renameLabel: 'Nama baru untuk {code}', saveName: 'Simpan nama', renamed: 'Nama {code} menjadi {name}; usulan di sana ikut.',
  needBoth: 'Isi kode dan nama wilayah.',
};

export const en: typeof id = {
  officialTitle: 'Your kabupaten/kota', officialIntro: 'Pick it from the official Kemendagri codes: its kecamatan and desa/kelurahan are filled in with their official codes and names. Small corrections below or by CSV.',
  currentNow: 'Now using {name} ({code}).',
  sampleNow: 'Still using the sample district ({name}, code {code}). Pick your own: the sample steps aside, its proposals stay readable.',
  province: 'Province', chooseProvince: 'Choose a province…', kabupaten: 'Kabupaten/kota', chooseKabupaten: 'Choose a kabupaten/kota…', loadingList: 'Loading the list…',
  preview: '{name} ({code}), {province}: {k} kecamatan, {d} desa/kelurahan, zone {zone}.', use: 'Use this district',
  confirmUse: 'Use {name} ({code})? {k} kecamatan and {d} desa/kelurahan from the official data replace the current list ({k0} kecamatan, {d0} desa/kelurahan). The time zone becomes {zone}; dimensions stay.',
  confirmReplace: 'The district name in the settings becomes {name}.', confirmSample: '{sample} steps aside; sample proposals stay readable with their place names.',
  confirmKeep: 'If a listener\'s proposal is in a desa missing from the new list, nothing changes.',
  yesUse: 'Yes, use {name}', cancel: 'Cancel', switching: 'Switching…', switched: 'Now using {name}: {k} kecamatan, {d} desa/kelurahan.',
  source: 'Region data: the idn-area-data package (Kemendagri codes), data licence ODbL.',
  sampleTitle: 'Built-in sample', sampleIntro: 'Sample episodes, proposals and district to try things out. When you no longer need them, remove them all at once.',
  removeSample: 'Remove sample', confirmRemove: 'This will be removed for good:', sampleEpisodes: 'Sample episodes: {list}',
  sampleUsulan: 'Sample proposals: {n}', sampleDistrict: '{name}, code {code} (the region list becomes empty; dimensions stay)',
  sampleDistrictAside: '{name}, code {code}, already set aside', sampleNotula: 'Archived minutes: {list}',
  yesRemove: 'Yes, remove the sample', removing: 'Removing…', removed: 'Sample removed.', liveNote: 'A sample episode is on air; end it first.',
  editTitle: 'Add a kecamatan or desa/kelurahan', editHint: 'Official code: kecamatan like 34.04.01, desa/kelurahan like 34.04.01.2001 (its kecamatan must exist).',
  newCode: 'Region code', newName: 'Name', add: 'Add', adding: 'Adding…', added: '{name} ({code}) added.',
  rename: 'Rename', renameLabel: 'New name for {code}', saveName: 'Save name', renamed: '{code} is now {name}; proposals there follow.',
  needBoth: 'Enter the region code and name.',
};

export const t = translator(id, en);
