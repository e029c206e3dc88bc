import { describe, expect, it } from 'vitest';
import { textFlags, type FlagCategory } from '../../../server/domain/moderation/flags.ts';
import { hasLink, hasPhone, isShouted } from '../../../server/domain/moderation/spam.ts';

const categories = (text: string): FlagCategory[] => textFlags(text).map((f) => f.category);
const reasonOf = (text: string, c: FlagCategory) => textFlags(text).find((f) => f.category === c)?.reason;

describe('tautan', () => {
  it('finds links, shorteners, chat links and bare domains', () => {
    for (const t of [
      'cek http://contoh.xyz/promo', 'https://slot.vip', 'www.tokomurah.shop', 'www . promo . com', 'wa.me/6281234567890',
      'Wa.me/628111222333', 'wa . me/62812', 'bit.ly/abc', 't.me/cuan', 's.id/kuota', 'gacor88.vip', 'togelmaju.com',
      'bpjs-kesehatan.online', 'slot88 (dot) com', 'bit(dot)ly/promo', 'link.dana.id/kaget', 'budi@gmail.com',
    ]) expect(hasLink(t), t).toBe(true);
  });

  it('does not take numbers, abbreviations or official sites for links', () => {
    for (const t of [
      '1.5 hektar', 'Rp.500', 'Rp 1.500.000', 'jam 19.00', 'No.3', 'Jl.Merdeka', 'S.Pd. dan S.H.', 'dr.Budi',
      'sscasn.bkn.go.id', 'sukamaju.desa.id', 'ugm.ac.id', 'sdn1.sch.id', 'Jalan rusak.Ga ada yang peduli', 'titik.titik',
    ]) expect(hasLink(t), t).toBe(false);
  });

  it('is a spam flag named "tautan"', () => {
    expect(textFlags('info di togelmaju.com')).toContainEqual({ kind: 'spam', category: 'tautan', reason: 'tautan' });
  });
});

describe('nomor telepon', () => {
  it('finds Indonesian mobile and landline numbers however they are typed', () => {
    for (const t of [
      '081234567890', '0812-3456-7890', '0812 3456 7890', '0812.3456.7890', '+62 812 3456 7890', '6281234567890',
      '+6281234567890', '0 8 1 2 3 4 5 6 7 8 9', '(0274) 512345', '021-5551234', '0274 512345',
    ]) expect(hasPhone(t), t).toBe(true);
  });

  it('does not take times, dates, money, RT/RW or an NIK for a phone number', () => {
    for (const t of [
      'jam 08.00-16.00', 'pukul 07.30 - 09.00', '08-08-2025', 'tanggal 08 08 2025 jam 10', 'RT 003/005', 'Rp 1.500.000',
      '0,5 hektar', 'NIK 3307012345670001', 'tahun 2025', 'Rp 80.000 per kilo', 'kode pos 56351',
    ]) expect(hasPhone(t), t).toBe(false);
  });
});

describe('promosi', () => {
  it('flags selling: an offer, a call to action, a contact or a seller\'s phrase with a product', () => {
    expect(reasonOf('BELI PULSA MURAH!!! wa.me/6281234567890', 'promosi')).toBe('promosi: pulsa');
    expect(reasonOf('Slot gacor maxwin hari ini, daftar sekarang', 'promosi')).toBe('promosi: judi');
    expect(reasonOf('Pinjaman cair 10 menit tanpa jaminan, hub admin', 'promosi')).toBe('promosi: pinjaman');
    expect(reasonOf('Selamat anda pemenang undian, transfer dulu biaya admin', 'promosi')).toBe('promosi: hadiah');
    expect(reasonOf('Diskon 70% hari ini saja, order sekarang', 'promosi')).toBe('promosi');
    expect(reasonOf('P R O M O pulsa murah hubungi kami', 'promosi')).toBe('promosi: pulsa');
    expect(reasonOf('Situs g4c0r hari ini, sl0t m4xw1n dijamin', 'promosi')).toBe('promosi: judi');
  });

  it('leaves ordinary questions and complaints about the same things alone', () => {
    for (const t of [
      'Saya mau jual hasil panen di pasar, apakah ada lapak gratis?',
      'Di mana petani bisa jual gabah selain ke tengkulak?',
      'Petani terpaksa jual murah ke tengkulak.',
      'Kapan operasi pasar murah minyak goreng?',
      'Bagaimana memberantas judi online dan slot gacor di desa kami?',
      'Warga kami banyak yang terjerat pinjol dan judi online, hidupnya hancur.',
      'Apakah KUR bisa tanpa jaminan?',
      'Program makan bergizi gratis menunya sering basi.',
      'Bonus demografi tidak terasa di desa.',
      'Apakah ada promo tarif listrik untuk UMKM?',
      'Slot waktu siaran bisa ditambah?',
    ]) expect(categories(t), t).toEqual([]);
  });
});

describe('huruf besar semua', () => {
  it('needs 15 letters, 70 % of them capitals', () => {
    expect(isShouted('BPJS PDAM APBD')).toBe(false);
    expect(isShouted('Kapan BPJS dan PDAM dibenahi? APBD sudah cair')).toBe(false);
    expect(isShouted('DISKON BESAR HARI INI')).toBe(true);
  });

  it('flags shouting: capitals with a contact, a promotion, or an exclamation in a statement', () => {
    expect(categories('RAIH KEMENANGAN BESAR DI SITUS KAMI SETIAP HARI')).toEqual(['promosi', 'huruf_besar']);
    expect(categories('NOMOR SAYA 081234567890 TOLONG DICATAT')).toEqual(['nomor_telepon', 'huruf_besar']);
    expect(categories('HUBUNGI KAMI DI 081234567890 SEKARANG')).toEqual(['nomor_telepon', 'promosi', 'huruf_besar']);
    expect(categories('JALAN RUSAK PARAH TIDAK DIURUS!!!')).toEqual(['huruf_besar']);
  });

  it('leaves capitals alone where feature-phone users type them', () => {
    expect(categories('PAK KAPAN JALAN DESA KAMI DIPERBAIKI? SUDAH RUSAK 3 TAHUN')).toEqual([]);
    expect(categories('AIR PDAM MATI TERUS SEJAK SENIN, WARGA SUSAH MANDI')).toEqual([]);
    expect(categories('SELAMAT SIANG PAK BUPATI, KAPAN BANTUAN PUPUK DATANG!')).toEqual([]);
  });
});
