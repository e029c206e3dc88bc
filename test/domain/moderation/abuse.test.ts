import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_LEXICON, textFlags } from '../../../server/domain/moderation/flags.ts';
import { ORDINARY } from './corpus/ordinary.ts';

const abuse = (text: string) => textFlags(text).filter((f) => f.kind === 'abuse').map((f) => f.reason);

describe('kata kasar: whole words', () => {
  it('names the word as listed, once, in a short reason', () => {
    expect(textFlags('Dasar pejabat goblok, goblok semua!')).toEqual([{ kind: 'abuse', category: 'kata_kasar', reason: 'kata kasar: goblok' }]);
    expect(abuse('goblok, tolol, bangsat, kontol semua')).toEqual(['kata kasar: goblok, tolol, bangsat, …']);
  });

  it('does not find a word inside another (the Scunthorpe problem)', () => {
    expect(abuse('Asuransi tani dan asuhan anak')).toEqual([]); // asu
    expect(abuse('Pantai Parangtritis dan Ketaiwan-taiwanan')).toEqual([]); // tai
    expect(abuse('kentut, kontingen, pejuang, penjualan, kampanye, bogor')).toEqual([]); // kentu, konti, peju, jual, kampang
    expect(abuse('Maaf, pemahaman warga soal mahoni masih kurang')).toEqual([]); // maho
    expect(abuse('Dewe-dewe wae, ora ana sing ngurus')).toEqual([]); // ewe
  });

  it('finds a listed word with an Indonesian, Javanese or Sundanese affix', () => {
    expect(abuse('pejabatnya goblokmu')).toEqual(['kata kasar: goblok']);
    expect(abuse('jangan dibego-begoin warga')).toEqual(['kata kasar: bego']);
    expect(abuse('bangsatnya kabur')).toEqual(['kata kasar: bangsat']);
    expect(abuse('kades goblogna teu ngurus')).toEqual(['kata kasar: goblog']);
    expect(abuse('kontole pejabat')).toEqual(['kata kasar: kontol']);
  });

  it('sees through disguises', () => {
    expect(abuse('g0bl0k')).toEqual(['kata kasar: goblok']);
    expect(abuse('4nj1n9 lu')).toEqual(['kata kasar: anjing']);
    expect(abuse('@njing')).toEqual(['kata kasar: anjing']);
    expect(abuse('goblokkkk')).toEqual(['kata kasar: goblok']);
    expect(abuse('g o b l o k')).toEqual(['kata kasar: goblok']);
    expect(abuse('a.n.j.i.n.g')).toEqual(['kata kasar: anjing']);
    expect(abuse('k*nt*l')).toEqual(['kata kasar: kontol']);
    expect(abuse('kon-tol')).toEqual(['kata kasar: kontol']);
    expect(abuse('k0nt01')).toEqual(['kata kasar: kontol']);
    expect(abuse('ＢＡＮＧＳＡＴ')).toEqual(['kata kasar: bangsat']);
  });

  it('reads a masked word only with enough of it visible', () => {
    expect(abuse('***')).toEqual([]);
    expect(abuse('a** k**')).toEqual([]);
    expect(abuse('*oblok')).toEqual([]);
  });

  it('finds insults of several words, and lets ordinary phrases hide a listed word', () => {
    expect(abuse('dasar otak udang')).toEqual(['kata kasar: otak udang']);
    expect(abuse('Bakteri E. coli di sumur')).toEqual([]);
    expect(abuse('Homo sapiens dan evolusi')).toEqual([]);
  });
});

