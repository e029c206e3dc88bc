// Flags on what listeners send: the text's own signs and its neighbours' (the same text from
// several listeners, one listener posting fast), read from the episode's recent items. Pure:
// the time is the command's, the word list comes with the context.
import { contextFlags, textFlags } from './flags.ts';
import type { Posting } from './flags.ts';
import { DEFAULT_LEXICON } from './lexicon.ts';
import type { Lexicon } from './lexicon.ts';
import type { StoredFlag } from '../../contract/moderation.ts';
import type { Id } from '../../contract/types.ts';

/** The items looked at for "teks sama" and "terlalu cepat": the latest ones are enough. */
const RECENT = 200;

export interface Incoming {
  author: Id;
  /** ISO instant of the command. */
  at: string;
  /** What is read for words and spam signs: the text and any name or place sent with it. */
  text: string;
  /** Only the main text counts as "the same text". */
  body: string;
}

/** Recent items as postings, newest last (`items` in arrival order). */
export function postings<T>(items: readonly T[], read: (item: T) => { author: Id | null; at: string; text: string }): Posting[] {
  const out: Posting[] = [];
  for (let i = Math.max(0, items.length - RECENT); i < items.length; i++) {
    const p = read(items[i]!);
    if (p.author) out.push({ author: p.author, at: Date.parse(p.at), text: p.text });
  }
  return out;
}

export function incomingFlags(item: Incoming, recent: readonly Posting[], lexicon: Lexicon = DEFAULT_LEXICON): StoredFlag[] {
  const flags = [
    ...textFlags(item.text, lexicon),
    ...contextFlags({ author: item.author, at: Date.parse(item.at), text: item.body }, recent),
  ];
  return flags.map((f) => ({ category: f.category, reason: f.reason }));
}
