import { translator } from '../../lib/i18n.svelte.ts';

type Key =
  // page and sign-in
  | 'title' | 'signIn' | 'username' | 'password' | 'signInButton' | 'signingIn' | 'signOut' | 'needUsername' | 'needPassword'
  | 'tabEpisodes' | 'tabStaff' | 'sections' | 'checking'
  // episode list
  | 'episodes' | 'newEpisode' | 'noEpisodes' | 'code' | 'consoles' | 'host' | 'screener' | 'notulis' | 'notulaHtml' | 'notulaMd'
  | 'edit' | 'start' | 'end' | 'endConfirm' | 'endYes' | 'cancel' | 'started' | 'ended' | 'episodeNumber' | 'refresh'
  // episode form
  | 'createTitle' | 'editTitle' | 'series' | 'seriesHint' | 'partners' | 'partnersHint' | 'number' | 'episodeTitle' | 'place'
  | 'date' | 'time' | 'zone' | 'endLegend' | 'openEnd' | 'endAt' | 'endTime' | 'endNextDay' | 'recordingUrl' | 'hosts'
  | 'hostN' | 'addHost' | 'removeHost' | 'speakers' | 'speakerN' | 'fullName' | 'fullNameHint' | 'shortName' | 'shortNameHint'
  | 'position' | 'agency' | 'addSpeaker' | 'removeSpeaker' | 'premoderation' | 'premodHint' | 'save' | 'create' | 'saving'
  | 'created' | 'saved' | 'fixBelow' | 'basics' | 'when' | 'people' | 'optional'
  | 'p.required' | 'p.badNumber' | 'p.badDate' | 'p.badTime' | 'p.endSame' | 'p.badUrl'
  // staff accounts
  | 'staffAccounts' | 'newAccount' | 'name' | 'role' | 'createAccount' | 'accountCreated' | 'usernameHint' | 'passwordHint'
  | 'badUsername' | 'shortPassword' | 'needName' | 'status' | 'active' | 'disabled' | 'disable' | 'enable' | 'resetPassword'
  | 'newPassword' | 'setPassword' | 'passwordReset' | 'roleChanged' | 'accountDisabled' | 'accountEnabled' | 'changeRoleOf'
  | 'you' | 'actions' | 'plannerDesk';

export const id: Record<Key, string> = {
  title: 'Petugas Kentongan', signIn: 'Masuk petugas', username: 'Nama pengguna', password: 'Kata sandi', signInButton: 'Masuk',
  signingIn: 'Memeriksa…', signOut: 'Keluar', needUsername: 'Isi nama pengguna.', needPassword: 'Isi kata sandi.',
  tabEpisodes: 'Episode', tabStaff: 'Akun petugas', sections: 'Bagian', checking: 'Memeriksa sesi…',
  episodes: 'Episode', newEpisode: 'Episode baru', noEpisodes: 'Belum ada episode.', code: 'Kode', consoles: 'Konsol',
  host: 'Pemandu', screener: 'Penyaring', notulis: 'Notulis', notulaHtml: 'Notula (HTML)', notulaMd: 'Unduh Markdown',
  edit: 'Ubah', start: 'Mulai', end: 'Akhiri', endConfirm: 'Akhiri episode ini? Notula diarsipkan dan tidak bisa diubah lagi.',
  endYes: 'Ya, akhiri', cancel: 'Batal', started: 'Episode “{title}” dimulai.', ended: 'Episode “{title}” diakhiri.',
  episodeNumber: 'Eps. {n}', refresh: 'Muat ulang daftar',
  createTitle: 'Episode baru', editTitle: 'Ubah episode', series: 'Nama acara', seriesHint: 'Misalnya “OBROLAN PAGI – Warga Bertanya”',
  partners: 'Mitra', partnersHint: 'Misalnya “Karang Taruna x Radio Swara FM”', number: 'Nomor episode', episodeTitle: 'Judul episode',
  place: 'Tempat', date: 'Tanggal', time: 'Jam mulai', zone: 'Zona waktu', endLegend: 'Selesai', openEnd: '“selesai” (tanpa jam)',
  endAt: 'Pada jam', endTime: 'Jam selesai', endNextDay: 'Jam selesai sebelum jam mulai berarti hari berikutnya.',
  recordingUrl: 'Tautan rekaman', hosts: 'Pemandu', hostN: 'Pemandu {n}', addHost: 'Tambah pemandu', removeHost: 'Hapus pemandu {n}',
  speakers: 'Pembicara', speakerN: 'Pembicara {n}', fullName: 'Nama lengkap', fullNameHint: 'Dengan gelar, misalnya “Drs. Haryanto, M.Si.”',
  shortName: 'Nama di udara', shortNameHint: 'Misalnya “Pak Haryanto”; harus berbeda antarpembicara',
  position: 'Jabatan', agency: 'Instansi', addSpeaker: 'Tambah pembicara', removeSpeaker: 'Hapus pembicara {n}',
  premoderation: 'Pra-moderasi', premodHint: 'Pertanyaan dari web menunggu persetujuan penyaring.',
  save: 'Simpan perubahan', create: 'Buat episode', saving: 'Menyimpan…', created: 'Episode “{title}” dibuat. Kode: {code}.',
  saved: 'Perubahan disimpan.', fixBelow: 'Periksa isian yang ditandai.', basics: 'Acara', when: 'Waktu', people: 'Orang',
  optional: '(boleh kosong)',
  'p.required': 'Wajib diisi.', 'p.badNumber': 'Nomor harus bilangan bulat 0 atau lebih.', 'p.badDate': 'Tanggal tidak valid.',
  'p.badTime': 'Jam tidak valid (JJ:MM).', 'p.endSame': 'Jam selesai sama dengan jam mulai.',
  'p.badUrl': 'Tautan harus diawali http:// atau https://.',
  staffAccounts: 'Akun petugas', newAccount: 'Akun baru', name: 'Nama', role: 'Peran', createAccount: 'Buat akun',
  accountCreated: 'Akun {username} dibuat.', usernameHint: '3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung.',
  passwordHint: 'Minimal 8 karakter.', badUsername: 'Nama pengguna tidak sesuai aturan.', shortPassword: 'Kata sandi minimal 8 karakter.',
  needName: 'Isi nama.', status: 'Status', active: 'Aktif', disabled: 'Nonaktif', disable: 'Nonaktifkan', enable: 'Aktifkan',
  resetPassword: 'Atur ulang kata sandi', newPassword: 'Kata sandi baru untuk {username}', setPassword: 'Simpan kata sandi',
  passwordReset: 'Kata sandi {username} diganti; sesinya yang lama berakhir.', roleChanged: 'Peran {username} diubah menjadi {role}.',
  accountDisabled: 'Akun {username} dinonaktifkan.', accountEnabled: 'Akun {username} diaktifkan.', changeRoleOf: 'Peran {username}',
  you: '(Anda)', actions: 'Tindakan', plannerDesk: 'Meja perencana (usulan musrenbang) →',
};

