import { fail } from '../contract/errors.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import { findQuestion } from './question.ts';
import { addMember, isMember, removeMember } from './members.ts';
import type { Actor, Episode, Id } from '../contract/types.ts';

// Listeners may support a question that listeners can see and that is still open.
const VOTABLE = new Set(['approved', 'on_air']);

export function castVote(e: Episode, actor: Actor, questionId: Id): Result<number> {
  if (actor.kind !== 'listener') return fail('not_allowed');
  if (e.status !== 'live') return fail(e.status === 'ended' ? 'episode_ended' : 'episode_not_live');
  const q = findQuestion(e, questionId);
  if (!q) return fail('question_not_found');
  if (!VOTABLE.has(q.status)) return fail('question_not_open');
  if (isMember(q.voters, actor.listenerId)) return fail('already_voted');
  addMember(q.voters, actor.listenerId);
  return ok(q.voters.length, [{ kind: 'votes', questionId: q.id, count: q.voters.length }]);
}

export function withdrawVote(e: Episode, actor: Actor, questionId: Id): Result<number> {
  if (actor.kind !== 'listener') return fail('not_allowed');
  if (e.status !== 'live') return fail(e.status === 'ended' ? 'episode_ended' : 'episode_not_live');
  const q = findQuestion(e, questionId);
  if (!q) return fail('question_not_found');
  if (!VOTABLE.has(q.status)) return fail('question_not_open');
  if (!removeMember(q.voters, actor.listenerId)) return fail('not_voted');
  return ok(q.voters.length, [{ kind: 'votes', questionId: q.id, count: q.voters.length }]);
}
