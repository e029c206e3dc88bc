// Blocking a sender (a listener token's id or a phone number's hash): their questions,
// votes, poll answers, usulan and supports stop counting and vanish from listeners' views
// and the public pages; unblocking gives every one of them back. Nothing is deleted: what
// is taken out is kept beside it (blockedFrom, suspendedVoters, suspendedAnswers,
// suspendedSupporters), so an unblock restores the show as it would have been.
import { fail } from '../../contract/errors.ts';
import { can } from '../../contract/permissions.ts';
import { ok } from '../result.ts';
import type { Result } from '../result.ts';
import type { Change } from '../changes.ts';
import type { Actor, Aspiration, Episode, Id, Question } from '../../contract/types.ts';

/** Statuses a blocked listener's question is taken out of (on air or answered stays: it was heard). */
const HIDEABLE = new Set<Question['status']>(['pending', 'approved']);

/** Takes a listener out of one episode. Changes: each question touched, the polls' answers. */
export function blockInEpisode(e: Episode, actor: Actor, listenerId: Id): Result<number> {
  if (!can(actor, 'question.moderate')) return fail('not_allowed');
  const changes: Change[] = [];
  let touched = 0;
  for (const q of e.questions) {
    let changed = false;
    if (q.askedBy === listenerId && HIDEABLE.has(q.status) && !q.blockedFrom) {
      q.blockedFrom = q.status;
      q.status = 'rejected';
      changed = true;
    }
    const i = q.voters.indexOf(listenerId);
    if (i >= 0) {
      q.voters.splice(i, 1);
      (q.suspendedVoters ??= []).push(listenerId);
      changes.push({ kind: 'votes', questionId: q.id, count: q.voters.length });
      changed = true;
    }
    if (changed) {
      touched++;
      changes.push({ kind: 'question', question: q });
    }
  }
  for (const p of e.polls ?? []) {
    if (!Object.hasOwn(p.answers, listenerId)) continue;
    (p.suspendedAnswers ??= {})[listenerId] = p.answers[listenerId]!;
    delete p.answers[listenerId];
    changes.push({ kind: 'pollAnswers', poll: p });
    touched++;
  }
  return ok(touched, changes);
}

/** Gives a listener back to one episode: statuses, votes and answers as they were. */
export function unblockInEpisode(e: Episode, actor: Actor, listenerId: Id): Result<number> {
  if (!can(actor, 'question.moderate')) return fail('not_allowed');
  const changes: Change[] = [];
  let touched = 0;
  for (const q of e.questions) {
    let changed = false;
    if (q.askedBy === listenerId && q.blockedFrom) {
      // Rejected by hand meanwhile stays rejected only if someone moved it on; else back.
      if (q.status === 'rejected') q.status = q.blockedFrom;
      delete q.blockedFrom;
      changed = true;
    }
    const i = q.suspendedVoters?.indexOf(listenerId) ?? -1;
    if (i >= 0) {
      q.suspendedVoters!.splice(i, 1);
      if (q.suspendedVoters!.length === 0) delete q.suspendedVoters;
      if (!q.voters.includes(listenerId)) q.voters.push(listenerId);
      changes.push({ kind: 'votes', questionId: q.id, count: q.voters.length });
      changed = true;
    }
    if (changed) {
      touched++;
      changes.push({ kind: 'question', question: q });
    }
  }
  for (const p of e.polls ?? []) {
    if (!p.suspendedAnswers || !Object.hasOwn(p.suspendedAnswers, listenerId)) continue;
    if (p.status === 'open' || !Object.hasOwn(p.answers, listenerId)) p.answers[listenerId] = p.suspendedAnswers[listenerId]!;
    delete p.suspendedAnswers[listenerId];
    if (Object.keys(p.suspendedAnswers).length === 0) delete p.suspendedAnswers;
    changes.push({ kind: 'pollAnswers', poll: p });
    touched++;
  }
  return ok(touched, changes);
}

/** The listener's usulan hidden and supports taken out, in every episode given. */
export function blockInAspirations(list: Aspiration[], actor: Actor, listenerId: Id): Result<number> {
  if (!can(actor, 'question.moderate')) return fail('not_allowed');
  const changes: Change[] = [];
  for (const a of list) {
    let changed = false;
    if (a.submittedBy === listenerId && !a.blocked) {
      a.blocked = true;
      changed = true;
    }
    const i = a.supporters.indexOf(listenerId);
    if (i >= 0) {
      a.supporters.splice(i, 1);
      (a.suspendedSupporters ??= []).push(listenerId);
      changed = true;
    }
    if (changed) changes.push({ kind: 'aspiration', aspiration: a });
  }
  return ok(changes.length, changes);
}

export function unblockInAspirations(list: Aspiration[], actor: Actor, listenerId: Id): Result<number> {
  if (!can(actor, 'question.moderate')) return fail('not_allowed');
  const changes: Change[] = [];
  for (const a of list) {
    let changed = false;
    if (a.submittedBy === listenerId && a.blocked) {
      delete a.blocked;
      changed = true;
    }
    const i = a.suspendedSupporters?.indexOf(listenerId) ?? -1;
    if (i >= 0) {
      a.suspendedSupporters!.splice(i, 1);
      if (a.suspendedSupporters!.length === 0) delete a.suspendedSupporters;
      if (!a.supporters.includes(listenerId)) a.supporters.push(listenerId);
      changed = true;
    }
    if (changed) changes.push({ kind: 'aspiration', aspiration: a });
  }
  return ok(changes.length, changes);
}
