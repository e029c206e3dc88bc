import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, normalize } from '../../../server/domain/moderation/normalize.ts';

describe('normalize folds text for matching', () => {
  it('lower-cases, drops accents and punctuation, keeps words apart', () => {
    expect(normalize('  Kapan JALAN di Désa Sukamaju?! Café ')).toBe('kapan jalan di desa sukamaju cafe');
  });

  it('reads digits and symbols as letters inside a word', () => {
    expect(normalize('g0bl0k anj1ng @njing 4nj1n9 b4ngs4t $ial anj!ng')).toBe('goblok anjing anjing anjing bangsat sial anjing');
  });

  it('leaves a number alone', () => {
    expect(normalize('Rp 1.500.000 jam 19.00 RT 03/05 741')).toBe('rp 1 500 000 jam 19 00 rt 03 05 741');
  });

  it('reads a letter repeated any number of times once', () => {
    expect(normalize('goblokkkk anjiiiing tolooool')).toBe('goblok anjing tolol');
  });

  it('joins a run of three or more single letters, however they are separated', () => {
    expect(normalize('g o b l o k')).toBe('goblok');
    expect(normalize('a.n.j.i.n.g lu')).toBe('anjing lu');
    expect(normalize('b-a-n-g-s-a-t')).toBe('bangsat');
    expect(normalize('4 n j 1 n g')).toBe('anjing');
    // Two are not a run: "di a b" stays as it is.
    expect(normalize('kelas a b')).toBe('kelas a b');
  });

  it('undoes full-width letters, Cyrillic look-alikes and zero-width characters', () => {
    expect(normalize('ＧＯＢＬＯＫ')).toBe('goblok');
    expect(normalize('аnjіng')).toBe('anjing'); // Cyrillic а and і
    expect(normalize('gob\u200blok kon\u00adtol')).toBe('goblok kontol');
  });

  it('keeps a masked word whole and drops an apostrophe inside a word', () => {
    expect(normalize("k*nt*l blo'on anj**")).toBe('k*nt*l blon anj**');
  });

  it('keeps words whole: asuransi and pantai are not split', () => {
    expect(normalize('Asuransi di Pantai')).toBe('asuransi di pantai');
  });
});

describe('fold', () => {
  it('marks disguised words and only those', () => {
    const f = fold('Anjing g0bl0k a n j i n g anjiiing k*nt*l babi');
    expect(f.words).toEqual(['anjing', 'goblok', 'anjing', 'anjing', 'k*nt*l', 'babi']);
    expect(f.disguised).toEqual([false, true, true, true, true, false]);
  });

  it('offers "1" and "|" read as "l" too', () => {
    const f = fold('k0nt01 jalan');
    expect(f.words[0]).toBe('kontoi');
    expect(f.also.get(0)).toEqual(['kontol']);
    expect(f.also.has(1)).toBe(false);
  });

  it('offers a run of single letters without a letter at either end', () => {
    const f = fold('trs y? a n c u k');
    expect(f.words).toEqual(['trs', 'yancuk']);
    expect(f.also.get(1)).toEqual(['ancuk', 'yancu', 'ancu']);
  });

  it('splits clauses at punctuation and records how each ended', () => {
    const f = fold('Anjing! Jalan rusak, kapan diperbaiki? Sudah lama. Terima kasih');
    expect(f.clause).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(f.clauseEnd).toEqual(['!', ',', '?', '.', '']);
  });

  it('does not end a clause at a dot inside a word or a number', () => {
    expect(fold('Jl.Merdeka no.12 jam 19.00').clause.every((c) => c === 0)).toBe(true);
  });

  it('glues two words joined by one dot, dash or underscore', () => {
    const f = fold('kon-tol go.blok anjing_lu jalan rusak');
    expect([...f.glued.entries()]).toEqual([[0, 'kontol'], [2, 'goblok'], [4, 'anjinglu']]);
  });
});

describe('normalize, properties', () => {
  const pieces = fc.constantFrom(
    'a', 'b', 'g', 'o', 'l', 'k', 'A', 'K', '0', '1', '4', '9', '@', '$', '!', '|', '*', "'", '.', ',', '-', '_', ' ', '  ',
    '\n', '?', 'é', 'Ｇ', 'а', '\u200b', 'ss', 'kk', 'anjing', 'goblok', 'ß', 'İ',
  );
  const texts = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')));

  it('is idempotent', () => {
    fc.assert(fc.property(texts, (t) => normalize(normalize(t)) === normalize(t)), { numRuns: 2000 });
  });

  it('yields single-spaced lower-case words and never throws', () => {
    fc.assert(fc.property(texts, (t) => {
      const n = normalize(t);
      return n === n.toLowerCase() && !/^ | $| {2}/.test(n);
    }), { numRuns: 1000 });
  });
});
