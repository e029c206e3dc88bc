// The moderation flags' reasons as staff pages show them. The server words each reason in
// Indonesian from a closed set of shapes (server/domain/moderation/flags.ts): a category's
// label, sometimes with the list words or a count ("kata kasar: goblok", "teks sama dari 5
// pendengar"). Read back into category and values, a reason can be drawn by its kind and
// worded in English; one in a shape not known here is shown as the server wrote it. Pure
// (no Svelte, no i18n), so it is unit-tested.
import { FLAG_CATEGORIES, FLAG_KIND, FLAG_LABEL } from '$contract/moderation.ts';
import type { FlagCategory, FlagKind } from '$contract/moderation.ts';

export interface ReadFlag {
  category: FlagCategory;
  /** The list words a "kata kasar" or "promosi" reason names ("goblok, anjing"). */
  words?: string;
  /** The count in "teks sama" (listeners) and "terlalu cepat" (messages). */
  n?: number;
  /** The window of "terlalu cepat". */
  span?: { n: number; unit: 'minutes' | 'seconds' };
}

// Longest label first, so a label that begins another one cannot take its reasons.
const BY_LABEL = [...FLAG_CATEGORIES].sort((a, b) => FLAG_LABEL[b].length - FLAG_LABEL[a].length);

/** The reason's category and values, or null for a shape this page does not know. */
export function readFlag(reason: string): ReadFlag | null {
  const category = BY_LABEL.find((c) => reason === FLAG_LABEL[c] || reason.startsWith(`${FLAG_LABEL[c]} `) || reason.startsWith(`${FLAG_LABEL[c]}:`));
  if (!category) return null;
  const rest = reason.slice(FLAG_LABEL[category].length);
  if (rest === '') return { category };
  switch (category) {
    case 'kata_kasar':
    case 'promosi': {
      const m = /^: (.+)$/.exec(rest);
      return m ? { category, words: m[1]! } : null;
    }
    case 'teks_sama': {
      const m = /^ dari (\d+) pendengar$/.exec(rest);
      return m ? { category, n: Number(m[1]) } : null;
    }
    case 'terlalu_cepat': {
      const m = /^: (\d+) pesan dalam (\d+) (menit|detik)$/.exec(rest);
      return m ? { category, n: Number(m[1]), span: { n: Number(m[2]), unit: m[3] === 'menit' ? 'minutes' : 'seconds' } } : null;
    }
    default:
      return null;
  }
}

/** Abuse (what is said) or spam (how it is sent), for the chip's look; null when unknown. */
export function flagKind(reason: string): FlagKind | null {
  const f = readFlag(reason);
  return f ? FLAG_KIND[f.category] : null;
}

/** The keys of the words a page keeps for flags (lib/components/staff/flag-strings.*.json). */
export type FlagKey = `reason.${FlagCategory}` | 'reason.kata_kasar.words' | 'reason.promosi.words' | 'span.minutes' | 'span.seconds';

/** A reason in the page's words (`words` is the page's translator), or as the server wrote it. */
export function flagText(reason: string, words: (key: FlagKey, vars?: Record<string, string | number>) => string): string {
  const f = readFlag(reason);
  if (!f) return reason;
  if (f.words !== undefined) return words(`reason.${f.category as 'kata_kasar' | 'promosi'}.words`, { words: f.words });
  // A count's template without its count would read "{n}": the server's words are better.
  if ((f.category === 'teks_sama' || f.category === 'terlalu_cepat') && f.n === undefined) return reason;
  const span = f.span ? words(`span.${f.span.unit}`, { n: f.span.n }) : '';
  return words(`reason.${f.category}`, f.n !== undefined ? { n: f.n, span } : undefined);
}
