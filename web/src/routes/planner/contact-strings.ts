import { translator } from '../../lib/i18n.svelte.ts';

// "Hapus kontak" on the planner's desk (UU PDP): the name and phone go, the usulan stays.
export const id = {
  button: 'Hapus kontak',
  confirm: 'Hapus nama dan nomor telepon {who}? Usulannya tetap ada.',
  confirmLabel: 'Hapus kontak usulan: {text}',
  yes: 'Ya, hapus',
  no: 'Batal',
  removed: 'Kontak pengusul sudah dihapus; usulannya tetap ada.',
};

export const en: typeof id = {
  button: 'Remove contact',
  confirm: 'Remove the name and phone number of {who}? The proposal stays.',
  confirmLabel: 'Remove the contact of proposal: {text}',
  yes: 'Yes, remove',
  no: 'Cancel',
  removed: 'The submitter’s contact was removed; the proposal stays.',
};

export const t = translator(id, en);
