// A speaker's closing statement is a paragraph or numbered points (the reference notula
// has both). The notulis may type one and then decide on the other kind, so the text is
// carried across instead of being left behind in a box the page no longer shows (the
// field-trial bug: a paragraph switched to points was saved as nothing). Pure, shared by
// the server's rule and the notulis page.
import { fail } from './errors.ts';
import type { DomainError } from './errors.ts';
import { LIMITS } from './text.ts';
import { requiredLine } from './lines.ts';
import type { ClosingStatement, Id } from './types.ts';

export type ClosingInput =
  | { speakerId: Id; kind: 'paragraph'; text: string }
  | { speakerId: Id; kind: 'points'; points: string[] };

/**
 * Words after which a full stop does not end a sentence: titles, addresses, "dll." and the
 * like, as Indonesian minutes write them ("Jl. Merdeka No. 5", "Drs. Haryanto", "Rp. 5.000").
 */
const ABBREVIATIONS = new Set([
  'no', 'jl', 'jln', 'gg', 'kec', 'kab', 'kel', 'ds', 'dsn', 'prov',
  'bpk', 'bp', 'sdr', 'sdri', 'yth', 'tn', 'ny', 'nn', 'dr', 'drs', 'dra', 'ir', 'prof', 'hj', 'kh',
  'st', 'mr', 'mrs', 'ms', 'rp', 'dll', 'dsb', 'dst', 'dkk', 'tsb', 'ttd', 'tgl', 'hlm', 'telp', 'tlp', 'ket', 'ca',
  'vs', 'etc',
]);

/** A list marker a notulis may type at the start of a line: "1.", "2)", "-", "•", "*". */
const MARKER = /^(?:\d{1,2}[.)]|[-–—•*·])\s+/;
/** Where a sentence may end: its punctuation, closing quotes or brackets, then a space. */
const BOUNDARY = /[.!?…]+["'”’)\]]*\s+/g;
/** A point that already ends like a sentence, or leads into the next (":" ";" ","). */
const ENDED = /[.!?…:;,]["'”’)\]]*$/;

function endsAbbreviation(before: string): boolean {
  const word = /([\p{L}\p{N}.]+)[.!?…]*$/u.exec(before)?.[1] ?? '';
  const bare = word.replace(/\.+$/, '');
  // "M.Si." or "S.Pd." (letters between dots) and a single letter ("A. Yani") are
  // abbreviations; a number of one or two digits opening the sentence is a list marker
  // ("1. Jalan … 2. Air …"). A time, an amount or "Kalimat 3." does end a sentence.
  if (/^(?:\p{L}+\.)+\p{L}+$/u.test(bare) || /^\p{L}$/u.test(bare)) return true;
  if (/^\d{1,2}$/.test(bare) && before.trim() === word) return true;
  return ABBREVIATIONS.has(bare.toLowerCase());
}

/** One line cut into sentences; the cuts fall only in the whitespace between them. */
function sentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of line.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    const next = line.slice(end);
    // A new sentence starts with a capital, a digit or an opening quote.
    if (!/^["'“‘(\[]?[\p{Lu}\p{N}]/u.test(next)) continue;
    if (m[0].startsWith('.') && endsAbbreviation(line.slice(start, m.index + 1))) continue;
    out.push(line.slice(start, end).trim());
    start = end;
  }
  out.push(line.slice(start).trim());
  return out.filter(Boolean);
}

/**
 * A paragraph as numbered points: one point per line when it has several lines, else one
 * per sentence. When every part opens with a list marker ("1.", "2)", "-"), the notulis
 * typed a list and the markers give way to the points' own numbers; otherwise every
 * character stays. Never more than the rule allows: parts past the last point join it.
 */
export function paragraphToPoints(text: string): string[] {
  const lines = text.split(/\r\n|[\n\r\u2028\u2029]/).map((l) => l.trim()).filter(Boolean);
  const found = lines.length > 1 ? lines : sentences(lines[0] ?? '');
  const list = found.length > 1 && found.every((p) => MARKER.test(p) && p.replace(MARKER, '').trim());
  const parts = list ? found.map((p) => p.replace(MARKER, '').trim()) : found;
  if (parts.length <= LIMITS.closingPoints) return parts;
  const keep = parts.slice(0, LIMITS.closingPoints - 1);
  return [...keep, parts.slice(LIMITS.closingPoints - 1).join(' ')];
}

/** Numbered points as one paragraph: each point a sentence of it, in order. */
export function pointsToParagraph(points: readonly string[]): string {
  return points
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (ENDED.test(p) ? p : `${p}.`))
    .join(' ');
}

/**
 * The statement a save would store, tidied, or why it is refused. Blank points are
 * dropped; a save that would leave nothing is refused (`closing_empty`) rather than
 * quietly removing or storing nothing: removing is its own, deliberate action.
 */
export function closingStatement(input: ClosingInput): { ok: true; statement: ClosingStatement } | { ok: false; error: DomainError } {
  if (input.kind === 'paragraph') {
    const text = requiredLine(input.text, LIMITS.noteText, 'Pernyataan penutup');
    if (!text.ok) return text.error.code === 'text_empty' ? fail('closing_empty') : text;
    return { ok: true, statement: { speakerId: input.speakerId, kind: 'paragraph', text: text.text } };
  }
  if (input.points.length > LIMITS.closingPoints) {
    // Blank boxes do not count against the limit: they are dropped anyway.
    const filled = input.points.filter((p) => p.trim());
    if (filled.length > LIMITS.closingPoints) return fail('text_too_long', `Paling banyak ${LIMITS.closingPoints} butir.`);
  }
  const points: string[] = [];
  for (const raw of input.points) {
    const p = requiredLine(raw, LIMITS.closingPoint, 'Butir penutup');
    if (!p.ok && p.error.code !== 'text_empty') return p;
    if (p.ok) points.push(p.text);
  }
  if (points.length === 0) return fail('closing_empty');
  return { ok: true, statement: { speakerId: input.speakerId, kind: 'points', points } };
}
