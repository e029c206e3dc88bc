// The admin's changes to the flag list, checked: words a listener might type, not patterns.
import { fail } from '../../contract/errors.ts';
import type { DomainError } from '../../contract/errors.ts';
import type { ModerationWords } from '../../contract/moderation.ts';
import { normalizeLine } from '../../contract/text.ts';

const MAX_WORDS = 500;
const MAX_LENGTH = 40;

/** Trimmed, one space inside, no doubles (ignoring case), each 3–40 characters, at most 500 per list. */
export function checkWords(input: ModerationWords): { ok: true; value: ModerationWords } | { ok: false; error: DomainError } {
  const out: ModerationWords = { add: [], remove: [] };
  for (const key of ['add', 'remove'] as const) {
    const seen = new Set<string>();
    if (input[key].length > MAX_WORDS) return fail('invalid_words', `(paling banyak ${MAX_WORDS} kata)`);
    for (const raw of input[key]) {
      const word = normalizeLine(raw);
      if ([...word].length < 3 || [...word].length > MAX_LENGTH) return fail('invalid_words', `"${word.slice(0, MAX_LENGTH)}": 3 sampai ${MAX_LENGTH} huruf.`);
      const folded = word.toLowerCase();
      if (seen.has(folded)) continue;
      seen.add(folded);
      out[key].push(word);
    }
  }
  const both = out.add.find((w) => out.remove.some((r) => r.toLowerCase() === w.toLowerCase()));
  if (both) return fail('invalid_words', `"${both}" ada di kedua daftar.`);
  return { ok: true, value: out };
}
