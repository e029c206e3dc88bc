import { infoOf } from './episode.ts';
import { isMember } from './members.ts';
import { compareQueue } from '../contract/ranking.ts';
import type { Episode, Id, Question, QuestionStatus } from '../contract/types.ts';
import type { EpisodeSummary, EpisodeView, ListenerSnapshot, QuestionView, StaffSnapshot } from '../contract/views.ts';

/** Statuses a listener may see for questions that are not their own. */
export const LISTENER_VISIBLE: ReadonlySet<QuestionStatus> = new Set(['approved', 'on_air', 'answered']);

export function questionView(q: Question): QuestionView {
  return {
    id: q.id,
    ...(q.number ? { number: q.number } : {}),
    text: q.text,
    channel: q.channel,
    askerName: q.askerName,
    askerLocation: q.askerLocation,
    status: q.status,
    votes: q.voters.length,
    createdAt: q.createdAt,
    onAirAt: q.onAirAt,
    answeredAt: q.answeredAt,
    mergedInto: q.mergedInto,
    // Only when set: a thousand listeners' snapshots need not carry a thousand nulls.
    ...(q.heading ? { heading: q.heading } : {}),
  };
}

/** What staff see of a question: a texting sender's masked number too (never a listener). */
export function staffQuestionView(q: Question): QuestionView {
  const v = questionView(q);
  if (!q.senderMask && !q.flags?.length) return v;
  return { ...v, ...(q.senderMask ? { sender: q.senderMask } : {}), ...(q.flags?.length ? { flags: q.flags.map((f) => f.reason) } : {}) };
}

export function episodeView(e: Episode): EpisodeView {
  return {
    ...infoOf(e),
    id: e.id,
    code: e.code,
    status: e.status,
    startedAt: e.startedAt,
    endedAt: e.endedAt,
    listenerCount: e.archived?.listeners ?? e.listeners.length,
    ...(e.recordingStartedAt ? { recordingStartedAt: e.recordingStartedAt } : {}),
  };
}

export function episodeSummary(e: Episode): EpisodeSummary {
  return { id: e.id, code: e.code, status: e.status, series: e.series, number: e.number, title: e.title, startsAt: e.startsAt, timeZone: e.timeZone };
}

/**
 * Approved questions a listener gets at once. 1,000 of them made a 697 KB snapshot that
 * every joining phone downloaded and the server serialised per socket; a phone shows a
 * screenful, and the rest arrives page by page when the listener asks for it.
 */
export const QUEUE_PAGE = 50;
export const QUEUE_PAGE_MAX = 200;

/** Approved questions in queue order, from `offset`, at most `limit`. */
export function queuePage(e: Episode, offset: number, limit: number): { questions: QuestionView[]; total: number } {
  const queue = e.questions.filter((q) => q.status === 'approved').map(questionView).sort(compareQueue);
  return { questions: queue.slice(offset, offset + limit), total: queue.length };
}

/**
 * What every listener of the episode sees alike: the same for all, so it is built and
 * serialised once (realtime/snapshot.ts). "mine" and "myVotes" are empty here.
 */
export function sharedListenerSnapshot(e: Episode, seq: number, pageSize = QUEUE_PAGE): ListenerSnapshot {
  const page = queuePage(e, 0, pageSize);
  const onPage = new Set(page.questions.map((q) => q.id));
  // In the episode's own order, as before paging (clients sort for themselves).
  const questions = e.questions.filter((q) => q.status === 'on_air' || q.status === 'answered' || onPage.has(q.id)).map(questionView);
  return { audience: 'listener', episode: episodeView(e), questions, queueTotal: page.total, mine: [], myVotes: [], seq };
}

/** The part of a listener's snapshot that is theirs alone. */
export function listenerOwn(e: Episode, listenerId: Id): { mine: QuestionView[]; myVotes: Id[] } {
  const mine: QuestionView[] = [];
  const myVotes: Id[] = [];
  for (const q of e.questions) {
    if (q.askedBy === listenerId) mine.push(questionView(q));
    if (isMember(q.voters, listenerId)) myVotes.push(q.id);
  }
  return { mine, myVotes };
}

export function listenerSnapshot(e: Episode, listenerId: Id, seq: number, pageSize = QUEUE_PAGE): ListenerSnapshot {
  return { ...sharedListenerSnapshot(e, seq, pageSize), ...listenerOwn(e, listenerId) };
}

export function staffSnapshot(e: Episode, seq: number): StaffSnapshot {
  return { audience: 'staff', episode: episodeView(e), questions: e.questions.map(staffQuestionView), notes: e.notes, closing: e.closing, edits: e.edits ?? [], seq };
}
