// The vocabulary of product.md, shared by server, web and tests. Plain data only:
// every value here survives JSON.stringify/parse unchanged, so the store, the wire
// and the transcripts all carry the same shapes.

export type Id = string;
/** ISO 8601 instant in UTC, e.g. "2019-03-16T12:00:00.000Z". */
export type Instant = string;

export const CHANNELS = ['web', 'sms', 'whatsapp', 'phone', 'studio', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const QUESTION_STATUSES = ['pending', 'approved', 'on_air', 'answered', 'rejected', 'merged'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const EPISODE_STATUSES = ['draft', 'live', 'ended'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

export const ROLES = ['admin', 'host', 'screener', 'notulis', 'planner'] as const;
export type Role = (typeof ROLES)[number];

export interface Speaker {
  id: Id;
  /** Full name with titles: "Sulistiani S.Sos., M.Si." */
  fullName: string;
  /** On-air short name: "Bu Lis". */
  shortName: string;
  position: string;
  agency: string;
}

export interface Question {
  id: Id;
  text: string;
  channel: Channel;
  askerName: string | null;
  askerLocation: string | null;
  status: QuestionStatus;
  /** Listener token id of the web asker; null for questions typed in by staff. */
  askedBy: Id | null;
  /** Listener ids who voted, in vote order. One per listener. */
  voters: Id[];
  createdAt: Instant;
  onAirAt: Instant | null;
  answeredAt: Instant | null;
  /** Set when status is "merged": the question it was merged into. */
  mergedInto: Id | null;
}

/** Who a note is attributed to: speakers of the episode, or a free label (an agency). */
export type Attribution =
  | { kind: 'speakers'; speakerIds: Id[] }
  | { kind: 'agency'; label: string }
  | { kind: 'none' };

export interface Note {
  id: Id;
  /** The question on air when it was written; null for a free note. */
  questionId: Id | null;
  by: Attribution;
  text: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export type ClosingStatement =
  | { speakerId: Id; kind: 'paragraph'; text: string }
  | { speakerId: Id; kind: 'points'; points: string[] };

/** Figures kept for episodes imported from a transcript, whose full question list is gone. */
export interface ArchivedCounts {
  questionsReceived: number;
  listeners: number;
}

export interface EpisodeInfo {
  series: string;
  /** "WONOSOBO MUDA x PESONA FM" */
  partners: string;
  number: number | null;
  title: string;
  place: string;
  startsAt: Instant;
  /** IANA zone, e.g. "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA), "Asia/Jayapura" (WIT). */
  timeZone: string;
  /** null means "selesai" (open end). */
  endsAt: Instant | null;
  recordingUrl: string | null;
  hosts: string[];
  speakers: Speaker[];
  premoderation: boolean;
}

export interface Episode extends EpisodeInfo {
  id: Id;
  code: string;
  status: EpisodeStatus;
  createdAt: Instant;
  startedAt: Instant | null;
  endedAt: Instant | null;
  questions: Question[];
  notes: Note[];
  closing: ClosingStatement[];
  /** Listener ids that joined while the episode was live or draft. */
  listeners: Id[];
  archived: ArchivedCounts | null;
}

/** Who is acting: a listener (by token id) or a staff member with a role. */
export type Actor =
  | { kind: 'listener'; listenerId: Id }
  | { kind: 'staff'; staffId: Id; role: Role; name: string };
