import { infoOf } from './episode.ts';
import { isMember } from './members.ts';
import type { ClosingStatement, Episode, EpisodeInfo, EpisodeStatus, Id, Note, Question, QuestionStatus } from './types.ts';

// What each audience may see. Listener tokens (askedBy, voters) never leave the server.

export interface QuestionView {
  id: Id;
  text: string;
  channel: Question['channel'];
  askerName: string | null;
  askerLocation: string | null;
  status: QuestionStatus;
  votes: number;
  createdAt: string;
  onAirAt: string | null;
  answeredAt: string | null;
  mergedInto: Id | null;
}

export interface EpisodeView extends EpisodeInfo {
  id: Id;
  code: string;
  status: EpisodeStatus;
  startedAt: string | null;
  endedAt: string | null;
  listenerCount: number;
}

export interface EpisodeSummary {
  id: Id;
  code: string;
  status: EpisodeStatus;
  series: string;
  number: number | null;
  title: string;
  startsAt: string;
  timeZone: string;
}

export interface ListenerSnapshot {
  audience: 'listener';
  episode: EpisodeView;
  /** Approved, on-air and answered questions. */
  questions: QuestionView[];
  /** The listener's own questions in any status, so they can follow moderation. */
  mine: QuestionView[];
  myVotes: Id[];
  seq: number;
}

export interface StaffSnapshot {
  audience: 'staff';
  episode: EpisodeView;
  questions: QuestionView[];
  notes: Note[];
  closing: ClosingStatement[];
  seq: number;
}

/** Statuses a listener may see for questions that are not their own. */
export const LISTENER_VISIBLE: ReadonlySet<QuestionStatus> = new Set(['approved', 'on_air', 'answered']);

export function questionView(q: Question): QuestionView {
  return {
    id: q.id,
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
  };
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
  };
}

export function episodeSummary(e: Episode): EpisodeSummary {
  return { id: e.id, code: e.code, status: e.status, series: e.series, number: e.number, title: e.title, startsAt: e.startsAt, timeZone: e.timeZone };
}

export function listenerSnapshot(e: Episode, listenerId: Id, seq: number): ListenerSnapshot {
  const questions: QuestionView[] = [];
  const mine: QuestionView[] = [];
  const myVotes: Id[] = [];
  for (const q of e.questions) {
    if (LISTENER_VISIBLE.has(q.status)) questions.push(questionView(q));
    if (q.askedBy === listenerId) mine.push(questionView(q));
    if (isMember(q.voters, listenerId)) myVotes.push(q.id);
  }
  return { audience: 'listener', episode: episodeView(e), questions, mine, myVotes, seq };
}

export function staffSnapshot(e: Episode, seq: number): StaffSnapshot {
  return { audience: 'staff', episode: episodeView(e), questions: e.questions.map(questionView), notes: e.notes, closing: e.closing, seq };
}
