import { fail } from './errors.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import { findQuestion } from './question.ts';
import type { Actor, Episode, Id } from './types.ts';

// Listeners may support a question that listeners can see and that is still open.
const VOTABLE = new Set(['approved', 'on_air']);

export function castVote(e: Episode, actor: Actor, questionId: Id): Result<number> {
  if (actor.kind !== 'listener') return fail('not_allowed');
  if (e.status !== 'live') return fail(e.status === 'ended' ? 'episode_ended' : 'episode_not_live');
  const q = findQuestion(e, questionId);
  if (!q) return fail('question_not_found');
  if (!VOTABLE.has(q.status)) return fail('question_not_open');
  if (q.voters.includes(actor.listenerId)) return fail('already_voted');
  q.voters.push(actor.listenerId);
  return ok(q.voters.length, [{ kind: 'votes', questionId: q.id, count: q.voters.length }]);
}

export function withdrawVote(e: Episode, actor: Actor, questionId: Id): Result<number> {
  if (actor.kind !== 'listener') return fail('not_allowed');
  if (e.status !== 'live') return fail(e.status === 'ended' ? 'episode_ended' : 'episode_not_live');
  const q = findQuestion(e, questionId);
  if (!q) return fail('question_not_found');
  if (!VOTABLE.has(q.status)) return fail('question_not_open');
  const at = q.voters.indexOf(actor.listenerId);
  if (at < 0) return fail('not_voted');
  q.voters.splice(at, 1);
  return ok(q.voters.length, [{ kind: 'votes', questionId: q.id, count: q.voters.length }]);
}
