import { translator } from '../../lib/i18n.svelte.ts';

type Key = 'heading' | 'why' | 'current' | 'next' | 'nextHint' | 'repeat' | 'save' | 'saving' | 'needCurrent' | 'short' | 'same' | 'mismatch' | 'done';

export const id: Record<Key, string> = {
  heading: 'Pilih kata sandi Anda sendiri',
  why: 'Kata sandi yang Anda pakai dibuat otomatis dan tampil di layar saat pemasangan, jadi mungkin sudah dilihat orang lain. Ganti dulu sebelum memakai Kentongan; semua sesi lain dengan kata sandi lama ikut berakhir.',
  current: 'Kata sandi saat ini', next: 'Kata sandi baru', nextHint: 'Minimal 8 karakter. Kalimat pendek yang mudah Anda ingat lebih baik daripada kata yang rumit.',
  repeat: 'Ulangi kata sandi baru', save: 'Simpan kata sandi baru', saving: 'Menyimpan…',
  needCurrent: 'Isi kata sandi saat ini.', short: 'Kata sandi baru minimal 8 karakter.', same: 'Kata sandi baru harus berbeda dari yang lama.',
  mismatch: 'Kedua isian kata sandi baru tidak sama.', done: 'Kata sandi baru disimpan.',
};

export const en: typeof id = {
  heading: 'Choose your own password',
  why: 'The password you used was generated and shown on screen at installation, so others may have seen it. Change it before using Kentongan; every other session with the old password ends too.',
  current: 'Current password', next: 'New password', nextHint: 'At least 8 characters. A short sentence you remember beats a complicated word.',
  repeat: 'Repeat the new password', save: 'Save the new password', saving: 'Saving…',
  needCurrent: 'Enter the current password.', short: 'The new password needs at least 8 characters.', same: 'The new password must differ from the old one.',
  mismatch: 'The two new passwords are not the same.', done: 'New password saved.',
};

export const t = translator(id, en);
