// Carrying a closing statement across when the notulis switches its kind (issue 10 §2):
// a paragraph becomes points by lines or sentences, points become one paragraph, and no
// character the notulis typed is lost either way.
import { describe, expect, it } from 'vitest';
import { closingStatement, paragraphToPoints, pointsToParagraph } from '../../server/contract/closing.ts';
import { normalizeLine } from '../../server/contract/text.ts';

/** Every non-space character, in order: what "nothing lost" means. */
const ink = (s: string | readonly string[]) => [...(typeof s === 'string' ? s : s.join(''))].filter((ch) => !/\s/.test(ch)).join('');

describe('paragraphToPoints', () => {
  it('cuts one line into its sentences, keeping their punctuation', () => {
    expect(paragraphToPoints('Pilah sampah dari rumah. Setor ke bank sampah terdekat! Kapan mulai? Bulan depan…  Terima kasih.')).toEqual([
      'Pilah sampah dari rumah.', 'Setor ke bank sampah terdekat!', 'Kapan mulai?', 'Bulan depan…', 'Terima kasih.',
    ]);
  });

  it('does not cut after titles, addresses, initials, amounts, times or a lower-case word', () => {
    const text = 'Drs. Haryanto dan Dr. Lis dari Jl. A. Yani No. 5 menyumbang Rp. 5.000 dll. untuk warga. Rapat jam 07.00. Warga datang, mis. dengan sepeda. Bpk. Joko, S.Pd. Ikut juga.';
    expect(paragraphToPoints(text)).toEqual([
      'Drs. Haryanto dan Dr. Lis dari Jl. A. Yani No. 5 menyumbang Rp. 5.000 dll. untuk warga.',
      'Rapat jam 07.00.',
      'Warga datang, mis. dengan sepeda.',
      'Bpk. Joko, S.Pd. Ikut juga.',
    ]);
  });

  it('cuts a quoted sentence after its closing quote', () => {
    expect(paragraphToPoints('Beliau berkata, "Kami siap." Lalu rapat ditutup.')).toEqual(['Beliau berkata, "Kami siap."', 'Lalu rapat ditutup.']);
  });

  it('takes one point per line when the paragraph box holds several lines; typed list markers give way to the numbering', () => {
    expect(paragraphToPoints('1. Jalan desa diperbaiki Mei\n2) Air bersih masuk RT 03\n\n- Lampu jalan. Dua titik.\r\n• 10.000 bibit')).toEqual([
      'Jalan desa diperbaiki Mei', 'Air bersih masuk RT 03', 'Lampu jalan. Dua titik.', '10.000 bibit',
    ]);
    expect(paragraphToPoints('1. Jalan rusak. 2. Air bersih.')).toEqual(['Jalan rusak.', 'Air bersih.']);
    // Not a list: a line that merely starts with a number keeps it.
    expect(paragraphToPoints('Jalan desa\n2. Air bersih')).toEqual(['Jalan desa', '2. Air bersih']);
  });

  it('gives one point for one sentence, none for nothing', () => {
    expect(paragraphToPoints('  terima kasih semuanya  ')).toEqual(['terima kasih semuanya']);
    expect(paragraphToPoints(' \n \n')).toEqual([]);
    expect(paragraphToPoints('')).toEqual([]);
  });

  it('never makes more points than a statement may hold: the rest join the last one', () => {
    const text = Array.from({ length: 35 }, (_, i) => `Kalimat ${i + 1}.`).join(' ');
    const points = paragraphToPoints(text);
    expect(points).toHaveLength(30);
    expect(points[29]).toBe('Kalimat 30. Kalimat 31. Kalimat 32. Kalimat 33. Kalimat 34. Kalimat 35.');
    expect(ink(points)).toBe(ink(text));
  });
});

describe('pointsToParagraph', () => {
  it('joins the points as sentences, ending one with a full stop only where it had no ending', () => {
    expect(pointsToParagraph([' Pilah sampah dari rumah ', '', 'Setor ke bank sampah!', 'Tiga hal:', 'jalan, air, lampu', '“Siap.”'])).toEqual(
      'Pilah sampah dari rumah. Setor ke bank sampah! Tiga hal: jalan, air, lampu. “Siap.”',
    );
    expect(pointsToParagraph(['', '  '])).toBe('');
  });
});

describe('switching kind loses nothing', () => {
  const paragraphs = [
    'Pilah sampah dari rumah. Setor ke bank sampah terdekat, tiap Minggu pagi! Jl. Merdeka No. 5 buka jam 07.00.',
    'Terima kasih 🙏 kepada pendengar Suara Giri FM; kami kembali ke Watugede bulan depan. Ayo ikut!',
    'Satu kalimat tanpa titik',
    'a. b. c. 1. 2. 3. ... ??? !!! Rp. 1.000.000,- (lunas). "Ya." \'Tidak.\'',
    'Baris satu\nBaris dua.\n\n  Baris tiga  ',
  ];
  it.each(paragraphs)('paragraph → points keeps every character (%s)', (p) => {
    const points = paragraphToPoints(p);
    expect(ink(points)).toBe(ink(p));
  });
  it.each(paragraphs.filter((p) => !p.includes('\n')))('a paragraph of sentences comes back exactly (%s)', (p) => {
    const back = pointsToParagraph(paragraphToPoints(p));
    expect(ink(back).replace(/\.$/, '')).toBe(ink(p).replace(/\.$/, ''));
    if (/[.!?…]$/.test(p)) expect(back).toBe(normalizeLine(p));
  });
  it('points → paragraph → points gives the same points when each ended as a sentence', () => {
    const points = ['Pilah sampah dari rumah.', 'Setor ke bank sampah terdekat, tiap Minggu pagi!', 'Jl. Merdeka No. 5 buka jam 07.00.'];
    expect(paragraphToPoints(pointsToParagraph(points))).toEqual(points);
  });
});

describe('closingStatement', () => {
  it('tidies what it stores and refuses an empty statement with closing_empty', () => {
    expect(closingStatement({ speakerId: 's', kind: 'paragraph', text: ' Terima\nkasih. ' })).toEqual({ ok: true, statement: { speakerId: 's', kind: 'paragraph', text: 'Terima kasih.' } });
    expect(closingStatement({ speakerId: 's', kind: 'points', points: ['', ' Satu. ', ' '] })).toEqual({ ok: true, statement: { speakerId: 's', kind: 'points', points: ['Satu.'] } });
    for (const input of [{ speakerId: 's', kind: 'paragraph' as const, text: '' }, { speakerId: 's', kind: 'points' as const, points: ['  ', ''] }]) {
      const r = closingStatement(input);
      expect(r.ok ? null : r.error.code).toBe('closing_empty');
    }
  });

  it('counts only filled points against the limit of 30', () => {
    const filled = Array.from({ length: 30 }, (_, i) => `Butir ${i}`);
    expect(closingStatement({ speakerId: 's', kind: 'points', points: [...filled, '', ' '] }).ok).toBe(true);
    const r = closingStatement({ speakerId: 's', kind: 'points', points: [...filled, 'satu lagi'] });
    expect(r.ok ? null : r.error.code).toBe('text_too_long');
  });
});
