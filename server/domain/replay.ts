import type { Episode } from '../contract/types.ts';
import type { Change, JournalEntry } from './changes.ts';
import { addMember, isMember } from './members.ts';
import { applyVote } from './vote.ts';

/**
 * The journal entries of a change, or null when a full write must make it durable: every
 * change in it must be a single vote, a question (its whole new state) or one listener
 * joining. A merge (votes moved without a vote command), a note, a poll… is a full write.
 */
export function journalEntries(changes: readonly Change[]): JournalEntry[] | null {
  const out: JournalEntry[] = [];
  for (const c of changes) {
    if (c.kind === 'votes' && c.vote) out.push({ vote: c.vote });
    else if (c.kind === 'question') out.push({ question: c.question });
    else if (c.kind === 'listeners' && c.listenerId) out.push({ join: c.listenerId });
    else return null;
  }
  return out;
}

/**
 * Applies one journaled change to the episode as loaded from its file (or as it is on disk
 * after a failed write). A vote goes through the vote rule, as when it was cast, so a repeat
 * is refused; a question replaces the one with its id (or joins the list, as when asked); a
 * join adds the listener once. Every line is the state at the moment it was made, and lines
 * replay in that order, so the result is the state after the last line.
 */
export function replayEntry(e: Episode, entry: JournalEntry): void {
  if ('vote' in entry) {
    applyVote(e, entry.vote);
  } else if ('question' in entry) {
    // A copy: the line's object must not be shared with a later line's replay.
    const q = { ...entry.question, voters: [...entry.question.voters] };
    const at = e.questions.findIndex((x) => x.id === q.id);
    if (at >= 0) e.questions[at] = q;
    else e.questions.push(q);
  } else if (!isMember(e.listeners, entry.join)) {
    addMember(e.listeners, entry.join);
  }
}
