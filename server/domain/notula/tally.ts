// What became of the questions, for the public: how many were received, aired, merged,
// answered off air and filtered, the filtered ones by the kind of reason only — never their
// text. Filtered means rejected by the screener; the reason is the first flag it carried
// (kata kasar / spam), or "lainnya" when the screener rejected it for a reason of their own.
import { FLAG_KIND, KIND_LABEL } from '../../contract/moderation.ts';
import type { ArchivedCounts, Episode } from '../../contract/types.ts';

export interface Tally {
  aired: number;
  merged: number;
  answeredOffAir: number;
  /** Filtered (rejected) questions by reason label: { "kata kasar": 2, spam: 3, lainnya: 1 }. */
  filtered: Record<string, number>;
}

export const OTHER_REASON = 'lainnya';

/** The tally of a live episode's own questions, or the one its transcript carried (null: a transcript from before tallies). */
export function tallyOf(e: Episode): Tally | null {
  if (e.archived) return archivedTally(e.archived);
  const t: Tally = { aired: 0, merged: 0, answeredOffAir: 0, filtered: {} };
  for (const q of e.questions) {
    if (q.onAirAt !== null) t.aired++;
    if (q.status === 'merged') t.merged++;
    if (q.status === 'answered' && q.onAirAt === null) t.answeredOffAir++;
    if (q.status === 'rejected') {
      const first = q.flags?.[0];
      const label = first ? KIND_LABEL[FLAG_KIND[first.category]] ?? OTHER_REASON : OTHER_REASON;
      t.filtered[label] = (t.filtered[label] ?? 0) + 1;
    }
  }
  return t;
}

function archivedTally(a: ArchivedCounts): Tally | null {
  if (a.aired === undefined || a.merged === undefined || a.answeredOffAir === undefined || a.filtered === undefined) return null;
  return { aired: a.aired, merged: a.merged, answeredOffAir: a.answeredOffAir, filtered: { ...a.filtered } };
}

export function filteredTotal(t: Tally): number {
  return Object.values(t.filtered).reduce((a, b) => a + b, 0);
}

/** "12 (kata kasar 3, spam 8, lainnya 1)" in a fixed order, or "0". */
export function filteredWords(t: Tally): string {
  const total = filteredTotal(t);
  if (total === 0) return '0';
  const order = [KIND_LABEL.abuse, KIND_LABEL.spam, OTHER_REASON];
  const keys = [...order.filter((k) => t.filtered[k]), ...Object.keys(t.filtered).filter((k) => !order.includes(k)).sort()];
  return `${total} (${keys.map((k) => `${k} ${t.filtered[k]}`).join(', ')})`;
}
