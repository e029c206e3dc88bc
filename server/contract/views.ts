// What the server sends each audience of an episode: the snapshots, question and poll
// views, and an erasure's counts. Types only; the server builds them in
// server/domain/views.ts, poll.ts and erasure.ts, the web reads them as $contract/views.ts.
import type { ReaderStats } from './reader.ts';
import type { AudiencePoint, Channel, ClosingStatement, EditEntry, EpisodeInfo, EpisodeStatus, Id, Note, Poll, PollKind, Question, QuestionStatus } from './types.ts';

// Listener tokens (askedBy, voters) never leave the server.
export interface QuestionView {
  id: Id;
  /** Short number read on air ("DUKUNG 12"); absent for questions from before issue 13. */
  number?: number;
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
  /** The notula's heading set after the show; absent: the notula prints `text`. */
  heading?: string | null;
  /** Staff views only: a texting sender's masked number ("0812-••••-5432"). */
  sender?: string;
  /** Staff views only: the flags' reasons ("kata kasar: goblok", "tautan"). */
  flags?: string[];
}

export interface EpisodeView extends EpisodeInfo {
  id: Id;
  code: string;
  status: EpisodeStatus;
  startedAt: string | null;
  endedAt: string | null;
  listenerCount: number;
  /** Set only when staff moved it off startedAt (domain/recording-start.ts). */
  recordingStartedAt?: string | null;
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
  /**
   * On-air and answered questions, and the first page of the approved queue in rank
   * order (QUEUE_PAGE); the rest comes page by page through `episode:questions`.
   */
  questions: QuestionView[];
  /** How many approved questions the queue holds in all (the page may hold fewer). */
  queueTotal?: number;
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
  /** Corrections made after the show, oldest first. */
  edits?: EditEntry[];
  seq: number;
}

export interface PollView {
  id: Id;
  kind: PollKind;
  preset: Poll['preset'];
  question: string;
  options: string[];
  status: Poll['status'];
  resultsVisible: boolean;
  openedAt: string;
  closedAt: string | null;
  /** Per option; null for listeners while the host keeps the results hidden. */
  counts: number[] | null;
  /** Whole percentages that sum to 100 (largest remainder); null when hidden. */
  percents: number[] | null;
  total: number | null;
}

/** What an erasure did (or, as a preview, would do): counts only. */
export interface ErasureSummary {
  /** Questions deleted. */
  questionsWithdrawn: number;
  /** Questions kept (on air, answered, referred to) with name and place removed. */
  questionsAnonymised: number;
  /** Usulan deleted. */
  aspirationsWithdrawn: number;
  /** Usulan kept (forwarded, merged) without contact and no longer linked to the listener. */
  aspirationsAnonymised: number;
  /** Name/phone contacts removed (withdrawn usulan included). */
  contactsRemoved: number;
}

// ---- Staff analytics of one episode (GET /api/episodes/:id/analytics; domain/analytics.ts) ----

/** Questions of one channel (or all of them) by what became of them. */
export interface QuestionCounts {
  channel: Channel | 'all';
  /** Every question that came in, whatever became of it. */
  received: number;
  /** Still waiting for a screener. */
  pending: number;
  /** Passed the screener and still stand (approved, on air or answered). */
  approved: number;
  /** Put on air at some point (on air now or answered). */
  aired: number;
  merged: number;
  rejected: number;
}

/** A live poll's turnout: answers against the listeners present while it was open. */
export interface PollTurnout {
  id: Id;
  question: string;
  status: Poll['status'];
  openedAt: string;
  closedAt: string | null;
  answers: number;
  /** The most listeners connected while it was open (or, with no samples, all who joined). */
  present: number;
  /** Where `present` comes from: the sampled series, or the joined total when there is none. */
  presentFrom: 'connected' | 'joined';
  /** Whole percent of `present` who answered; null when nobody was present. */
  turnoutPercent: number | null;
}

export interface EpisodeAnalytics {
  episodeId: Id;
  /** When these figures were taken (the server's clock): an open poll's window ends here. */
  asOf: string;
  status: EpisodeStatus;
  title: string;
  timeZone: string;
  startedAt: string | null;
  endedAt: string | null;
  listeners: {
    /** Distinct listeners who joined (the notula's "Pendengar bergabung"). */
    total: number;
    peak: AudiencePoint | null;
    /** Connected listener sockets over time, oldest first. */
    series: AudiencePoint[];
  };
  questions: {
    /** One row per channel that brought at least one question, in CHANNELS order. */
    byChannel: QuestionCounts[];
    total: QuestionCounts;
    /** An imported episode's count of questions received (its full list is gone); else null. */
    archivedReceived: number | null;
  };
  votes: {
    /** Votes standing on questions now. */
    total: number;
    /** Distinct listeners who voted. */
    voters: number;
  };
  polls: PollTurnout[];
  /**
   * The published notula's page views and reader poll (issue 12 item 3): filled by the
   * reader-poll work; null until that is wired in (and for an episode nobody can read yet).
   */
  reader: ReaderStats | null;
}

/** What readers of the published episode page did (server/contract/reader.ts). */
export type { ReaderStats } from './reader.ts';
