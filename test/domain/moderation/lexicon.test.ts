import { describe, expect, it } from 'vitest';
import * as triggers from '../../../server/domain/moderation/context-words.ts';
import { CONTEXT_WORDS } from '../../../server/domain/moderation/context-words.ts';
import { buildLexicon, DEFAULT_LEXICON, PACKAGE_WORDS } from '../../../server/domain/moderation/lexicon.ts';
import { normalize } from '../../../server/domain/moderation/normalize.ts';
import { textFlags } from '../../../server/domain/moderation/flags.ts';
import { REGIONAL_WORDS } from '../../../server/domain/moderation/words-regional.ts';

const reasons = (text: string, lexicon = DEFAULT_LEXICON) => textFlags(text, lexicon).map((f) => f.reason);

describe('the lexicon', () => {
  it('holds the package list, our regional words and the context words, folded', () => {
    expect(PACKAGE_WORDS.length).toBeGreaterThan(100);
    expect(PACKAGE_WORDS).toContain('goblok');
    expect(DEFAULT_LEXICON.words.get('goblok')).toBe('goblok');
    expect(DEFAULT_LEXICON.words.get('gemblung')).toBe('gemblung'); // ours (Javanese)
    expect(DEFAULT_LEXICON.words.get('ontohod')).toBe('ontohod'); // ours (Sundanese)
    // "blo'on" and "bloon" fold to one entry, which keeps a listed spelling.
    expect(DEFAULT_LEXICON.words.get('blon')).toMatch(/^blo'?on$/);
    // "nggateli" folds to "ngateli" and still matches itself.
    expect(reasons('nggateli tenan')).toEqual(['kata kasar: nggateli']);
  });

  it('keeps words with an ordinary meaning apart from the flat list', () => {
    for (const w of ['anjing', 'asu', 'babi', 'jaran', 'dada', 'sial', 'sampah', 'celeng', 'tai']) {
      expect(DEFAULT_LEXICON.words.has(w), w).toBe(false);
      expect(DEFAULT_LEXICON.context.has(w), w).toBe(true);
    }
  });

  it('drops the package word that is a place name, and entries that fold to under three letters', () => {
    expect(DEFAULT_LEXICON.words.has('pante')).toBe(false);
    expect(reasons('Pante Raja di Aceh')).toEqual([]);
    const lex = buildLexicon({ add: ['mmk', 'xx'] });
    expect(lex.words.has('mk')).toBe(false);
    expect(reasons('putusan MK soal pilkada', lex)).toEqual([]);
  });

  it('has every trigger word in folded form, every context word as a context entry', () => {
    // A trigger spelled with a double letter would never meet the folded text.
    for (const [name, value] of Object.entries(triggers)) {
      if (!(value instanceof Set)) continue;
      for (const w of value as Set<string>) expect(normalize(w), `${name}: ${w}`).toBe(w);
    }
    for (const w of Object.keys(CONTEXT_WORDS)) expect(DEFAULT_LEXICON.context.has(normalize(w)), w).toBe(true);
    for (const w of REGIONAL_WORDS) expect(normalize(w).includes(' '), w).toBe(false);
  });
});

describe('admin additions and removals', () => {
  it('an added word is flagged as a whole word, in its listed spelling, with its disguises', () => {
    const lex = buildLexicon({ add: ['Kadal Buntung', 'culas'] });
    expect(reasons('pejabatnya culas', lex)).toEqual(['kata kasar: culas']);
    expect(reasons('dasar kadal buntung!', lex)).toEqual(['kata kasar: kadal buntung']);
    expect(reasons('c u l a s semua', lex)).toEqual(['kata kasar: culas']);
    expect(reasons('kalkulasi anggaran', lex)).toEqual([]);
    expect(reasons('pejabatnya culas')).toEqual([]);
  });

  it('adding a context word makes it flagged everywhere: the admin chose so', () => {
    const lex = buildLexicon({ add: ['jaran'] });
    expect(reasons('jaran kepang di alun-alun', lex)).toEqual([]); // an ordinary phrase still hides it
    expect(reasons('jaran ning desaku', lex)).toEqual(['kata kasar: jaran']);
    expect(reasons('jaran ning desaku')).toEqual([]);
  });

  it('a removed word is flagged neither on its own nor in context, however it is spelled', () => {
    const lex = buildLexicon({ remove: ['Goblok', 'anjing', 'otak udang'] });
    expect(reasons('pejabat goblok', lex)).toEqual([]);
    expect(reasons('g0bl0kkk', lex)).toEqual([]);
    expect(reasons('Dasar anjing!', lex)).toEqual([]);
    expect(reasons('dasar otak udang', lex)).toEqual([]);
    expect(reasons('pejabat tolol', lex)).toEqual(['kata kasar: tolol']);
  });

  it('changes make a new lexicon and leave the default alone', () => {
    buildLexicon({ remove: ['goblok'], add: ['culas'] });
    expect(DEFAULT_LEXICON.words.has('goblok')).toBe(true);
    expect(DEFAULT_LEXICON.words.has('culas')).toBe(false);
  });

  it('ignores blank entries', () => {
    const lex = buildLexicon({ add: ['', '   ', '!!!'], remove: [''] });
    expect(lex.words.size).toBe(DEFAULT_LEXICON.words.size);
  });
});
