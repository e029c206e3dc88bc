import type { Dict } from './i18n.svelte.ts';

// Shown on the host console and the studio screen when the join link is localhost/loopback.
export const addressStrings: Dict<'loopbackTitle' | 'loopbackBody'> = {
  id: {
    loopbackTitle: 'Tautan ini tidak bisa dibuka dari ponsel pendengar.',
    loopbackBody: '{url} hanya berlaku di komputer server. Sambungkan server ke jaringan (Wi-Fi/LAN) lalu mulai ulang, atau atur PUBLIC_URL ke alamat stasiun, misalnya https://radio.example.id.',
  },
  en: {
    loopbackTitle: "Listeners' phones cannot open this link.",
    loopbackBody: '{url} only works on the server computer itself. Connect the server to the network (Wi-Fi/LAN) and restart it, or set PUBLIC_URL to the station\'s address, e.g. https://radio.example.id.',
  },
};
