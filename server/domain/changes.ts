import type { Aspiration, ClosingStatement, EditEntry, EpisodeInfo, EpisodeStatus, Id, Note, Poll, Question } from '../contract/types.ts';

/**
 * One vote as a domain command: cast (+) or withdrawn (-) by one listener on one question.
 * The socket handler applies it and the vote journal stores it; replaying the journal after
 * a restart applies the same command with the same function, so both take the same rules
 * (a repeat or a vote on a question no longer open is refused, which makes replay safe).
 */
export interface VoteCommand {
  op: '+' | '-';
  questionId: Id;
  listenerId: Id;
}

/**
 * A change made durable by one journal line instead of a full write of the episode (see
 * EpisodeService.run, store/journal.ts, replay.ts): a vote is its command; a question its
 * whole new state (replay is "the question is now this", whatever the rule: asked, approved,
 * aired); a join the listener's id.
 */
export type JournalEntry =
  | { vote: VoteCommand }
  | { question: Question }
  | { join: Id };

// What a successful command changed. The realtime layer projects each change for
// each audience (listeners see less than staff) and coalesces them into deltas.
export type Change =
  | { kind: 'episode'; info: EpisodeInfo; status: EpisodeStatus }
  | { kind: 'question'; question: Question }
  /**
   * A question's vote count changed. `vote` is set when the change is exactly one vote:
   * then one journal line makes it durable instead of a full write of the episode (the
   * durability is a property of the change; see EpisodeService.run).
   */
  | { kind: 'votes'; questionId: Id; count: number; vote?: VoteCommand }
  | { kind: 'note'; note: Note }
  | { kind: 'noteRemoved'; noteId: Id }
  | { kind: 'closing'; closing: ClosingStatement[] }
  /** `listenerId`: the change is exactly that listener joining (journaled, see JournalEntry). */
  | { kind: 'listeners'; count: number; listenerId?: Id }
  /** A listener-count sample was kept (analytics.ts): written with the episode, sent to nobody. */
  | { kind: 'audience' }
  /** The edit log after a correction (staff only; the whole log, it is small). */
  | { kind: 'edits'; edits: EditEntry[] }
  /** A poll opened, closed, or had its results shown/hidden. */
  | { kind: 'poll'; poll: Poll }
  /** Answers changed: staff always see the new counts, listeners only when results are shown. */
  | { kind: 'pollAnswers'; poll: Poll }
  /** An aspiration was submitted or changed; routed to its source episode's rooms. */
  | { kind: 'aspiration'; aspiration: Aspiration }
  /** Only its support count changed. */
  | { kind: 'supports'; aspiration: Aspiration }
  /** Deleted for good (withdrawn by the listener who asked it; see erasure.ts). */
  | { kind: 'questionRemoved'; questionId: Id }
  /** The episode itself was deleted (a draft or an ended one): its screens are told, and its rooms emptied. */
  | { kind: 'episodeRemoved' }
  /** Deleted for good (withdrawn, or its episode deleted); carries the last state to route it. */
  | { kind: 'aspirationRemoved'; aspiration: Aspiration };

export type AspirationChange = Extract<Change, { kind: 'aspiration' | 'supports' | 'aspirationRemoved' }>;
