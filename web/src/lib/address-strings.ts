import { translator } from './i18n.svelte.ts';

// Shown on the host console and the studio screen when the join link is localhost/loopback.
export const id: Record<'loopbackTitle' | 'loopbackBody', string> = {
  loopbackTitle: 'Tautan ini tidak bisa dibuka dari ponsel pendengar.',
  loopbackBody: '{url} hanya berlaku di komputer server. Sambungkan server ke jaringan (Wi-Fi/LAN) lalu mulai ulang, atau atur PUBLIC_URL ke alamat stasiun, misalnya https://radio.example.id.',
};

export const en: typeof id = {
  loopbackTitle: "Listeners' phones cannot open this link.",
  loopbackBody: '{url} only works on the server computer itself. Connect the server to the network (Wi-Fi/LAN) and restart it, or set PUBLIC_URL to the station\'s address, e.g. https://radio.example.id.',
};

export const t = translator(id, en);
