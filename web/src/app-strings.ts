import { translator } from './lib/i18n.svelte.ts';

// Shown before any page's own dictionary has loaded, so the two strings live in the entry chunk.
export const id = {
  loading: 'Memuat…',
  failed: 'Halaman gagal dimuat. Periksa koneksi lalu muat ulang.',
};

export const en: typeof id = {
  loading: 'Loading…',
  failed: 'The page could not be loaded. Check the connection, then reload.',
};

export const t = translator(id, en);
