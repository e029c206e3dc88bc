import { translator } from '../../lib/i18n.svelte.ts';

// "Hapus data saya" (UU PDP): the words name exactly what goes and what stays.
export const id = {
  heading: 'Data pribadi Anda',
  intro: 'Anda bisa menghapus nama, asal, dan kontak yang pernah Anda kirim dari perangkat ini, di semua episode.',
  button: 'Hapus data saya',
  checking: 'Memeriksa data Anda…',
  confirmHeading: 'Yang akan dihapus',
  nothing: 'Tidak ada data Anda yang tersimpan dari perangkat ini.',
  qWithdrawn: '{n} pertanyaan ditarik dan dihapus seluruhnya.',
  qAnonymised: '{n} pertanyaan yang sudah dibahas di siaran tetap ada (bagian dari catatan siaran), tanpa nama dan asal Anda.',
  aWithdrawn: '{n} usulan ditarik dan dihapus.',
  aAnonymised: '{n} usulan yang sudah diteruskan ke musrenbang atau digabung tetap ada, tanpa kontak Anda.',
  contacts: 'Nama dan nomor telepon Anda dihapus dari {n} usulan.',
  stays: 'Dukungan dan jawaban jajak pendapat tetap dihitung tanpa nama. Notula yang sudah terbit ditulis ulang.',
  confirm: 'Ya, hapus sekarang',
  cancel: 'Batal',
  working: 'Menghapus…',
  done: 'Data Anda sudah dihapus.',
  failed: 'Belum berhasil: {reason}',
  close: 'Tutup',
};

export const en: typeof id = {
  heading: 'Your personal data',
  intro: 'You can delete the names, places and contacts you sent from this device, in every episode.',
  button: 'Delete my data',
  checking: 'Checking your data…',
  confirmHeading: 'What will be deleted',
  nothing: 'No data of yours is stored from this device.',
  qWithdrawn: '{n} question withdrawn and deleted completely.|{n} questions withdrawn and deleted completely.',
  qAnonymised: '{n} question already discussed on air stays (part of the broadcast record), without your name and place.|{n} questions already discussed on air stay (part of the broadcast record), without your name and place.',
  aWithdrawn: '{n} proposal withdrawn and deleted.|{n} proposals withdrawn and deleted.',
  aAnonymised: '{n} proposal already forwarded to the musrenbang or merged stays, without your contact.|{n} proposals already forwarded to the musrenbang or merged stay, without your contact.',
  contacts: 'Your name and phone number are removed from {n} proposal.|Your name and phone number are removed from {n} proposals.',
  stays: 'Supports and poll answers stay counted, without a name. Published minutes are rewritten.',
  confirm: 'Yes, delete now',
  cancel: 'Cancel',
  working: 'Deleting…',
  done: 'Your data has been deleted.',
  failed: 'Not done yet: {reason}',
  close: 'Close',
};

export const t = translator(id, en);
