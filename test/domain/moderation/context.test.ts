import { describe, expect, it } from 'vitest';
import { contextFlags, sameTextKey, type Posting } from '../../../server/domain/moderation/flags.ts';

const MIN = 60_000;
const post = (author: string, at: number, text: string): Posting => ({ author, at, text });

describe('teks sama', () => {
  const spam = 'Beli pulsa murah di konter kami, hub admin';

  it('takes texts that differ in case, punctuation and stretched letters for the same', () => {
    const recent = [post('a', 0, spam), post('b', MIN, 'BELI PULSA MURAHHH di konter kami!!! hub admin'), post('c', 2 * MIN, 'Kapan jalan diperbaiki?')];
    expect(contextFlags(post('d', 3 * MIN, spam), recent)).toEqual([{ kind: 'spam', category: 'teks_sama', reason: 'teks sama dari 3 pendengar' }]);
    expect(contextFlags(post('d', 3 * MIN, 'Beli pulsa di konter kami'), recent)).toEqual([]);
  });

  it('counts distinct listeners, the item\'s own sender included', () => {
    const recent = [post('a', 0, spam), post('b', MIN, 'BELI PULSA MURAH di konter kami!!! hub admin'), post('b', 2 * MIN, spam)];
    expect(contextFlags(post('c', 3 * MIN, spam), recent)).toEqual([{ kind: 'spam', category: 'teks_sama', reason: 'teks sama dari 3 pendengar' }]);
    const five = ['a', 'b', 'c', 'd'].map((who, i) => post(who, i * MIN, spam));
    expect(contextFlags(post('e', 5 * MIN, spam), five)[0]?.reason).toBe('teks sama dari 5 pendengar');
  });

  it('does not count one listener sending a text again, short texts, old items or later ones', () => {
    const again = [post('a', 0, spam), post('a', MIN, spam)];
    expect(contextFlags(post('b', 2 * MIN, spam), again)).toEqual([]);
    const short = ['a', 'b', 'c'].map((who, i) => post(who, i * MIN, 'Halo pak!'));
    expect(contextFlags(post('d', 5 * MIN, 'halo pak'), short)).toEqual([]);
    const old = [post('a', 0, spam), post('b', MIN, spam)];
    expect(contextFlags(post('c', 40 * MIN, spam), old)).toEqual([]);
    const later = [post('a', 10 * MIN, spam), post('b', 11 * MIN, spam)];
    expect(contextFlags(post('c', 5 * MIN, spam), later)).toEqual([]);
  });

  it('skips the item itself when the caller passes it among the recent ones, and uses a kept key', () => {
    const item = post('c', 3 * MIN, spam);
    const recent = [post('a', 0, spam), item];
    expect(contextFlags(item, recent)).toEqual([]);
    const keyed = ['a', 'b'].map((who, i) => ({ author: who, at: i * MIN, text: 'ignored when a key is kept', key: sameTextKey(spam) }));
    expect(contextFlags(post('c', 3 * MIN, spam), keyed)).toHaveLength(1);
  });

  it('takes its limits from the options', () => {
    const recent = [post('a', 0, spam)];
    expect(contextFlags(post('b', MIN, spam), recent, { sameTextListeners: 2 })[0]?.reason).toBe('teks sama dari 2 pendengar');
  });
});

describe('terlalu cepat', () => {
  it('flags a fourth item from one listener within two minutes', () => {
    const recent = [post('a', 0, 'satu'), post('a', 30_000, 'dua'), post('a', 60_000, 'tiga'), post('b', 70_000, 'lain')];
    expect(contextFlags(post('a', 90_000, 'empat'), recent)).toEqual([{ kind: 'spam', category: 'terlalu_cepat', reason: 'terlalu cepat: 4 pesan dalam 2 menit' }]);
  });

  it('does not flag a listener who takes their time', () => {
    const recent = [post('a', 0, 'satu'), post('a', 2 * MIN, 'dua'), post('a', 4 * MIN, 'tiga')];
    expect(contextFlags(post('a', 6 * MIN, 'empat'), recent)).toEqual([]);
  });

  it('names the window in seconds when it is not whole minutes', () => {
    const recent = [post('a', 0, 'satu'), post('a', 10_000, 'dua')];
    expect(contextFlags(post('a', 20_000, 'tiga'), recent, { fastCount: 3, fastWindowMs: 30_000 })[0]?.reason).toBe('terlalu cepat: 3 pesan dalam 30 detik');
  });
});

describe('sameTextKey', () => {
  it('is normalize, remembered or not', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => `Pertanyaan nomor ${i} TENTANG jalan!!!`);
    for (const t of texts) expect(sameTextKey(t)).toBe(sameTextKey(t.toLowerCase().replace(/!/g, '')));
    expect(sameTextKey(texts[0]!)).toBe('pertanyan nomor 0 tentang jalan'); // letters repeated read once
  });
});
