import { translator } from '../../lib/i18n.svelte.ts';

// The admin's audit log view: who did what, when. Action names are shown in words where known.
export const id = {
  tab: 'Log audit',
  heading: 'Log audit tindakan petugas',
  intro: 'Siapa melakukan apa, kapan. Hanya id dan nama tindakan; tidak ada teks atau kontak pendengar.',
  when: 'Waktu',
  who: 'Oleh',
  action: 'Tindakan',
  target: 'Sasaran',
  detail: 'Rincian',
  listener: 'Pendengar (tanpa nama)',
  system: 'Server (otomatis)',
  empty: 'Belum ada tindakan yang tercatat.',
  more: 'Muat yang lebih lama',
  loading: 'Memuat…',
  total: '{n} catatan',
  episode: 'episode {id}',
};

export const en: typeof id = {
  tab: 'Audit log',
  heading: 'Audit log of staff actions',
  intro: 'Who did what, when. Ids and action names only; no listener text or contacts.',
  when: 'Time',
  who: 'By',
  action: 'Action',
  target: 'Target',
  detail: 'Details',
  listener: 'Listener (anonymous)',
  system: 'Server (automatic)',
  empty: 'No actions recorded yet.',
  more: 'Load older',
  loading: 'Loading…',
  total: '{n} entry|{n} entries',
  episode: 'episode {id}',
};

export const t = translator(id, en);
