import { fail } from '../contract/errors.ts';
import { ok } from './result.ts';
import type { Ctx } from './result.ts';
import type { Result } from './result.ts';
import { findQuestion } from './question.ts';
import { addMember, isMember, removeMember } from './members.ts';
import type { Actor, Episode, Id } from '../contract/types.ts';
import type { Change, VoteCommand } from './changes.ts';

// Listeners may support a question that listeners can see and that is still open.
const VOTABLE = new Set(['approved', 'on_air']);

// One vote as a domain command (see changes.ts, where the change that carries it lives).
export type { VoteCommand };

export function applyVote(e: Episode, vote: VoteCommand, ctx?: Pick<Ctx, 'blocked'>): Result<number> {
  if (e.status !== 'live') return fail(e.status === 'ended' ? 'episode_ended' : 'episode_not_live');
  const q = findQuestion(e, vote.questionId);
  if (!q) return fail('question_not_found');
  if (!VOTABLE.has(q.status)) return fail('question_not_open');
  if (ctx?.blocked?.has(vote.listenerId)) {
    // Kept aside, not counted: an unblock gives it back (domain/moderation/block.ts).
    const aside = (q.suspendedVoters ??= []);
    if (vote.op === '+') {
      if (aside.includes(vote.listenerId)) return fail('already_voted');
      aside.push(vote.listenerId);
    } else if (!removeMember(aside, vote.listenerId)) return fail('not_voted');
    return ok(q.voters.length, [{ kind: 'question', question: q }]);
  }
  if (vote.op === '+') {
    if (isMember(q.voters, vote.listenerId)) return fail('already_voted');
    addMember(q.voters, vote.listenerId);
  } else if (!removeMember(q.voters, vote.listenerId)) return fail('not_voted');
  return ok(q.voters.length, [{ kind: 'votes', questionId: q.id, count: q.voters.length, vote }]);
}

/** The command of a vote by `actor`: only a listener votes (a staff laptop votes as its listener token). */
export function voteBy(actor: Actor, op: VoteCommand['op'], questionId: Id): VoteCommand | null {
  return actor.kind === 'listener' ? { op, questionId, listenerId: actor.listenerId } : null;
}

export function castVote(e: Episode, actor: Actor, questionId: Id): Result<number> {
  const vote = voteBy(actor, '+', questionId);
  return vote ? applyVote(e, vote) : fail('not_allowed');
}

export function withdrawVote(e: Episode, actor: Actor, questionId: Id): Result<number> {
  const vote = voteBy(actor, '-', questionId);
  return vote ? applyVote(e, vote) : fail('not_allowed');
}

/**
 * Takes back a vote applied in memory whose journal line could not be written: the listener
 * is told it was not saved, so memory must not keep it either. Skips the rules (the episode
 * may have ended meanwhile); returns the question's corrected count, or null if it is gone.
 */
export function undoVote(e: Episode, vote: VoteCommand): Change | null {
  const q = findQuestion(e, vote.questionId);
  if (!q) return null;
  if (vote.op === '+') removeMember(q.voters, vote.listenerId);
  else if (!isMember(q.voters, vote.listenerId)) addMember(q.voters, vote.listenerId);
  return { kind: 'votes', questionId: q.id, count: q.voters.length };
}
