// The right to erasure (UU PDP, Law 27/2022 on personal data protection): a listener
// deletes what they gave, a planner removes a contact, contacts expire, an episode's
// deletion reaches its usulan. Pure rules over the in-memory lists; the shell commits.
//
// What is personal here: the name and place a listener typed on a question, and the
// name and phone on an usulan (kept only with consent). Listener ids in votes, poll
// answers, supports and the listener count are random tokens with no name behind them:
// they stay, so the public figures of a broadcast do not change afterwards.
//
// What a listener may withdraw: a question or usulan nobody has built on yet. A question
// that went on air is part of the public record (it was read out; the notula and the
// notes quote it): its text stays, the name and place go, and it is no longer linked to
// the listener. The same for a question another question was merged into, one a note or
// an usulan refers to, and for an usulan a planner forwarded to the musrenbang or merged
// other usulan into: the planning record keeps the text, without any contact.
import type { AspirationChange, Change } from './changes.ts';
import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import type { Ctx, Result } from './result.ts';
import type { Actor, Aspiration, Episode, Id, Instant, Question } from '../contract/types.ts';
import type { ErasureSummary } from '../contract/views.ts';

export const EMPTY_SUMMARY: ErasureSummary = {
  questionsWithdrawn: 0, questionsAnonymised: 0, aspirationsWithdrawn: 0, aspirationsAnonymised: 0, contactsRemoved: 0,
};

export function addSummaries(a: ErasureSummary, b: ErasureSummary): ErasureSummary {
  return {
    questionsWithdrawn: a.questionsWithdrawn + b.questionsWithdrawn,
    questionsAnonymised: a.questionsAnonymised + b.questionsAnonymised,
    aspirationsWithdrawn: a.aspirationsWithdrawn + b.aspirationsWithdrawn,
    aspirationsAnonymised: a.aspirationsAnonymised + b.aspirationsAnonymised,
    contactsRemoved: a.contactsRemoved + b.contactsRemoved,
  };
}

const WITHDRAWABLE_QUESTION = new Set<Question['status']>(['pending', 'approved', 'rejected', 'merged']);
const WITHDRAWABLE_ASPIRATION = new Set<Aspiration['status']>(['baru', 'ditinjau', 'ditolak']);

/** True when something else in the record points at this question. */
function questionReferred(e: Episode, q: Question, usulan: readonly Aspiration[]): boolean {
  return e.questions.some((o) => o.mergedInto === q.id)
    || e.notes.some((n) => n.questionId === q.id)
    || usulan.some((a) => a.episodeId === e.id && a.questionId === q.id);
}

function canWithdrawQuestion(e: Episode, q: Question, usulan: readonly Aspiration[]): boolean {
  return WITHDRAWABLE_QUESTION.has(q.status) && !questionReferred(e, q, usulan);
}

function canWithdrawAspiration(a: Aspiration): boolean {
  return WITHDRAWABLE_ASPIRATION.has(a.status) && a.mergedFrom.length === 0;
}

/**
 * The listener's questions in one episode: withdrawn or stripped of name and place.
 * With `apply` false nothing changes (the preview the listener confirms).
 */
export function eraseListenerQuestions(e: Episode, listenerId: Id, usulan: readonly Aspiration[], apply: boolean): Result<ErasureSummary> {
  const summary = { ...EMPTY_SUMMARY };
  const changes: Change[] = [];
  const removed = new Set<Id>();
  for (const q of e.questions) {
    if (q.askedBy !== listenerId) continue;
    if (canWithdrawQuestion(e, q, usulan)) {
      summary.questionsWithdrawn++;
      removed.add(q.id);
      changes.push({ kind: 'questionRemoved', questionId: q.id });
      continue;
    }
    summary.questionsAnonymised++;
    if (!apply) continue;
    q.askerName = null;
    q.askerLocation = null;
    q.askedBy = null;
    changes.push({ kind: 'question', question: q });
  }
  if (!apply) return ok(summary);
  if (removed.size) e.questions = e.questions.filter((q) => !removed.has(q.id));
  return ok(summary, changes);
}

