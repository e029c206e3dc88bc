import { translator } from '../lib/i18n.svelte.ts';

export const id = {
  tagline: 'Ikut bertanya dan mendukung pertanyaan di siaran radio.',
  codeLabel: 'Kode episode',
  codeHint: 'Kode yang dibacakan penyiar, misalnya SD7AIR. Huruf besar/kecil dan spasi tidak masalah.',
  join: 'Gabung',
  checking: 'Memeriksa…',
  codeEmpty: 'Ketik kode episode dulu.',
  codeInvalid: 'Kode terdiri dari 4–12 huruf atau angka.',
  notFound: 'Episode dengan kode {code} tidak ditemukan. Periksa kembali kodenya.',
  staff: 'Masuk petugas studio',
  how: 'Atau pindai kode QR di layar studio atau di media sosial radio.',
};

export const en: typeof id = {
  tagline: 'Ask and support questions on the radio show.',
  codeLabel: 'Episode code',
  codeHint: 'The code the host reads out, e.g. SD7AIR. Case and spaces do not matter.',
  join: 'Join',
  checking: 'Checking…',
  codeEmpty: 'Type the episode code first.',
  codeInvalid: 'A code is 4–12 letters or digits.',
  notFound: 'No episode with code {code}. Please check the code.',
  staff: 'Studio staff sign-in',
  how: "Or scan the QR code on the studio screen or the station's social media.",
};

export const t = translator(id, en);
