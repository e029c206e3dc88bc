// Which listed words a text uses, as whole words of the folded text (normalize.ts): never a
// word inside another ("asu" in "asuransi", "tai" in "pantai"), but a listed word with an
// Indonesian, Javanese or Sundanese affix counts ("dibego-begoin", "goblokmu", "kontolnya",
// "goblogna"). Context words count only in an abusive phrasing (context-words.ts).
import {
  BEFORE, COLLECTIVE, COPULA, EMPHATIC, INTERJECTION, LIST_WORDS, PERSON, PRONOUN_AFTER,
  PRONOUN_BEFORE, PRONOUN_SHOUTED, THINGS,
} from './context-words.ts';
import type { ContextEntry, Lexicon } from './lexicon.ts';
import type { Folded } from './normalize.ts';

const PREFIXES = ['', 'di', 'ke', 'se', 'nge'];
const SUFFIXES = ['', 'nya', 'mu', 'lah', 'an', 'in', 'kan', 'lu', 'e', 'ne', 'ku', 'tuh', 'na', 'i'];
/** An affix is tried only on a list word this long: "ewe" must not be found in "dewe". */
const MIN_AFFIXED = 4;

function affixed(lexicon: Lexicon, token: string): string | undefined {
  const exact = lexicon.words.get(token);
  if (exact !== undefined) return exact;
  for (const p of PREFIXES) {
    if (!token.startsWith(p)) continue;
    for (const s of SUFFIXES) {
      if ((p === '' && s === '') || !token.endsWith(s)) continue;
      const base = token.slice(p.length, token.length - s.length);
      if (base.length < MIN_AFFIXED) continue;
      const hit = lexicon.words.get(base);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/** "g*blok", "k*nt*l": a masked word read against list words of its length. */
function masked(lexicon: Lexicon, token: string): string | undefined {
  const visible = token.replace(/\*/g, '');
  if (token.length < 4 || visible.length < 2 || token.startsWith('*')) return undefined;
  for (const w of lexicon.byLength.get(token.length) ?? []) {
    let ok = true;
    for (let k = 0; k < w.length && ok; k++) ok = token[k] === '*' || token[k] === w[k];
    if (ok) return lexicon.words.get(w) ?? lexicon.context.get(w)?.listed;
  }
  return undefined;
}

function phraseAt(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) return false;
  return true;
}

/** The indices inside ordinary phrases ("e coli", "tai lalat"): not read as insults. */
function hiddenIndices(f: Folded, lexicon: Lexicon): Set<number> | undefined {
  let hidden: Set<number> | undefined;
  f.words.forEach((w, i) => {
    for (const p of lexicon.ordinary.get(w) ?? []) {
      if (!phraseAt(f.words, i, p)) continue;
      hidden ??= new Set();
      for (let k = 0; k < p.length; k++) hidden.add(i + k);
    }
  });
  return hidden;
}

/** The indices of a clause's words (a clause's words are contiguous). */
function clauseWords(f: Folded, c: number): number[] {
  const out: number[] = [];
  let i = f.clause.indexOf(c);
  if (i < 0) return out;
  for (; i < f.clause.length && f.clause[i] === c; i++) out.push(i);
  return out;
}

/** A strong word shouted on its own: "Anjing!", "Asu, dalane rusak", "anjing semua!". */
function exclaimed(f: Folded, lexicon: Lexicon, c: number): boolean {
  const own = clauseWords(f, c);
  const onlyCurses = own.every((k, n) => {
    const w = f.words[k]!;
    const ctx = lexicon.context.get(w);
    return (ctx?.strength === 'strong') || INTERJECTION.has(w) || lexicon.words.has(w) || (n > 0 && COLLECTIVE.has(w));
  });
  if (!onlyCurses) return false;
  const end = f.clauseEnd[c];
  if (end === '!') return true;
  const sentenceStart = c === 0 || ['.', '!', '?'].includes(f.clauseEnd[c - 1]!);
  if (!sentenceStart) return false;
  if (end === '.' || end === '') return true;
  if (end !== ',') return false;
  const next = clauseWords(f, c + 1).map((k) => f.words[k]!);
  if (next.length === 1) return next[0] === f.words[own[own.length - 1]!]; // "asu, asu, asu" repeats, "anjing, kucing" lists
  return !next.some((w) => LIST_WORDS.has(w));
}

function abusiveHere(f: Folded, lexicon: Lexicon, i: number, w: string, entry: ContextEntry, shouted: Map<number, boolean>): boolean {
  if (f.disguised[i]) return true;
  const c = f.clause[i]!;
  const at = (k: number) => (k >= 0 && k < f.words.length && f.clause[k] === c ? f.words[k] : undefined);
  const prev = at(i - 1);
  const prev2 = at(i - 2);
  const next = at(i + 1);
  if (prev !== undefined && (BEFORE.has(prev) || PERSON.has(prev))) return true;
  if (prev2 === 'dasar') return true;
  const pronouns = THINGS.has(w) ? PRONOUN_AFTER : PRONOUN_BEFORE;
  if (prev !== undefined && pronouns.has(prev)) return true;
  if (prev !== undefined && prev2 !== undefined && COPULA.has(prev) && pronouns.has(prev2)) return true;
  if (next !== undefined && PRONOUN_AFTER.has(next)) return true;
  if (next !== undefined && PRONOUN_SHOUTED.has(next) && f.clauseEnd[c] === '!') return true;
  if (entry.strength !== 'strong') return false;
  if (next !== undefined && EMPHATIC.has(next)) return true;
  let e = shouted.get(c);
  if (e === undefined) shouted.set(c, (e = exclaimed(f, lexicon, c)));
  return e;
}

/** The listed words (as listed) a folded text uses, each once, in the order they appear. */
export function abusiveWords(f: Folded, lexicon: Lexicon): string[] {
  const found = new Set<string>();
  const hidden = hiddenIndices(f, lexicon);
  const shouted = new Map<number, boolean>();
  f.words.forEach((w, i) => {
    if (hidden?.has(i)) return;
    for (const p of lexicon.phrases.get(w) ?? []) if (phraseAt(f.words, i, p.words)) found.add(p.listed);
    const glued = f.glued.get(i);
    for (const token of [w, ...(f.also.get(i) ?? []), glued]) {
      if (token === undefined) continue;
      const hit = affixed(lexicon, token) ?? (token.includes('*') ? masked(lexicon, token) : undefined);
      if (hit !== undefined) { found.add(hit); break; }
      const entry = token === glued ? undefined : lexicon.context.get(token);
      if (entry && abusiveHere(f, lexicon, i, token, entry, shouted)) { found.add(entry.listed); break; }
    }
  });
  return [...found];
}
