// No import: the listener page takes LIMITS and normalizeLine, and must not take the table
// of every error message with them (the checks that answer with one are in lines.ts).

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
