import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  | 'premod' | 'premodOn' | 'premodOff' | 'premodSaved' | 'incoming' | 'noIncoming' | 'approvedList' | 'noApproved' | 'rejectedList'
  | 'approve' | 'reject' | 'reapprove' | 'edit' | 'save' | 'cancel' | 'text' | 'name' | 'location' | 'mergeInto' | 'merge' | 'chooseTarget'
  | 'similar' | 'mergeHere' | 'approved' | 'rejected' | 'edited' | 'merged' | 'submitted' | 'typeIn' | 'channel' | 'questionText'
  | 'callerName' | 'callerLocation' | 'optional' | 'submit' | 'needText' | 'needTarget' | 'anonymous' | 'onAir' | 'answered'
  | 'editOf' | 'mergeOf' | 'received' | 'ended' | 'mergeOpen' | 'noTargets' | 'more';

export const id: Record<Key, string> = {
  premod: 'Pra-moderasi', premodOn: 'Pertanyaan dari web menunggu persetujuan sebelum tampil.',
  premodOff: 'Pertanyaan dari web langsung masuk antrean.', premodSaved: 'Pengaturan pra-moderasi disimpan.',
  incoming: 'Masuk — menunggu persetujuan', noIncoming: 'Tidak ada pertanyaan yang menunggu.',
  approvedList: 'Disetujui dan di antrean', noApproved: 'Belum ada pertanyaan yang disetujui.', rejectedList: 'Ditolak',
  approve: 'Setujui', reject: 'Tolak', reapprove: 'Setujui lagi', edit: 'Perbaiki', save: 'Simpan', cancel: 'Batal',
  text: 'Teks pertanyaan', name: 'Nama penanya', location: 'Asal', mergeInto: 'Gabungkan ke', merge: 'Gabungkan',
  chooseTarget: '— pilih pertanyaan —', similar: 'Mirip ({pct}%):', mergeHere: 'Gabungkan ke sini',
  approved: 'Pertanyaan disetujui.', rejected: 'Pertanyaan ditolak.', edited: 'Perbaikan disimpan.',
  merged: 'Pertanyaan digabung; dukungannya ikut pindah.', submitted: 'Pertanyaan dari {channel} masuk antrean.',
  typeIn: 'Ketik pertanyaan dari telepon, SMS, WhatsApp, email atau studio', channel: 'Saluran', questionText: 'Pertanyaan',
  callerName: 'Nama penanya', callerLocation: 'Asal (desa/kecamatan)', optional: '(boleh kosong)', submit: 'Masukkan ke antrean',
  needText: 'Tulis pertanyaannya dulu.', needTarget: 'Pilih pertanyaan tujuan penggabungan.', anonymous: 'Tanpa nama',
  onAir: 'sedang mengudara', answered: 'terjawab', editOf: 'Perbaiki pertanyaan', mergeOf: 'Gabungkan pertanyaan ini ke pertanyaan lain',
  received: 'masuk {time}', ended: 'Episode sudah selesai; pertanyaan tidak bisa diubah lagi.',
  mergeOpen: 'Gabungkan…', noTargets: 'Tidak ada pertanyaan lain untuk digabung.', more: 'Lihat lebih banyak ({n} lagi)',
};

export const en: typeof id = {
  premod: 'Pre-moderation', premodOn: 'Web questions wait for approval before they are shown.',
  premodOff: 'Web questions go straight into the queue.', premodSaved: 'Pre-moderation setting saved.',
  incoming: 'Incoming — waiting for approval', noIncoming: 'No questions are waiting.',
  approvedList: 'Approved and queued', noApproved: 'No approved questions yet.', rejectedList: 'Rejected',
  approve: 'Approve', reject: 'Reject', reapprove: 'Approve again', edit: 'Fix typos', save: 'Save', cancel: 'Cancel',
  text: 'Question text', name: 'Asker name', location: 'From', mergeInto: 'Merge into', merge: 'Merge',
  chooseTarget: '— choose a question —', similar: 'Similar ({pct}%):', mergeHere: 'Merge into this',
  approved: 'Question approved.', rejected: 'Question rejected.', edited: 'Fix saved.',
  merged: 'Question merged; its votes moved across.', submitted: 'Question from {channel} added to the queue.',
  typeIn: 'Type in a question from phone, SMS, WhatsApp, email or the studio', channel: 'Channel', questionText: 'Question',
  callerName: 'Asker name', callerLocation: 'From (village/district)', optional: '(optional)', submit: 'Add to queue',
  needText: 'Write the question first.', needTarget: 'Choose the question to merge into.', anonymous: 'Anonymous',
  onAir: 'on air', answered: 'answered', editOf: 'Fix question', mergeOf: 'Merge this question into another',
  received: 'in at {time}', ended: 'The episode has ended; questions can no longer be changed.',
  mergeOpen: 'Merge…', noTargets: 'No other question to merge into.', more: 'Show more ({n} more)',
};

export const t = translator(id, en);
