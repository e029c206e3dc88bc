// Pure client-side model of one episode: a snapshot, then deltas applied in order.
// Shared by the Svelte stores and the protocol tests, so what the tests prove about
// deltas is what the pages show.
import type { ClosingStatement, Id, Note } from '../../../server/domain/types.ts';
import type { EpisodeView, ListenerSnapshot, QuestionView, StaffSnapshot } from '../../../server/domain/views.ts';
import type { Delta } from '../../../server/realtime/events.ts';

export interface EpisodeState {
  audience: 'listener' | 'staff';
  episode: EpisodeView;
  questions: Map<Id, QuestionView>;
  notes: Map<Id, Note>;
  closing: ClosingStatement[];
  mine: Map<Id, QuestionView>;
  myVotes: Set<Id>;
  seq: number;
}

export function fromSnapshot(s: ListenerSnapshot | StaffSnapshot): EpisodeState {
  return {
    audience: s.audience,
    episode: s.episode,
    questions: new Map(s.questions.map((q) => [q.id, q])),
    notes: new Map(s.audience === 'staff' ? s.notes.map((n) => [n.id, n]) : []),
    closing: s.audience === 'staff' ? s.closing : [],
    mine: new Map(s.audience === 'listener' ? s.mine.map((q) => [q.id, q]) : []),
    myVotes: new Set(s.audience === 'listener' ? s.myVotes : []),
    seq: s.seq,
  };
}

/** Applies a delta in place. Deltas are upserts and absolute counts, so a repeat is harmless. */
export function applyDelta(state: EpisodeState, d: Delta): EpisodeState {
  if (d.seq <= state.seq) return state;
  state.seq = d.seq;
  if (d.episode) state.episode = d.episode;
  if (d.listenerCount !== undefined) state.episode = { ...state.episode, listenerCount: d.listenerCount };
  for (const q of d.questions ?? []) {
    state.questions.set(q.id, q);
    if (state.mine.has(q.id)) state.mine.set(q.id, q);
  }
  for (const id of d.removed ?? []) state.questions.delete(id);
  for (const [id, votes] of Object.entries(d.votes ?? {})) {
    const q = state.questions.get(id);
    if (q) state.questions.set(id, { ...q, votes });
  }
  for (const n of d.notes ?? []) state.notes.set(n.id, n);
  for (const id of d.notesRemoved ?? []) state.notes.delete(id);
  if (d.closing) state.closing = d.closing;
  return state;
}

/** The listener's own question changed (approved, rejected, merged, on air…). */
export function applyMine(state: EpisodeState, q: QuestionView): EpisodeState {
  state.mine.set(q.id, q);
  return state;
}

export function onAir(state: EpisodeState): QuestionView | undefined {
  for (const q of state.questions.values()) if (q.status === 'on_air') return q;
  return undefined;
}
