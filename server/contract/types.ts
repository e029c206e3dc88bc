// The vocabulary of product.md, shared by server, web and tests. Plain data only:
// every value here survives JSON.stringify/parse unchanged, so the store, the wire
// and the transcripts all carry the same shapes.

import type { StoredFlag } from './moderation.ts';

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
  /**
   * The short number read on air and texted back ("DUKUNG 12"): 1, 2, 3… in the order asked,
   * per episode. Absent in questions saved before issue 13.
   */
  number?: number;
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
  /** The texting sender's number as the screener may see it ("0812-••••-5432"); staff only, never exported. */
  senderMask?: string;
  /** Why the screener should look (domain/moderation): staff only; absent when nothing was found. */
  flags?: StoredFlag[];
  /** Set while its asker is blocked: the status it had, given back on unblock (it is "rejected" meanwhile). */
  blockedFrom?: QuestionStatus;
  /** Votes of blocked listeners, taken out of `voters` while they are blocked. */
  suspendedVoters?: Id[];
  /**
   * The notula's heading, written by staff after the show (the text stays as asked).
   * Absent in questions saved before corrections existed.
   */
  heading?: string | null;
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
  /** The public tally (domain/notula/tally.ts); absent in transcripts from before it. */
  aired?: number;
  merged?: number;
  answeredOffAir?: number;
  /** Filtered questions by reason label ("kata kasar", "spam", "lainnya"). */
  filtered?: Record<string, number>;
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
  /**
   * Store bookkeeping: the file holds every line of the journal generations before this one
   * (store/journal.ts). Absent in files from before question and join lines were journaled.
   */
  journalGen?: number;
  archived: ArchivedCounts | null;
  /** Polls opened during the show (absent in episodes saved before polls existed). */
  polls?: Poll[];
  /** The notula's aspiration section of an episode imported from a transcript. */
  archivedAspirations?: NotulaAspiration[];
  /** Corrections made after the show, oldest first (absent until the first one). */
  edits?: EditEntry[];
  /**
   * When the recording's second 0 was on air, set after the show (domain/recording-start.ts);
   * absent or null: the episode's startedAt. The archive's chapters count from it.
   */
  recordingStartedAt?: Instant | null;
  /** Connected listeners sampled while live (server/domain/analytics.ts); absent until the first sample. */
  audience?: Audience;
}

/** How many listener sockets were connected to a live episode at one moment. */
export interface AudiencePoint {
  at: Instant;
  connected: number;
}

/** The time series behind the staff's listener chart: one point a minute, thinned past a cap. */
export interface Audience {
  samples: AudiencePoint[];
  /** The most seen at once, checked more often than a point is kept. */
  peak: AudiencePoint | null;
}

