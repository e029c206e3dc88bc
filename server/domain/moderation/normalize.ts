// Listener text folded for matching against word lists. People who want an insult past a
// filter write it "g0bl0k", "anj1ng", "@njing", "4nj1n9", "goblokkkk", "g o b l o k",
// "a.n.j.i.n.g", "k*nt*l", "kon-tol", with full-width or Cyrillic letters or zero-width
// spaces inside. Folding undoes those while keeping word boundaries, so a list word still
// has to be a whole word: "asu" is not found in "asuransi", "tai" not in "pantai".
//
// The folded word is: lower case, accents dropped (NFKD without marks), look-alike
// Cyrillic/Greek letters read as Latin, digits and @ $ ! | read as letters where the word
// has letters ("rt03" too becomes "rtoe": harmless, it matches no list word), a letter
// repeated any number of times read once ("anjiiing" → "anjing"; list words are folded the
// same way, so "nggateli" still matches itself), and a run of three or more one-letter
// words joined ("g o b l o k" → "goblok"). A digit-only word is left alone: "741" stays.

/** Leet: what a digit or symbol stands for inside a word. "1" and "|" are also tried as "l". */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'i',
};

/** Cyrillic and Greek letters that look like Latin ones, as used to dodge filters. */
const LOOKALIKE: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', к: 'k',
  м: 'm', т: 't', в: 'b', н: 'h', ο: 'o', α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ρ: 'p',
  τ: 't', υ: 'u',
};

// A word: letters, digits and the leet symbols @ $; inside it also ' ! | * (blo'on, anj!ng,
// g*blok); trailing * kept (anj**). "!" at a word's end is punctuation, not a letter.
const TOKEN = /[\p{L}\p{N}@$]+(?:['’!|*]+[\p{L}\p{N}@$]+)*\**/gu;
const HAS_LETTER = /\p{L}/u;
const LEET_CHARS = /[0-9@$!|]/g;
const STRETCH = /(\p{L})\1\1/u;
const REPEAT = /(\p{L})\1+/gu;

export interface Folded {
  /** The words in matching form. */
  readonly words: readonly string[];
  /**
   * Other readings of a word: with "1" and "|" as "l" (k0nt01), and for joined single letters,
   * without a letter at either end, which may be a one-letter word beside them ("y a n c u k").
   */
  readonly also: ReadonlyMap<number, readonly string[]>;
  /** Per word: written in disguise (leet, a letter stretched to three, spaced letters, a *). */
  readonly disguised: readonly boolean[];
  /** Per word: its clause. Clauses end at , ; : ! ? … a line break, or a "." before a space. */
  readonly clause: readonly number[];
  /** Per clause: how it ended: "!", "?", "," (also ; :), "." (also … and a line break), "" at the text's end. */
  readonly clauseEnd: readonly string[];
  /** A word glued to the next by one . - or _ and no space ("kon-tol"): the two joined, by the first's index. */
  readonly glued: ReadonlyMap<number, string>;
}

interface Raw { readonly text: string; readonly gap: string; readonly folded: string }

function prepare(text: string): string {
  // Lower case on both sides of NFKD: "𝐀" and "🄐" decompose to capitals, "İ" lower-cases to i + a mark.
  let s = text.toLowerCase().normalize('NFKD').toLowerCase().normalize('NFKD').replace(/[\p{M}\p{Cf}]/gu, '');
  if (/[\u0370-\u04ff]/u.test(s)) s = s.replace(/[\u0370-\u04ff]/gu, (c) => LOOKALIKE[c] ?? c);
  return s;
}

function foldWord(raw: string, asL = false): string {
  let w = raw.replace(/['’]/g, '');
  if (HAS_LETTER.test(w)) w = w.replace(LEET_CHARS, (c) => (asL && (c === '1' || c === '|') ? 'l' : LEET[c]!));
  return w.replace(REPEAT, '$1');
}

function isBreak(gap: string): boolean {
  return /[,;:!?…\n]/.test(gap) || /\.\s/.test(gap);
}

function endOf(gap: string): string {
  if (gap.includes('!')) return '!';
  if (gap.includes('?')) return '?';
  return /[.…\n]/.test(gap) ? '.' : ',';
}

/** The words of a text in matching form, with clauses and disguises (see the header). */
export function fold(text: string): Folded {
  const s = prepare(text);
  const raws: Raw[] = [];
  let last = 0;
  for (const m of s.matchAll(TOKEN)) {
    raws.push({ text: m[0], gap: s.slice(last, m.index), folded: foldWord(m[0]) });
    last = m.index + m[0].length;
  }
  const tail = s.slice(last);

  const words: string[] = [];
  const also = new Map<number, string[]>();
  const disguised: boolean[] = [];
  const clause: number[] = [];
  const clauseEnd: string[] = [];
  const glued = new Map<number, string>();
  let c = 0;
  const push = (rawText: string, gap: string, folded: string, spaced: boolean, prevRaw: Raw | undefined) => {
    if (words.length > 0 && isBreak(gap)) {
      clauseEnd[c] = endOf(gap);
      c++;
    }
    const i = words.length;
    if (prevRaw && !spaced && /^[._-]$/.test(gap) && words[i - 1]!.length > 1 && folded.length > 1) glued.set(i - 1, words[i - 1] + folded);
    words.push(folded);
    const others = new Set<string>();
    if (/[1|]/.test(rawText) && HAS_LETTER.test(rawText)) others.add(foldWord(rawText, true));
    if (spaced) for (const part of [rawText.slice(1), rawText.slice(0, -1), rawText.slice(1, -1)]) others.add(foldWord(part));
    others.delete(folded);
    if (others.size > 0) also.set(i, [...others]);
    disguised.push(spaced || rawText.includes('*') || STRETCH.test(rawText) || (HAS_LETTER.test(rawText) && /[0-9@$!|]/.test(rawText)));
    clause.push(c);
  };

  for (let i = 0; i < raws.length; ) {
    let j = i;
    while (j < raws.length && raws[j]!.folded.length === 1) j++;
    if (j - i >= 3) {
      const joined = raws.slice(i, j).map((r) => r.text).join('');
      push(joined, raws[i]!.gap, foldWord(joined), true, undefined);
      i = j;
    } else {
      const r = raws[i]!;
      push(r.text, r.gap, r.folded, false, raws[i - 1]);
      i++;
    }
  }
  clauseEnd[c] = /[!?.…]/.test(tail) ? endOf(tail) : '';
  return { words, also, disguised, clause, clauseEnd, glued };
}

/** The text in matching form as one string: its words separated by single spaces. Idempotent. */
export function normalize(text: string): string {
  return fold(text).words.join(' ');
}
