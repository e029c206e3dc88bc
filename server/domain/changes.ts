import type { ClosingStatement, EpisodeInfo, EpisodeStatus, Id, Note, Question } from './types.ts';

// What a successful command changed. The realtime layer projects each change for
// each audience (listeners see less than staff) and coalesces them into deltas.
export type Change =
  | { kind: 'episode'; info: EpisodeInfo; status: EpisodeStatus }
  | { kind: 'question'; question: Question }
  | { kind: 'votes'; questionId: Id; count: number }
  | { kind: 'note'; note: Note }
  | { kind: 'noteRemoved'; noteId: Id }
  | { kind: 'closing'; closing: ClosingStatement[] }
  | { kind: 'listeners'; count: number };