describe('kata kasar: words with an ordinary meaning count only in an abusive phrasing', () => {
  it('dada, jaran and sial are not flagged on their own in normal sentences', () => {
    expect(abuse('Dada saya sesak sejak kemarin, perlu ke puskesmas?')).toEqual([]);
    expect(abuse('Dada semua, sampai jumpa minggu depan!')).toEqual([]);
    expect(abuse('Jaran kepang tampil di merti desa')).toEqual([]);
    expect(abuse('Jaran ning desaku isih narik andong')).toEqual([]);
    expect(abuse('Sial, jalannya rusak lagi')).toEqual([]);
    expect(abuse('Sial!')).toEqual([]);
    expect(abuse('Nasib sial petani tembakau')).toEqual([]);
  });

  it('they are flagged after "dasar", a comparison, next to a rude pronoun, or after an official', () => {
    expect(abuse('dasar jaran')).toEqual(['kata kasar: jaran']);
    expect(abuse('dasar pejabat jaran')).toEqual(['kata kasar: jaran']);
    expect(abuse('sial lu')).toEqual(['kata kasar: sial']);
    expect(abuse('sialan lu')).toEqual(['kata kasar: sialan']);
    expect(abuse('Bupati kayak monyet')).toEqual(['kata kasar: monyet']);
    expect(abuse('koyo asu')).toEqual(['kata kasar: asu']);
    expect(abuse('asu kowe')).toEqual(['kata kasar: asu']);
    expect(abuse('lu anjing')).toEqual(['kata kasar: anjing']);
    expect(abuse('anjing sia')).toEqual(['kata kasar: anjing']);
    expect(abuse('pejabat sampah')).toEqual(['kata kasar: sampah']);
    expect(abuse('kowe kuwi kethek')).toEqual(['kata kasar: kethek']);
  });

  it('"your dog" is not an insult unless shouted', () => {
    expect(abuse('Anjing kamu sudah divaksin?')).toEqual([]);
    expect(abuse('babi kalian sudah divaksin ASF?')).toEqual([]);
    expect(abuse('Babi kalian!')).toEqual(['kata kasar: babi']);
    // Things after kamu/kalian are what is talked about: "bagi kalian sampah adalah …".
    expect(abuse('bagi kalian sampah adalah masalah')).toEqual([]);
  });

  it('strong words are curses as an exclamation, not in a list', () => {
    expect(abuse('Anjing! Jalan rusak lagi')).toEqual(['kata kasar: anjing']);
    expect(abuse('Asu, dalane rusak')).toEqual(['kata kasar: asu']);
    expect(abuse('Anjing.')).toEqual(['kata kasar: anjing']);
    expect(abuse('Dasar pejabat goblok, anjing semua!')).toEqual(['kata kasar: goblok, anjing']);
    expect(abuse('asu, asu, asu, kok ora mari')).toEqual(['kata kasar: asu']);
    expect(abuse('anjing lah, pdam mati')).toEqual(['kata kasar: anjing']);
    expect(abuse('Anjing, kucing, ayam wajib vaksin?')).toEqual([]);
    expect(abuse('Anjing, kucing dan kera wajib vaksin')).toEqual([]);
    expect(abuse('Vaksin rabies untuk anjing, kucing dan kera')).toEqual([]);
    expect(abuse('Monyet, babi hutan dan tikus merusak panen')).toEqual([]);
    expect(abuse('babi semua mati kena ASF')).toEqual([]);
  });

  it('a disguised context word is abusive: nobody disguises a dog', () => {
    expect(abuse('4nj1ng')).toEqual(['kata kasar: anjing']);
    expect(abuse('a s u')).toEqual(['kata kasar: asu']);
    expect(abuse('babiiii')).toEqual(['kata kasar: babi']);
    expect(abuse('anjing peliharaan')).toEqual([]);
  });

  it('honorifics come before names: Pak Cok is a man', () => {
    expect(abuse('Pak Cok Agung bertanya soal dana adat')).toEqual([]);
    expect(abuse('Pak Kebo dari Sleman')).toEqual([]);
  });
});

describe('kata kasar, properties', () => {
  const clean = ORDINARY.map((s) => s.text).filter((t) => textFlags(t).length === 0);
  const listed = [...new Set(DEFAULT_LEXICON.words.values())].filter((w) => !w.includes(' ') && /^[a-z']+$/.test(w));
  const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0' };
  const disguise = fc.constantFrom(
    (w: string) => w,
    (w: string) => w.toUpperCase(),
    (w: string) => w.replace(/[aeio]/g, (c) => LEET[c]!),
    (w: string) => w.replace(/[aeiou](?=[^aeiou]*$)/, (c) => c.repeat(4)),
    (w: string) => w.replace(/'/g, '').split('').join(' '),
    (w: string) => w.replace(/'/g, '').split('').join('.'),
  );

  it('a clean sentence with a listed word inserted, plain or disguised, is flagged with that word', () => {
    expect(clean.length).toBeGreaterThan(100);
    fc.assert(fc.property(fc.constantFrom(...clean), fc.constantFrom(...listed), disguise, fc.nat(), (sentence, word, hide, at) => {
      const words = sentence.split(' ');
      const k = at % (words.length + 1);
      const text = [...words.slice(0, k), hide(word), ...words.slice(k)].join(' ');
      const reasons = abuse(text);
      return reasons.length === 1 && reasons[0]!.split(': ')[1]!.split(', ').includes(word);
    }), { numRuns: 1500 });
  });

  it('a reason names nothing of the text but list words', () => {
    const allowed = new Set([
      ...DEFAULT_LEXICON.words.values(),
      ...[...DEFAULT_LEXICON.context.values()].map((e) => e.listed),
      ...[...DEFAULT_LEXICON.phrases.values()].flat().map((p) => p.listed),
      '…',
    ]);
    const texts = fc.oneof(fc.string(), fc.constantFrom(...clean).chain((s) => fc.constantFrom(...listed).map((w) => `${s} ${w} rahasia-0812`)));
    fc.assert(fc.property(texts, (t) => textFlags(t).every((f) =>
      f.category !== 'kata_kasar' || f.reason.slice('kata kasar: '.length).split(', ').every((w) => allowed.has(w)))), { numRuns: 1000 });
  });
});
