// Words of one row's own controls: its status, and the plan fields the musrenbang needs.
import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  | 'changeStatus' | 'changeStatusOf' | 'save' | 'statusOne'
  | 'plan' | 'planOf' | 'planFill' | 'planEdit' | 'planEmpty' | 'planSaved' | 'planLegend' | 'volume' | 'volumeHint' | 'satuan'
  | 'satuanHint' | 'biaya' | 'biayaHint' | 'opd' | 'opdNone' | 'opdHint' | 'planSave' | 'planCheck' | 'minSupport' | 'minSupportHint'
  | 'minSupportInvalid';

export const id: Record<Key, string> = {
  changeStatus: 'Ubah status', changeStatusOf: 'Ubah status usulan: {text}', save: 'Simpan', statusOne: 'Status usulan diubah menjadi “{status}”.',
  plan: 'Rencana', planOf: 'Rencana usulan: {text}', planFill: 'Isi rencana', planEdit: 'Ubah rencana', planEmpty: 'Belum diisi',
  planSaved: 'Rencana usulan disimpan.', planLegend: 'Rencana untuk musrenbang',
  volume: 'Volume', volumeHint: 'Angka lebih dari nol, mis. 120 atau 12,5.', satuan: 'Satuan', satuanHint: 'Mis. meter, unit, paket, titik.',
  biaya: 'Perkiraan biaya (Rp)', biayaHint: 'Rupiah penuh, mis. Rp 15.000.000 atau 15 juta.', opd: 'OPD tujuan', opdNone: '— belum dipilih —',
  opdHint: 'Daftar OPD diatur admin di halaman petugas.', planSave: 'Simpan rencana', planCheck: 'Periksa isian yang ditandai.',
  minSupport: 'Dukungan minimal', minSupportHint: 'Hanya usulan dengan dukungan sebanyak ini atau lebih.', minSupportInvalid: 'Tulis angka bulat, mis. 5.',
};

export const en: typeof id = {
  changeStatus: 'Change status', changeStatusOf: 'Change status of proposal: {text}', save: 'Save', statusOne: 'Proposal status changed to “{status}”.',
  plan: 'Plan', planOf: 'Plan of proposal: {text}', planFill: 'Fill in plan', planEdit: 'Edit plan', planEmpty: 'Not filled in',
  planSaved: 'Proposal plan saved.', planLegend: 'Plan for the musrenbang',
  volume: 'Volume', volumeHint: 'A number above zero, e.g. 120 or 12,5.', satuan: 'Unit', satuanHint: 'E.g. meter, unit, paket, titik.',
  biaya: 'Cost estimate (Rp)', biayaHint: 'Whole rupiah, e.g. Rp 15.000.000 or 15 juta.', opd: 'Target agency (OPD)', opdNone: '— not chosen —',
  opdHint: 'The admin keeps the OPD list on the staff page.', planSave: 'Save plan', planCheck: 'Check the marked fields.',
  minSupport: 'Minimum support', minSupportHint: 'Only proposals with at least this many supporters.', minSupportInvalid: 'Write a whole number, e.g. 5.',
};

export const t = translator(id, en);
