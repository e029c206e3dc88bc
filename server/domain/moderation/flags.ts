// Flags with reasons for the screener, on every incoming question, usulan and SMS/WhatsApp
// message. A flag never drops a voice: it says why the screener should look (the item is
// sorted into "perlu dicek", or held instead of going live), and the screener approves,
// rejects or blocks. A reason names only a list word or a fixed label, never the
// listener's own text, so it is safe on any staff card and in logs.
//
// textFlags reads one text; contextFlags reads it among the recent items of the episode
// (the same text from several listeners, one listener posting fast). Both are pure: times
// come in with the items, there is no clock.
import { abusiveWords } from './abuse.ts';
import { flag, type Flag } from '../../contract/moderation.ts';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon.ts';
import { fold, normalize } from './normalize.ts';
import { hasLink, hasPhone, isQuestionLike, isShouted, promotion } from './spam.ts';

export { FLAG_CATEGORIES, FLAG_KIND, FLAG_LABEL, KIND_LABEL, type Flag, type FlagCategory, type FlagKind } from '../../contract/moderation.ts';
export { buildLexicon, DEFAULT_LEXICON, type Lexicon, type LexiconChanges } from './lexicon.ts';
export { normalize } from './normalize.ts';

/** At most this many words are named in one "kata kasar: …" reason. */
const NAMED_WORDS = 3;

export function textFlags(text: string, lexicon: Lexicon = DEFAULT_LEXICON): Flag[] {
  const f = fold(text);
  const folded = f.words.join(' ');
  const out: Flag[] = [];
  const bad = abusiveWords(f, lexicon);
  if (bad.length > 0) {
    const named = bad.slice(0, NAMED_WORDS).join(', ') + (bad.length > NAMED_WORDS ? ', …' : '');
    out.push(flag('kata_kasar', `kata kasar: ${named}`));
  }
  const link = hasLink(text);
  const phone = hasPhone(text);
  if (link) out.push(flag('tautan'));
  if (phone) out.push(flag('nomor_telepon'));
  const shouted = isShouted(text);
  const promo = promotion(text, folded, link || phone, shouted);
  if (promo) out.push(flag('promosi', promo.label));
  // Capitals alone are how many feature-phone users write: shouting is capitals with a
  // contact, a promotion, or an exclamation mark in a text that is not a question.
  if (shouted && (link || phone || promo || (text.includes('!') && !isQuestionLike(text, folded)))) out.push(flag('huruf_besar'));
  return out;
}

/** One incoming item as contextFlags sees it. */
export interface Posting {
  /** The sender: a listener token's id or a phone number's hash. */
  readonly author: string;
  /** When it arrived, in ms. */
  readonly at: number;
  readonly text: string;
  /** sameTextKey(text), if the caller keeps it (otherwise it is looked up in a memo of recent texts). */
  readonly key?: string;
}

export interface ContextOptions {
  /** Distinct listeners sending the same text, this one included, for "teks sama". */
  readonly sameTextListeners?: number;
  readonly sameTextWindowMs?: number;
  /** Shorter folded texts ("halo", "terima kasih") are the same by nature. */
  readonly sameTextMinLength?: number;
  /** Items from one listener within fastWindowMs, this one included, for "terlalu cepat". */
  readonly fastCount?: number;
  readonly fastWindowMs?: number;
}

const DEFAULTS: Required<ContextOptions> = {
  sameTextListeners: 3,
  sameTextWindowMs: 30 * 60_000,
  sameTextMinLength: 12,
  fastCount: 4,
  fastWindowMs: 2 * 60_000,
};

// Folding each of the 50 recent items again for every new one would cost ~0.6 ms: the keys
// of recently seen texts are remembered (a bounded memo: the answer is the same either way).
const KEYS = new Map<string, string>();
const KEYS_KEPT = 2048;

/** The key under which two texts count as the same: their folded form. */
export function sameTextKey(text: string): string {
  let key = KEYS.get(text);
  if (key === undefined) {
    key = normalize(text);
    if (KEYS.size >= KEYS_KEPT) KEYS.delete(KEYS.keys().next().value!);
    KEYS.set(text, key);
  }
  return key;
}

function span(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} menit` : `${Math.round(ms / 1000)} detik`;
}

/**
 * Flags from the item's neighbours: `recent` holds the episode's items received before it,
 * in any order (the item itself and anything later than it are ignored).
 */
export function contextFlags(item: Posting, recent: readonly Posting[], options: ContextOptions = {}): Flag[] {
  const o = { ...DEFAULTS, ...options };
  const key = item.key ?? sameTextKey(item.text);
  const longEnough = key.length >= o.sameTextMinLength;
  const authors = new Set([item.author]);
  let mine = 1;
  for (const p of recent) {
    if (p === item || p.at > item.at) continue;
    const age = item.at - p.at;
    if (p.author === item.author && age <= o.fastWindowMs) mine++;
    if (longEnough && p.author !== item.author && age <= o.sameTextWindowMs && (p.key ?? sameTextKey(p.text)) === key) authors.add(p.author);
  }
  const out: Flag[] = [];
  if (authors.size >= o.sameTextListeners) out.push(flag('teks_sama', `teks sama dari ${authors.size} pendengar`));
  if (mine >= o.fastCount) out.push(flag('terlalu_cepat', `terlalu cepat: ${mine} pesan dalam ${span(o.fastWindowMs)}`));
  return out;
}