/** The listener's usulan, in every episode: withdrawn, or kept without contact or link. */
export function eraseListenerAspirations(list: Aspiration[], listenerId: Id, apply: boolean, ctx: Ctx): Result<ErasureSummary> {
  const summary = { ...EMPTY_SUMMARY };
  const changes: AspirationChange[] = [];
  const removed = new Set<Id>();
  for (const a of list) {
    if (a.submittedBy !== listenerId) continue;
    if (a.contact) summary.contactsRemoved++;
    if (canWithdrawAspiration(a)) {
      summary.aspirationsWithdrawn++;
      removed.add(a.id);
      changes.push({ kind: 'aspirationRemoved', aspiration: a });
      continue;
    }
    summary.aspirationsAnonymised++;
    if (!apply) continue;
    a.contact = null;
    a.submittedBy = null;
    a.updatedAt = ctx.now;
    changes.push({ kind: 'aspiration', aspiration: a });
  }
  if (!apply) return ok(summary);
  dropAspirations(list, removed);
  return ok(summary, changes);
}

/** Deletes the given usulan and every reference to them (a merge target's list of sources). */
function dropAspirations(list: Aspiration[], removed: ReadonlySet<Id>): void {
  if (removed.size === 0) return;
  const kept = list.filter((a) => !removed.has(a.id));
  for (const a of kept) if (a.mergedFrom.some((id) => removed.has(id))) a.mergedFrom = a.mergedFrom.filter((id) => !removed.has(id));
  list.splice(0, list.length, ...kept);
}

/** "Hapus kontak": the planner removes name and phone from an usulan; the usulan stays. */
export function removeContact(list: Aspiration[], actor: Actor, id: Id, ctx: Ctx): Result<Aspiration> {
  if (!can(actor, 'aspiration.review')) return fail('not_allowed');
  const a = list.find((x) => x.id === id);
  if (!a) return fail('aspiration_not_found');
  if (!a.contact) return ok(a);
  a.contact = null;
  a.updatedAt = ctx.now;
  return ok(a, [{ kind: 'aspiration', aspiration: a }]);
}

/** Parses CONTACT_RETENTION_DAYS: a whole number of days, 1 to 36,500; null when not one. */
export function parseRetentionDays(raw: string): number | null {
  if (!/^\s*\d{1,5}\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 36_500 ? n : null;
}

export const DEFAULT_CONTACT_RETENTION_DAYS = 365;

/** When a contact given at `consentAt` is due to be removed. */
export function contactExpiresAt(consentAt: Instant, days: number): number {
  return Date.parse(consentAt) + days * 86_400_000;
}

/**
 * The retention period: contacts given more than `days` days before `now` are removed.
 * A contact whose consent time cannot be read is removed too (it cannot be shown to be young).
 */
export function expireContacts(list: Aspiration[], now: Instant, days: number): Result<number> {
  const at = Date.parse(now);
  const changes: AspirationChange[] = [];
  for (const a of list) {
    if (!a.contact) continue;
    const due = contactExpiresAt(a.contact.consentAt, days);
    if (Number.isFinite(due) && due > at) continue;
    a.contact = null;
    a.updatedAt = now;
    changes.push({ kind: 'aspiration', aspiration: a });
  }
  return ok(changes.length, changes);
}

/**
 * An episode is deleted: its usulan go with it, except those the planning record relies on
 * (forwarded to the musrenbang, or carrying other usulan merged into them), which stay
 * without contact. Their episode then shows as deleted on the desk.
 */
export function aspirationsOfDeletedEpisode(list: Aspiration[], episodeId: Id, ctx: Ctx): Result<{ removed: number; kept: number }> {
  const changes: AspirationChange[] = [];
  const removed = new Set<Id>();
  let kept = 0;
  for (const a of list) {
    if (a.episodeId !== episodeId) continue;
    if (a.status === 'diteruskan' || a.mergedFrom.length > 0) {
      kept++;
      if (a.contact) {
        a.contact = null;
        a.updatedAt = ctx.now;
        changes.push({ kind: 'aspiration', aspiration: a });
      }
      continue;
    }
    removed.add(a.id);
    changes.push({ kind: 'aspirationRemoved', aspiration: a });
  }
  dropAspirations(list, removed);
  return ok({ removed: removed.size, kept }, changes);
}
