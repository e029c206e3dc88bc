// Checks of single-line text fields that answer with a refusal (text_empty, text_too_long).
// Apart from text.ts so a page that only needs the limits does not load every error message.
import { fail } from './errors.ts';
import type { DomainError } from './errors.ts';
import { normalizeLine } from './text.ts';

export type TextResult = { ok: true; text: string } | { ok: false; error: DomainError };

export function requiredLine(raw: string, max: number, what: string): TextResult {
  const text = normalizeLine(raw);
  if (text.length === 0) return fail('text_empty', `(${what})`);
  if ([...text].length > max) return fail('text_too_long', `${what} paling banyak ${max} karakter.`);
  return { ok: true, text };
}

/** An optional single-line field: empty becomes null. */
export function optionalLine(raw: string | null | undefined, max: number, what: string):
  { ok: true; text: string | null } | { ok: false; error: DomainError } {
  if (raw == null) return { ok: true, text: null };
  const text = normalizeLine(raw);
  if (text.length === 0) return { ok: true, text: null };
  if ([...text].length > max) return fail('text_too_long', `${what} paling banyak ${max} karakter.`);
  return { ok: true, text };
}

/** One field for lines(): its raw text, its limit, its name in an error, and whether it may be empty. */
export type LineField =
  | readonly [raw: string, max: number, what: string]
  | readonly [raw: string | null | undefined, max: number, what: string, optional: 'optional'];
type LineValues<S> = { [K in keyof S]: S[K] extends readonly [unknown, number, string, 'optional'] ? string | null : string };

/**
 * Checks several single-line fields in the order given and answers with the first refusal,
 * so a form's fields are stated once as data instead of a check-and-return per field.
 */
export function lines<S extends Record<string, LineField>>(fields: S): { ok: true; values: LineValues<S> } | { ok: false; error: DomainError } {
  const values: Record<string, string | null> = {};
  for (const [key, field] of Object.entries(fields)) {
    const r = field[3] === 'optional' ? optionalLine(field[0], field[1], field[2]) : requiredLine(field[0] ?? '', field[1], field[2]);
    if (!r.ok) return r;
    values[key] = r.text;
  }
  return { ok: true, values: values as LineValues<S> };
}
