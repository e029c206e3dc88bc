import { translator } from '../../lib/i18n.svelte.ts';

// The audit log's known actions in words; others are shown as the server names them.
export const id = {
  'episode.create': 'Membuat episode', 'episode.edit': 'Mengubah episode', 'episode.start': 'Memulai siaran', 'episode.end': 'Mengakhiri siaran',
  'episode.delete': 'Menghapus episode', 'transcript.import': 'Mengimpor notula', 'transcript.delete': 'Menghapus notula',
  'staff.create': 'Membuat akun', 'staff.update': 'Mengubah akun', 'session.signOut': 'Keluar', 'session.changePassword': 'Mengganti kata sandi sendiri',
  'district.update': 'Mengubah wilayah', 'district.importRegions': 'Mengimpor wilayah',
  'district.switchKabupaten': 'Memilih kabupaten resmi', 'district.addRegion': 'Menambah wilayah', 'district.renameRegion': 'Mengganti nama wilayah', 'sample.remove': 'Menghapus contoh',
  'aspiration.edit': 'Mengubah usulan', 'aspiration.status': 'Mengubah status usulan', 'aspiration.merge': 'Menggabung usulan',
  'aspiration.note': 'Menulis catatan usulan', 'aspiration.removeContact': 'Menghapus kontak usulan',
  'aspiration.exportPersonal': 'Mengekspor usulan dengan nama dan telepon',
  'listener.erase': 'Pendengar menghapus datanya', 'retention.removeContacts': 'Kontak lewat masa simpan dihapus', 'backup.create': 'Cadangan data dibuat',
  'question:approve': 'Menyetujui pertanyaan', 'question:reject': 'Menolak pertanyaan', 'question:merge': 'Menggabung pertanyaan',
  'question:edit': 'Mengubah pertanyaan', 'question:submit': 'Memasukkan pertanyaan', 'question:air': 'Menayangkan pertanyaan',
  'question:answered': 'Menandai terjawab', 'question:requeue': 'Mengembalikan ke antrean',
  'note:add': 'Menulis catatan', 'note:edit': 'Mengubah catatan', 'note:delete': 'Menghapus catatan', 'closing:set': 'Menulis penutup',
  'poll:open': 'Membuka jajak pendapat', 'poll:close': 'Menutup jajak pendapat', 'poll:results': 'Menampilkan hasil jajak pendapat',
  'episode:moderation': 'Mengubah moderasi', 'aspiration:enter': 'Memasukkan usulan', 'aspiration:fromQuestion': 'Usulan dari pertanyaan',
  'aspiration:status': 'Mengubah status usulan',
  'question:heading': 'Mengoreksi judul pertanyaan', 'episode:recording': 'Mengoreksi tautan rekaman', 'closing:reassign': 'Memindahkan penutup',
};

export const en: typeof id = {
  'episode.create': 'Created episode', 'episode.edit': 'Edited episode', 'episode.start': 'Started broadcast', 'episode.end': 'Ended broadcast',
  'episode.delete': 'Deleted episode', 'transcript.import': 'Imported minutes', 'transcript.delete': 'Deleted minutes',
  'staff.create': 'Created account', 'staff.update': 'Changed account', 'session.signOut': 'Signed out', 'session.changePassword': 'Changed own password',
  'district.update': 'Changed district', 'district.importRegions': 'Imported regions',
  'district.switchKabupaten': 'Chose the official district', 'district.addRegion': 'Added a region', 'district.renameRegion': 'Renamed a region', 'sample.remove': 'Removed the sample',
  'aspiration.edit': 'Edited proposal', 'aspiration.status': 'Changed proposal status', 'aspiration.merge': 'Merged proposals',
  'aspiration.note': 'Wrote proposal note', 'aspiration.removeContact': 'Removed proposal contact',
  'aspiration.exportPersonal': 'Exported proposals with names and phones',
  'listener.erase': 'Listener erased their data', 'retention.removeContacts': 'Contacts past retention removed', 'backup.create': 'Data backup made',
  'question:approve': 'Approved question', 'question:reject': 'Rejected question', 'question:merge': 'Merged question',
  'question:edit': 'Edited question', 'question:submit': 'Entered question', 'question:air': 'Put question on air',
  'question:answered': 'Marked answered', 'question:requeue': 'Back to queue',
  'note:add': 'Wrote note', 'note:edit': 'Edited note', 'note:delete': 'Deleted note', 'closing:set': 'Wrote closing',
  'poll:open': 'Opened poll', 'poll:close': 'Closed poll', 'poll:results': 'Showed poll results',
  'episode:moderation': 'Changed moderation', 'aspiration:enter': 'Entered proposal', 'aspiration:fromQuestion': 'Proposal from question',
  'aspiration:status': 'Changed proposal status',
  'question:heading': 'Corrected question heading', 'episode:recording': 'Corrected recording link', 'closing:reassign': 'Moved closing statement',
};

export const t = translator(id, en);

export const isKnownAction = (a: string): a is keyof typeof id => Object.hasOwn(id, a);
