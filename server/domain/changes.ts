import type { VoteCommand } from './vote.ts';
import type { Aspiration, ClosingStatement, EditEntry, EpisodeInfo, EpisodeStatus, Id, Note, Poll, Question } from '../contract/types.ts';

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
  | { kind: 'listeners'; count: number }
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
  /** Deleted for good (withdrawn, or its episode deleted); carries the last state to route it. */
  | { kind: 'aspirationRemoved'; aspiration: Aspiration };

export type AspirationChange = Extract<Change, { kind: 'aspiration' | 'supports' | 'aspirationRemoved' }>;
