// The rules of the reader poll and the view count on a published episode's page. Pure: the
// service (app/reader-service.ts) brings the reader's keys, the day and the file.
//
// One vote per reader: a reader is a signed cookie token, so a second vote from the same
// browser changes nothing. A view counts once per reader per day: the day's keys are kept
// in memory only (a restart may count a reader twice that day; a view acknowledges nothing).
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import type { ReaderStats } from '../contract/reader.ts';
import type { Id } from '../contract/types.ts';
import { largestRemainder } from './percent.ts';
import { SATISFACTION_POLL } from './poll.ts';

/** The seed's poll, on every page (berita-studi-tiru-smart-city: "Bagaimana Tanggapan Anda?"). */
export const READER_POLL = SATISFACTION_POLL;

export interface ReaderRecord {
  views: number;
  /** Reader key (the token's random part) → option index. */
  votes: Record<string, number>;
}

export interface ReaderFile {
  version: 1;
  episodes: Record<Id, ReaderRecord>;
}

export const emptyReaderFile = (): ReaderFile => ({ version: 1, episodes: {} });

export function emptyRecord(): ReaderRecord {
  return { views: 0, votes: {} };
}

/** The keys already counted on one calendar day of the episode's zone. */
export interface ViewDay {
  day: string;
  seen: Set<string>;
}

/** Counts a view unless one of the reader's keys was counted today; all of them are marked. */
export function countView(rec: ReaderRecord, today: ViewDay, keys: readonly string[]): boolean {
  const counted = !keys.some((k) => today.seen.has(k));
  for (const k of keys) today.seen.add(k);
  if (counted) rec.views++;
  return counted;
}

/** The form's value: "1"…"4" as printed next to each choice. */
export function parseOption(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^[1-9]$/.test(raw.trim())) return null;
  const n = Number(raw.trim()) - 1;
  return n < READER_POLL.options.length ? n : null;
}

export type VoteOutcome = { ok: true; option: number } | { ok: false; error: DomainError };

export function castReaderVote(rec: ReaderRecord, reader: string, raw: unknown): VoteOutcome {
  if (raw === undefined || raw === null || raw === '') return fail('reader_choice_missing');
  const option = parseOption(raw);
  if (option === null) return fail('poll_option_invalid');
  if (Object.hasOwn(rec.votes, reader)) return fail('reader_already_voted');
  // An own property whatever the key ("__proto__" included), as JSON.parse makes it.
  Object.defineProperty(rec.votes, reader, { value: option, enumerable: true, writable: true, configurable: true });
  return { ok: true, option };
}

export function hasVoted(rec: ReaderRecord | undefined, reader: string | null): boolean {
  return !!rec && reader !== null && Object.hasOwn(rec.votes, reader);
}

export function readerStats(rec: ReaderRecord | undefined): ReaderStats {
  const counts = READER_POLL.options.map(() => 0);
  for (const option of Object.values(rec?.votes ?? {})) if (option >= 0 && option < counts.length) counts[option]!++;
  const percents = largestRemainder(counts);
  return {
    views: rec?.views ?? 0,
    poll: {
      question: READER_POLL.question,
      options: READER_POLL.options.map((label, i) => ({ label, count: counts[i]!, percent: percents[i]! })),
      total: counts.reduce((a, b) => a + b, 0),
    },
  };
}
