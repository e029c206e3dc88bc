// Which questions a screener might merge a question into. The newer of two look-alikes
// goes into the older one, so the question that has gathered votes longer keeps them.
import type { QuestionView } from '$contract/views.ts';
import { likelyDuplicates } from '../../lib/similarity.ts';

/** Statuses a question can be merged into (the server refuses rejected and merged ones). */
const TARGETS = new Set(['pending', 'approved', 'on_air', 'answered']);
/** Statuses a question can be merged from (one on air or answered has been heard). */
const SOURCES = new Set(['pending', 'approved']);

export function canMerge(q: QuestionView): boolean {
  return SOURCES.has(q.status);
}

export function mergeTargets(q: QuestionView, all: readonly QuestionView[]): QuestionView[] {
  return all.filter((x) => x.id !== q.id && TARGETS.has(x.status));
}

/** Older open questions that read like `q`, best first. */
export function suggestTargets(q: QuestionView, all: readonly QuestionView[], limit = 2): Array<{ item: QuestionView; score: number }> {
  if (!canMerge(q)) return [];
  const older = mergeTargets(q, all).filter((x) => x.createdAt < q.createdAt || (x.createdAt === q.createdAt && x.id < q.id));
  return likelyDuplicates(q.text, older, limit);
}