export const en: typeof id = {
  title: 'Kentongan staff', signIn: 'Staff sign-in', username: 'Username', password: 'Password', signInButton: 'Sign in',
  signingIn: 'Checking…', signOut: 'Sign out', needUsername: 'Enter your username.', needPassword: 'Enter your password.',
  tabEpisodes: 'Episodes', tabStaff: 'Staff accounts', sections: 'Sections', checking: 'Checking session…',
  episodes: 'Episodes', newEpisode: 'New episode', noEpisodes: 'No episodes yet.', code: 'Code', consoles: 'Consoles',
  host: 'Host', screener: 'Screener', notulis: 'Note taker', notulaHtml: 'Notula (HTML)', notulaMd: 'Download Markdown',
  edit: 'Edit', start: 'Start', end: 'End', endConfirm: 'End this episode? The notula is archived and can no longer be changed.',
  endYes: 'Yes, end it', cancel: 'Cancel', started: 'Episode “{title}” started.', ended: 'Episode “{title}” ended.',
  episodeNumber: 'Ep. {n}', refresh: 'Reload list',
  createTitle: 'New episode', editTitle: 'Edit episode', series: 'Show name', seriesHint: 'E.g. “OBROLAN PAGI – Warga Bertanya”',
  partners: 'Partners', partnersHint: 'E.g. “Karang Taruna x Radio Swara FM”', number: 'Episode number', episodeTitle: 'Episode title',
  place: 'Place', date: 'Date', time: 'Start time', zone: 'Time zone', endLegend: 'End', openEnd: '“selesai” (open end)',
  endAt: 'At', endTime: 'End time', endNextDay: 'An end time before the start time means the next day.',
  recordingUrl: 'Recording link', hosts: 'Hosts', hostN: 'Host {n}', addHost: 'Add host', removeHost: 'Remove host {n}',
  speakers: 'Speakers', speakerN: 'Speaker {n}', fullName: 'Full name', fullNameHint: 'With titles, e.g. “Drs. Haryanto, M.Si.”',
  shortName: 'On-air name', shortNameHint: 'E.g. “Pak Haryanto”; must differ between speakers',
  position: 'Position', agency: 'Agency', addSpeaker: 'Add speaker', removeSpeaker: 'Remove speaker {n}',
  premoderation: 'Pre-moderation', premodHint: 'Web questions wait for the screener’s approval.',
  save: 'Save changes', create: 'Create episode', saving: 'Saving…', created: 'Episode “{title}” created. Code: {code}.',
  saved: 'Changes saved.', fixBelow: 'Check the marked fields.', basics: 'Show', when: 'When', people: 'People',
  optional: '(optional)',
  'p.required': 'Required.', 'p.badNumber': 'The number must be a whole number, 0 or more.', 'p.badDate': 'Not a valid date.',
  'p.badTime': 'Not a valid time (HH:MM).', 'p.endSame': 'The end time equals the start time.',
  'p.badUrl': 'The link must start with http:// or https://.',
  staffAccounts: 'Staff accounts', newAccount: 'New account', name: 'Name', role: 'Role', createAccount: 'Create account',
  accountCreated: 'Account {username} created.', usernameHint: '3–32 lower-case letters, digits, dot, underscore or hyphen.',
  passwordHint: 'At least 8 characters.', badUsername: 'The username does not follow the rules.', shortPassword: 'The password needs at least 8 characters.',
  needName: 'Enter a name.', status: 'Status', active: 'Active', disabled: 'Disabled', disable: 'Disable', enable: 'Enable',
  resetPassword: 'Reset password', newPassword: 'New password for {username}', setPassword: 'Save password',
  passwordReset: 'Password of {username} changed; their old sessions ended.', roleChanged: 'Role of {username} changed to {role}.',
  accountDisabled: 'Account {username} disabled.', accountEnabled: 'Account {username} enabled.', changeRoleOf: 'Role of {username}',
  you: '(you)', actions: 'Actions', plannerDesk: 'Planner’s desk (musrenbang proposals) →',
};

export const t = translator(id, en);