/** What a correction after the show may change (server/domain/correction.ts). */
export const EDIT_FIELDS = ['recordingUrl', 'recordingStartedAt', 'question.heading', 'note.text', 'note.by', 'closing.text', 'closing.speaker'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** One line of an episode's edit log; kept in the transcript's front matter as it is. */
export interface EditEntry {
  at: Instant;
  /** The staff username (their display name for sessions that carry none). */
  by: string;
  role: Role;
  field: EditField;
  /** The question, note or speaker corrected; null for the recording link. */
  target: Id | null;
  before: string | null;
  after: string | null;
}

/** Who is acting: a listener (by token id) or a staff member with a role. */
export type Actor =
  | { kind: 'listener'; listenerId: Id }
  | { kind: 'staff'; staffId: Id; role: Role; name: string; username?: string };

// ---- Polls, aspirations and the district (issue 4) ----

export const POLL_KINDS = ['single', 'rating'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export interface Poll {
  id: Id;
  kind: PollKind;
  /** "satisfaction" for the standard "Bagaimana Tanggapan Anda?" poll. */
  preset: 'satisfaction' | null;
  question: string;
  options: string[];
  status: 'open' | 'closed';
  /** Whether listeners and the studio screen see the results (staff always do). */
  resultsVisible: boolean;
  /** Listener id → index of the chosen option. One answer per listener. */
  answers: Record<Id, number>;
  /** Answers of blocked listeners, taken out of `answers` while they are blocked. */
  suspendedAnswers?: Record<Id, number>;
  /** Counts of a poll imported from a transcript, whose answers are gone. */
  archivedCounts: number[] | null;
  openedAt: Instant;
  closedAt: Instant | null;
}

export interface Dimension {
  /** Stable key stored on aspirations, e.g. "governance". */
  code: string;
  /** "Smart Governance" */
  name: string;
}

export interface Desa {
  /** Official region code, "33.07.01.2001" (kelurahan codes start with 1, desa with 2). */
  code: string;
  name: string;
}

export interface Kecamatan {
  /** Official region code, "33.07.01". */
  code: string;
  name: string;
  desa: Desa[];
}

export interface District {
  /** "Kabupaten Giriwangi" */
  name: string;
  /** Official code of the kabupaten/kota, "33.07"; null until set. */
  code: string | null;
  /** IANA zone used for planners' date filters. */
  timeZone: string;
  dimensions: Dimension[];
  kecamatan: Kecamatan[];
  /**
   * Districts that stepped aside (the invented sample, once a real kabupaten was chosen):
   * no longer offered to listeners, kept so the usulan that point to them still show
   * their names. Absent in files written before it existed.
   */
  former?: FormerDistrict[];
}

export interface FormerDistrict {
  name: string;
  code: string | null;
  dimensions: Dimension[];
  kecamatan: Kecamatan[];
}

export const ASPIRATION_STATUSES = ['baru', 'ditinjau', 'diteruskan', 'ditolak', 'digabung'] as const;
export type AspirationStatus = (typeof ASPIRATION_STATUSES)[number];

export interface AspirationNote {
  id: Id;
  staffId: Id;
  /** The staff member's name at the time of writing. */
  by: string;
  text: string;
  createdAt: Instant;
}

/** Personal data, stored only when the listener agreed to be contacted. Never public. */
export interface AspirationContact {
  name: string | null;
  phone: string | null;
  consentAt: Instant;
}

export interface Aspiration {
  id: Id;
  /** Its short number in its episode, read on air as "U3" ("DUKUNG U3"); absent before issue 13. */
  number?: number;
  /** The episode it came from; aspirations outlive their episode on the planner's desk. */
  episodeId: Id;
  /** Usulan: what should be built or done. */
  text: string;
  /** Permasalahan: the problem it solves. */
  problem: string;
  /** Dimension code from the district settings. */
  dimension: string;
  /** Region codes from the district settings. */
  kecamatan: string;
  desa: string;
  /** "003/005" or null. */
  rtRw: string | null;
  channel: Channel;
  /** Listener id of the web submitter (or of the asker of the question it came from). */
  submittedBy: Id | null;
  /** Set when a staff member turned an on-air question into this aspiration. */
  questionId: Id | null;
  contact: AspirationContact | null;
  /** Listener ids who support it, one each. */
  supporters: Id[];
  status: AspirationStatus;
  /** Required when status is "ditolak". */
  rejectReason: string | null;
  mergedInto: Id | null;
  mergedFrom: Id[];
  notes: AspirationNote[];
  /** The planner's volume, satuan, cost estimate and OPD (see plan.ts); absent until first filled. */
  plan?: AspirationPlan;
  /** Why staff should look (domain/moderation): staff only; absent when nothing was found. */
  flags?: StoredFlag[];
  /** Its submitter is blocked: hidden from listeners and from every public page until unblocked. */
  blocked?: boolean;
  /** Supports of blocked listeners, taken out of `supporters` while they are blocked. */
  suspendedSupporters?: Id[];
  /**
   * Every status it has had, oldest first, appended by the status and merge rules (the public
   * tracker prints it). Absent in usulan saved before issue 12: see historyOf in aspiration.ts.
   */
  history?: AspirationStatusEntry[];
  createdAt: Instant;
  updatedAt: Instant;
}

/** One step of an usulan's status history: no staff name, nothing about the listener. */
export interface AspirationStatusEntry {
  at: Instant;
  status: AspirationStatus;
  /** The rejection's reason ("ditolak" only). */
  reason?: string;
  /** The usulan it was merged into ("digabung" only). */
  mergedInto?: Id;
}

/** What the planner adds before the musrenbang; every field null until filled. */
export interface AspirationPlan {
  /** Positive, at most two decimals. */
  volume: number | null;
  /** "meter", "unit", "paket"…; set whenever volume is. */
  satuan: string | null;
  /** Whole rupiah, 0 or more. */
  perkiraanBiaya: number | null;
  /** One of the admin's OPD names, as the list spelt it when chosen. */
  opdTujuan: string | null;
}

/** An aspiration as the public notula prints it: names resolved, no personal data. */
export interface NotulaAspiration {
  id: Id;
  dimension: string;
  text: string;
  problem: string;
  kecamatan: string;
  desa: string;
  rtRw: string | null;
  supports: number;
}

/** Episode fields as a client sends them: structure already checked by the schema at the edge. */
export interface EpisodeInput {
  series: string;
  partners?: string;
  number?: number | null;
  title: string;
  place?: string;
  startsAt: string;
  timeZone: string;
  endsAt?: string | null;
  recordingUrl?: string | null;
  hosts?: string[];
  speakers?: Array<Omit<Speaker, 'id'> & { id?: string }>;
  premoderation?: boolean;
}
