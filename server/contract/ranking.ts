import type { QuestionView } from './views.ts';

/** The host's queue order: most votes first, then the oldest (first come, first served). */
export function compareQueue(a: QuestionView, b: QuestionView): number {
  return b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Approved questions in queue order. */
export function rankQueue(questions: readonly QuestionView[]): QuestionView[] {
  return questions.filter((q) => q.status === 'approved').sort(compareQueue);
}
