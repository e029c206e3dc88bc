// The words a station flags: the package's list (indonesian-badwords) and our regional
// additions (words-regional.ts), plus what the admin added, minus what the admin removed.
// Words with an ordinary meaning are kept apart and count only in an abusive phrasing
// (context-words.ts). Every entry is folded the way listener text is (normalize.ts), so
// "blo'on", "bloon" and "blooon" are one entry, and an entry keeps the spelling it was
// listed with for the screener's card ("kata kasar: goblok").
import packageWords from 'indonesian-badwords/src/dict.json' with { type: 'json' };
import { CONTEXT_WORDS, NOT_ABUSE, ORDINARY_PHRASES, type Strength } from './context-words.ts';
import { fold } from './normalize.ts';
import { REGIONAL_PHRASES, REGIONAL_WORDS } from './words-regional.ts';

export interface ContextEntry { readonly listed: string; readonly strength: Strength }
export interface Phrase { readonly words: readonly string[]; readonly listed: string }

export interface Lexicon {
  /** Folded word → as listed: flagged wherever it stands as a whole word (or with an affix). */
  readonly words: ReadonlyMap<string, string>;
  /** Folded word → as listed, with its strength: flagged only in an abusive phrasing. */
  readonly context: ReadonlyMap<string, ContextEntry>;
  /** Insults of several words, by their first folded word. */
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  /** Ordinary phrases that hide a listed word ("e coli", "tai lalat"), by their first folded word. */
  readonly ordinary: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Folded words and context words by length (words first), for words masked with "*". */
  readonly byLength: ReadonlyMap<number, readonly string[]>;
}

/** A folded word shorter than this is no entry: "tll" folds to "tl", "mmk" to "mk" (the Constitutional Court). */
const MIN_WORD = 3;

export interface LexiconChanges {
  /** The admin's words: flagged wherever they stand, even a built-in context word. */
  readonly add?: readonly string[];
  /** The admin's removals: neither flagged on its own nor in context. */
  readonly remove?: readonly string[];
}

/** The package's own list, as shipped. */
export const PACKAGE_WORDS: readonly string[] = packageWords;

function folded(entry: string): string[] {
  return [...fold(entry).words];
}

function listedForm(entry: string): string {
  return entry.trim().toLowerCase().replace(/\s+/g, ' ');
}

function byFirst<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildLexicon(changes: LexiconChanges = {}): Lexicon {
  const removed = new Set((changes.remove ?? []).map((e) => folded(e).join(' ')).filter(Boolean));
  const words = new Map<string, string>();
  const context = new Map<string, ContextEntry>();
  const phraseList: Phrase[] = [];
  const notAbuse = new Set(NOT_ABUSE.map((e) => folded(e).join(' ')));
  const strengths = new Map(Object.entries(CONTEXT_WORDS).map(([w, s]) => [folded(w).join(' '), s]));

  const put = (entry: string, forceWord: boolean) => {
    const ws = folded(entry);
    const key = ws.join(' ');
    if (key.length < MIN_WORD || removed.has(key) || (!forceWord && notAbuse.has(key))) return;
    if (ws.length > 1) {
      phraseList.push({ words: ws, listed: listedForm(entry) });
      return;
    }
    const strength = strengths.get(key);
    if (strength && !forceWord) {
      if (!context.has(key)) context.set(key, { listed: listedForm(entry), strength });
      return;
    }
    context.delete(key);
    if (!words.has(key) || forceWord) words.set(key, listedForm(entry));
  };

  for (const e of PACKAGE_WORDS) put(e, false);
  for (const e of REGIONAL_WORDS) put(e, false);
  for (const e of REGIONAL_PHRASES) put(e, false);
  for (const e of Object.keys(CONTEXT_WORDS)) put(e, false);
  for (const e of changes.add ?? []) put(e, true);

  const phrases = new Map<string, Phrase[]>();
  for (const p of phraseList) byFirst(phrases, p.words[0]!, p);
  const ordinary = new Map<string, string[][]>();
  for (const e of ORDINARY_PHRASES) {
    const ws = folded(e);
    if (ws.length > 1) byFirst(ordinary, ws[0]!, ws);
  }
  const byLength = new Map<number, string[]>();
  for (const w of [...words.keys(), ...context.keys()]) byFirst(byLength, w.length, w);
  return { words, context, phrases, ordinary, byLength };
}

/** The lexicon with no admin changes. */
export const DEFAULT_LEXICON: Lexicon = buildLexicon();
