// The flags' reasons as staff pages read them: every shape the server words (made here by
// the server's own rules, not copied) is read back into its category, drawn by its kind and
// reworded, in Indonesian exactly as the server wrote it; a shape the page does not know is
// shown as it came.
import { describe, expect, it } from 'vitest';
import { contextFlags, textFlags } from '../../server/domain/moderation/flags.ts';
import type { Posting } from '../../server/domain/moderation/flags.ts';
import { FLAG_CATEGORIES } from '../../server/contract/moderation.ts';
import { flagKind, flagText, readFlag } from '../../web/src/lib/flags.ts';
import type { FlagKey } from '../../web/src/lib/flags.ts';
import { pluralForm } from '../../web/src/lib/plural.ts';
import id from '../../web/src/lib/components/staff/flag-strings.id.json';
import en from '../../web/src/lib/components/staff/flag-strings.en.json';

/** The translator's filling, for a dictionary of the test's choosing (the real one needs runes). */
function words(dict: Record<string, string>, lang: 'id' | 'en') {
  return (key: FlagKey, vars?: Record<string, string | number>): string => {
    let s = dict[key]!;
    if (typeof vars?.n === 'number') s = pluralForm(lang, vars.n, s);
    for (const [k, v] of Object.entries(vars ?? {})) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}

const at = Date.parse('2026-10-03T12:00:00Z');
const post = (author: string, sec: number, text: string): Posting => ({ author, at: at + sec * 1000, text });

/** Reasons as the server makes them, one or more of every category. */
function serverReasons(): string[] {
  const out = [
    ...textFlags('Dasar pejabat goblok, anjing semua!'),
    ...textFlags('BELI PULSA MURAH!!! wa.me/6281234567890 hubungi 0812 3456 7890'),
    ...textFlags('DASAR PEJABAT TIDAK BECUS!!!'),
  ].map((f) => f.reason);
  const same = 'Tolong perbaiki jembatan Kali Progo segera';
  out.push(...contextFlags(post('e', 40, same), [post('a', 0, same), post('b', 10, same), post('c', 20, same), post('d', 30, same)]).map((f) => f.reason));
  out.push(...contextFlags(post('x', 50, 'Satu lagi dari saya'), [0, 10, 20, 30, 40].map((s) => post('x', s, `Pertanyaan ${s}`))).map((f) => f.reason));
  out.push(...contextFlags(post('x', 20, 'Lagi'), [0, 5, 10].map((s) => post('x', s, `P${s}`)), { fastWindowMs: 30_000 }).map((f) => f.reason));
  return out;
}

describe('flag reasons on staff cards', () => {
  const reasons = serverReasons();

  it('covers every category the server has', () => {
    expect(new Set(reasons.map((r) => readFlag(r)?.category))).toEqual(new Set(FLAG_CATEGORIES));
  });

  it('reads each of the server\'s reasons back and words it in Indonesian exactly as the server did', () => {
    for (const r of reasons) {
      expect(readFlag(r), r).not.toBeNull();
      expect(flagText(r, words(id, 'id'))).toBe(r);
    }
  });

  it('words them in English', () => {
    const english = reasons.map((r) => flagText(r, words(en, 'en')));
    expect(english).toEqual(expect.arrayContaining([
      'abusive words: goblok, anjing', 'link', 'phone number', 'all capitals',
      'same text from 5 listeners', 'too fast: 6 messages in 2 minutes', 'too fast: 4 messages in 30 seconds',
    ]));
    expect(english.some((s) => s.startsWith('promotion'))).toBe(true);
    expect(flagText('teks sama dari 1 pendengar', words(en, 'en'))).toBe('same text from 1 listener');
  });

  it('tells abuse from spam', () => {
    expect(flagKind('kata kasar: goblok')).toBe('abuse');
    expect(flagKind('tautan')).toBe('spam');
    expect(flagKind('teks sama dari 3 pendengar')).toBe('spam');
  });

  it('shows a reason of an unknown shape as it came', () => {
    for (const r of ['diblokir oleh penyaring', 'teks sama', 'tautanku', 'kata kasar; x', 'terlalu cepat: banyak']) {
      expect(flagText(r, words(en, 'en'))).toBe(r);
    }
    expect(readFlag('tautanku')).toBeNull();
    expect(flagKind('sesuatu yang lain')).toBeNull();
  });
});
