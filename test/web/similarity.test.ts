import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DUPLICATE_THRESHOLD, dice, jaccard, likelyDuplicates, normalize, similarity, tokens, trigrams } from '../../web/src/lib/similarity.ts';

describe('normalize and tokens', () => {
  it('lower-cases, drops accents and punctuation', () => {
    expect(normalize('  Kapan TPS-3R   di Pasar Mekarsari?! Café ')).toBe('kapan tps 3r di pasar mekarsari cafe');
  });

  it('leaves out Indonesian question and filler words', () => {
    expect([...tokens('Bagaimana cara desa kami membentuk bank sampah sendiri?')]).toEqual(['cara', 'desa', 'membentuk', 'bank', 'sampah', 'sendiri']);
  });

  it('keeps markup characters out of the words', () => {
    expect([...tokens('<script>alert(1)</script> sampah')]).toEqual(['script', 'alert', 'sampah']);
  });

  it('pads trigrams so the start and end of a word count', () => {
    expect([...trigrams('bank')]).toEqual([' ba', 'ban', 'ank', 'nk ']);
  });
});

describe('jaccard and dice', () => {
  it('are 1 for the same set and 0 for disjoint or empty sets', () => {
    const a = new Set(['a', 'b']);
    expect(jaccard(a, new Set(['a', 'b']))).toBe(1);
    expect(dice(a, new Set(['a', 'b']))).toBe(1);
    expect(jaccard(a, new Set(['c']))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(dice(new Set(), a)).toBe(0);
  });

  it('count the overlap', () => {
    expect(jaccard(new Set([1, 2, 3]), new Set([2, 3, 4]))).toBeCloseTo(2 / 4);
    expect(dice(new Set([1, 2, 3]), new Set([2, 3, 4]))).toBeCloseTo(4 / 6);
  });
});

describe('similarity of listeners’ questions', () => {
  const likely: Array<[string, string]> = [
    ['Bagaimana cara desa kami membentuk bank sampah sendiri?', 'Bagaimana cara bikin bank sampah di desa?'],
    ['Kapan TPS 3R di Pasar Mekarsari mulai beroperasi?', 'kapan TPS3R pasar mekarsari beroprasi??'],
    ['Kenapa truk sampah hanya datang 2x seminggu?', 'truk sampah kok cuma dateng dua kali seminggu'],
    ['Kapan jalan desa Sumberrejo diperbaiki?', 'Kapan jalan di desa kami diperbaiki?'],
  ];
  const different: Array<[string, string]> = [
    ['Kapan TPS 3R di Pasar Mekarsari mulai beroperasi?', 'Bagaimana cara bikin bank sampah di desa?'],
    ['Apakah sampah plastik kresek bisa ditabung?', 'Bisakah minyak jelantah disetor ke bank sampah?'],
    ['Berapa anggaran air minum tahun depan?', 'Apakah tarif air PAMSIMAS akan naik?'],
    ['Apa sanksi membuang sampah ke sungai?', 'Apakah ada insentif untuk pedagang yang memilah sampah?'],
  ];

  it.each(likely)('finds %j and %j alike', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it.each(different)('keeps %j and %j apart', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it('is 0 when a text has no meaningful words', () => {
    expect(similarity('Apa?', 'Apa?')).toBe(0);
    expect(similarity('', 'sampah')).toBe(0);
  });

  it('is symmetric, within 0…1, and 1 for the same text', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      const s = similarity(a, b);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(similarity(b, a)).toBeCloseTo(s, 12);
    }));
    fc.assert(fc.property(fc.string({ minLength: 1 }), (a) => {
      if (tokens(a).size > 0) expect(similarity(a, a)).toBe(1);
    }));
  });
});

describe('likelyDuplicates', () => {
  const candidates = [
    { id: 'q1', text: 'Kapan TPS 3R di Pasar Mekarsari mulai beroperasi?' },
    { id: 'q2', text: 'Bagaimana cara desa kami membentuk bank sampah sendiri?' },
    { id: 'q3', text: 'Apakah minyak jelantah bisa disetor?' },
  ];

  it('returns the look-alikes best first, above the threshold only', () => {
    const found = likelyDuplicates('Bagaimana cara bikin bank sampah di desa?', candidates);
    expect(found.map((f) => f.item.id)).toEqual(['q2']);
    expect(found[0]!.score).toBeGreaterThan(0.5);
  });

  it('honours the limit', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ id: `d${i}`, text: 'bank sampah desa' }));
    expect(likelyDuplicates('bank sampah desa', many, 2)).toHaveLength(2);
  });

  it('finds nothing among nothing', () => {
    expect(likelyDuplicates('bank sampah', [])).toEqual([]);
  });
});
