// One reply, one SMS: examples a station's replies meet, then properties over any text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutToLength, cutToOneSms, fitsOneSms, GSM7_CHARACTERS, smsLength } from '../../../server/domain/intake/sms-length.ts';

const graphemes = (s: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);

describe('smsLength', () => {
  it.each<[string, string, ReturnType<typeof smsLength>]>([
    ['plain Indonesian', 'Pertanyaan Anda diterima, nomor 12', { encoding: 'gsm7', units: 34, limit: 160 }],
    ['GSM accents count one', 'Café à Ñ', { encoding: 'gsm7', units: 8, limit: 160 }],
    ['the euro sign and brackets count two', '€5 [ok]', { encoding: 'gsm7', units: 10, limit: 160 }],
    ['"…" is not GSM-7', 'tunggu…', { encoding: 'ucs2', units: 7, limit: 70 }],
    ['an emoji is two UTF-16 units', 'ok 👍', { encoding: 'ucs2', units: 5, limit: 70 }],
    ['Arabic script', 'سلام', { encoding: 'ucs2', units: 4, limit: 70 }],
  ])('%s', (_name, text, expected) => {
    expect(smsLength(text)).toEqual(expected);
  });

  it('160 GSM-7 characters fit, 161 do not; 80 euro signs fit, 81 do not', () => {
    expect(fitsOneSms('a'.repeat(160))).toBe(true);
    expect(fitsOneSms('a'.repeat(161))).toBe(false);
    expect(fitsOneSms('€'.repeat(80))).toBe(true);
    expect(fitsOneSms('€'.repeat(81))).toBe(false);
    // é is GSM-7, but 👍 makes the whole message UCS-2, where it takes two of the 70 units.
    expect(fitsOneSms(`${'é'.repeat(68)}👍`)).toBe(true);
    expect(fitsOneSms(`${'é'.repeat(69)}👍`)).toBe(false);
  });
});

describe('cutToOneSms', () => {
  it('leaves a reply that fits alone', () => {
    const reply = 'Pertanyaan Anda diterima, nomor 12. Dialog Pagi Desa.';
    expect(cutToOneSms(reply)).toBe(reply);
  });

  it('cuts a long GSM-7 reply at a word with "..." (keeping the 160-character room)', () => {
    const reply = 'Terima kasih, usulan Anda untuk Desa Sukamaju sudah kami catat dan akan dibacakan di Musrenbang Kecamatan bersama usulan warga lain dari desa-desa sekitarnya minggu depan.';
    const cut = cutToOneSms(reply);
    expect(cut).toBe('Terima kasih, usulan Anda untuk Desa Sukamaju sudah kami catat dan akan dibacakan di Musrenbang Kecamatan bersama usulan warga lain dari desa-desa sekitarnya...');
    expect(smsLength(cut)).toMatchObject({ encoding: 'gsm7' });
    expect(smsLength(cut).units).toBeLessThanOrEqual(160);
  });

  it('cuts a UCS-2 reply to 70 with "…", never inside an emoji', () => {
    const reply = `Pertanyaan Anda diterima 👍 nomor 12 di acara Dialog Pagi bersama Pak Camat`;
    const cut = cutToOneSms(reply);
    expect(cut).toBe('Pertanyaan Anda diterima 👍 nomor 12 di acara Dialog Pagi bersama Pak…');
    expect(cut.length).toBeLessThanOrEqual(70);
  });

  it('keeps the GSM-7 beginning with 160 characters when the only UCS-2 character would be cut off anyway', () => {
    const reply = `${'kata '.repeat(40)}🎉`;
    const cut = cutToOneSms(reply);
    expect(smsLength(cut).encoding).toBe('gsm7');
    expect(cut.length).toBeGreaterThan(150);
  });

  it('cuts one long word (a link) inside rather than send almost nothing', () => {
    const cut = cutToOneSms(`Lihat https://radio.example.id/${'x'.repeat(200)}`);
    expect(cut.length).toBe(160);
    expect(cut.endsWith('...')).toBe(true);
  });
});

// Words of letters only, so the trimming of punctuation before the ellipsis cannot blur what was kept.
const word = fc.stringMatching(/^[a-zA-Z]{1,12}$/);
// Mostly longer than one SMS: the short ones only check that nothing is changed.
const anyText = fc.oneof(
  fc.string({ minLength: 40, maxLength: 400 }),
  fc.string({ unit: 'grapheme', minLength: 30, maxLength: 200 }),
  fc.string({ unit: 'binary', minLength: 30, maxLength: 200 }),
  fc.array(fc.oneof(word, fc.constantFrom('€', 'é', '👍', '🇮🇩', 'ẞ', '\n', '  ', '[x]', 'ñ', 'e\u0301')), { minLength: 10, maxLength: 120 }).map((w) => w.join(' ')),
);

describe('cutToOneSms properties', () => {
  it('always fits one SMS, and changes nothing that already did', () => {
    fc.assert(fc.property(anyText, (text) => {
      const cut = cutToOneSms(text);
      expect(fitsOneSms(cut)).toBe(true);
      if (fitsOneSms(text)) expect(cut).toBe(text);
    }), { numRuns: 2000 });
  });

  it('keeps a beginning of the text made of whole characters, and marks the cut', () => {
    fc.assert(fc.property(anyText, (text) => {
      fc.pre(!fitsOneSms(text));
      const cut = cutToOneSms(text);
      const ellipsis = cut.endsWith('...') ? '...' : '…';
      expect(cut.endsWith(ellipsis)).toBe(true);
      const kept = cut.slice(0, -ellipsis.length);
      expect(text.startsWith(kept)).toBe(true);
      // No emoji, flag or accented letter split: the kept part's characters are the text's first ones.
      expect(graphemes(kept)).toEqual(graphemes(text).slice(0, graphemes(kept).length));
      // "…" only where the SMS is UCS-2 anyway: "..." keeps a GSM-7 reply at 160.
      expect(smsLength(kept).encoding).toBe(ellipsis === '…' ? 'ucs2' : 'gsm7');
    }), { numRuns: 2000 });
  });

  it('cuts words of letters at a word boundary, wasting less than a word of room', () => {
    fc.assert(fc.property(fc.array(word, { minLength: 30, maxLength: 80 }), (words) => {
      const text = words.join(' ');
      fc.pre(!fitsOneSms(text));
      const cut = cutToOneSms(text);
      expect(cut.endsWith('...')).toBe(true);
      const kept = cut.slice(0, -3);
      expect(text[kept.length]).toBe(' ');
      expect(kept.length).toBeGreaterThan(157 - 13);
    }), { numRuns: 1000 });
  });

  it('GSM7_CHARACTERS is the whole alphabet: 128 basic less the escape, plus 10 extension characters', () => {
    expect([...GSM7_CHARACTERS].length).toBe(127 + 10);
    expect(smsLength(GSM7_CHARACTERS).encoding).toBe('gsm7');
  });
});

describe('cutToLength (WhatsApp)', () => {
  it('cuts at a word under the limit with "…"', () => {
    expect(cutToLength('satu dua tiga empat', 12)).toBe('satu dua…');
    expect(cutToLength('pendek', 12)).toBe('pendek');
  });
  it('never exceeds the limit', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (text, limit) => {
      expect(cutToLength(text, limit).length).toBeLessThanOrEqual(Math.max(limit, 1));
    }));
  });
});
