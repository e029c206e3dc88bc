import { fail } from './errors.ts';
import type { DomainError } from './errors.ts';

export const LIMITS = {
  questionText: 500,
  noteText: 4000,
  name: 80,
  location: 120,
  label: 80,
  episodeField: 200,
  closingPoint: 1000,
  closingPoints: 30,
  pollQuestion: 200,
  pollOption: 80,
  pollOptions: 10,
  aspirationText: 500,
  aspirationProblem: 500,
  rejectReason: 300,
  plannerNote: 2000,
  regionName: 100,
} as const;

/**
 * Direction overrides and isolates (LRE…RLO, LRI…PDI) and the invisible marks LRM, RLM
 * and ALM: in a name or a question they only serve to make the studio screen show text
 * other than what was typed ("‮gnp.exe"), so they go.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Half of a surrogate pair with no other half: not a character, and JSON/HTML turn it into garbage. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Trim, turn every run of whitespace (newlines included) into one space, drop control
 * characters, bidi controls and lone surrogates. Zero-width joiners stay: emoji such as
 * 👨‍👩‍👧 are built from them.
 */
export function normalizeLine(raw: string): string {
  return raw
    .replace(BIDI_CONTROLS, '')
    .replace(LONE_SURROGATES, '')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B\u2028\u2029\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

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
