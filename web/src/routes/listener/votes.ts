import type { EpisodeState } from '../../lib/episode-state.ts';
import type { Id } from '$contract/types.ts';

/**
 * Records what the server said about this listener's vote. Deltas carry counts but not
 * who voted, so the listener's own voted set changes only here and in a fresh snapshot.
 */
export function withVote(state: EpisodeState, id: Id, voted: boolean, votes?: number): EpisodeState {
  const myVotes = new Set(state.myVotes);
  if (voted) myVotes.add(id);
  else myVotes.delete(id);
  let questions = state.questions;
  const q = questions.get(id);
  if (q && votes !== undefined && q.votes !== votes) {
    questions = new Map(questions);
    questions.set(id, { ...q, votes });
  }
  return { ...state, myVotes, questions };
}
