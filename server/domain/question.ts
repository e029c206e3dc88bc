import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import type { Ctx, Result } from './result.ts';
import { LIMITS } from '../contract/text.ts';
import { lines } from '../contract/lines.ts';
import { addMember, isMember } from './members.ts';
import type { Change } from './changes.ts';
import { incomingFlags, postings } from './moderation/incoming.ts';
import type { Actor, Channel, Episode, Id, Question } from '../contract/types.ts';

export interface AskInput {
  text: string;
  name?: string | null;
  location?: string | null;
}

export interface SubmitInput extends AskInput {
  channel: Channel;
}

export function findQuestion(e: Episode, id: Id): Question | undefined {
  return e.questions.find((q) => q.id === id);
}

function requireLive(e: Episode) {
  if (e.status === 'ended') return fail('episode_ended');
  if (e.status !== 'live') return fail('episode_not_live');
  return null;
}

function askFields(input: AskInput) {
  return lines({
    text: [input.text, LIMITS.questionText, 'Pertanyaan'],
    name: [input.name, LIMITS.name, 'Nama', 'optional'],
    location: [input.location, LIMITS.location, 'Asal', 'optional'],
  });
}

/** One more than the highest short number given in the episode (questions are never renumbered). */
export function nextQuestionNumber(e: Episode): number {
  let max = 0;
  for (const q of e.questions) if (q.number && q.number > max) max = q.number;
  return max + 1;
}

/** The question a listener names by its short number ("DUKUNG 12"). */
export function questionByNumber(e: Episode, n: number): Question | undefined {
  return e.questions.find((q) => q.number === n);
}

/** Where a listener's question came from: the web page, or a text (SMS, WhatsApp) with the sender's masked number. */
export interface AskOrigin {
  channel: Channel;
  senderMask?: string;
}

function newQuestion(e: Episode, input: AskInput, origin: AskOrigin, askedBy: Id | null, approved: boolean, ctx: Ctx): Result<Question> {
  const f = askFields(input);
  if (!f.ok) return f;
  // Staff type in what they heard: only a listener's own words are flagged.
  const flags = askedBy === null ? [] : incomingFlags(
    { author: askedBy, at: ctx.now, text: [f.values.text, f.values.name, f.values.location].filter(Boolean).join(' \n '), body: f.values.text },
    postings(e.questions, (q) => ({ author: q.askedBy, at: q.createdAt, text: q.text })),
    ctx.lexicon,
  );
  const q: Question = {
    id: ctx.newId(),
    number: nextQuestionNumber(e),
    text: f.values.text,
    channel: origin.channel,
    askerName: f.values.name,
    askerLocation: f.values.location,
    // A flagged question waits for the screener even with pre-moderation off: one insult
    // must not reach every listener's queue (or the air) unseen.
    status: approved && flags.length === 0 ? 'approved' : 'pending',
    askedBy,
    voters: [],
    createdAt: ctx.now,
    onAirAt: null,
    answeredAt: null,
    mergedInto: null,
    ...(origin.senderMask ? { senderMask: origin.senderMask } : {}),
    ...(flags.length ? { flags } : {}),
  };
  // A blocked listener's question is kept, out of sight, as if the screener had rejected it;
  // an unblock puts it where it would have gone.
  if (askedBy !== null && ctx.blocked?.has(askedBy)) {
    q.blockedFrom = q.status;
    q.status = 'rejected';
  }
  e.questions.push(q);
  return ok(q, [{ kind: 'question', question: q }]);
}

/**
 * How many listeners' questions may wait for a screener. Without a cap one script fills the
 * screener's page faster than anyone can read it; staff-entered questions are approved at
 * once and never count.
 */
export interface PendingCaps {
  /** Per listener token: a listener rarely has more than one or two waiting. */
  pendingPerListener: number;
  /** Per episode: past this the screener cannot keep up anyway. */
  pendingPerEpisode: number;
}

export const DEFAULT_PENDING_CAPS: PendingCaps = { pendingPerListener: 5, pendingPerEpisode: 300 };

function overPendingCaps(e: Episode, listenerId: Id, caps: PendingCaps) {
  let mine = 0;
  let all = 0;
  for (const q of e.questions) {
    if (q.status !== 'pending') continue;
    all++;
    if (q.askedBy === listenerId) mine++;
  }
  if (mine >= caps.pendingPerListener) {
    return fail('too_many_pending', `Anda sudah punya ${mine} pertanyaan yang menunggu; kirim lagi setelah ada yang disetujui atau ditolak.`);
  }
  if (all >= caps.pendingPerEpisode) return fail('queue_full');
  return null;
}

/**
 * A listener asks from the web page, or by SMS or WhatsApp (`origin`). With pre-moderation
 * on, it waits for a screener.
 */
export function askQuestion(
  e: Episode, actor: Actor, input: AskInput, ctx: Ctx, caps: PendingCaps = DEFAULT_PENDING_CAPS, origin: AskOrigin = { channel: 'web' },
): Result<Question> {
  if (actor.kind !== 'listener') return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  // A retry after "mungkin sudah tersimpan" (or a double tap) must not ask twice: the same
  // listener's same text, still waiting or queued, answers with the first question, and
  // its change is written again so the retry is acknowledged only once it is on disk.
  const f = askFields(input);
  const again = f.ok && e.questions.find((q) => q.askedBy === actor.listenerId && (q.status === 'pending' || q.status === 'approved')
    && q.text === f.values.text && q.askerName === f.values.name && q.askerLocation === f.values.location);
  if (again) return ok(again, [{ kind: 'question', question: again }]);
  if (e.premoderation) {
    const over = overPendingCaps(e, actor.listenerId, caps);
    if (over) return over;
  }
  return newQuestion(e, input, origin, actor.listenerId, !e.premoderation, ctx);
}

/** Staff type in a question that came by phone, SMS, WhatsApp, email or from the studio: approved at once. */
export function submitQuestion(e: Episode, actor: Actor, input: SubmitInput, ctx: Ctx): Result<Question> {
  if (!can(actor, 'question.submit')) return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  return newQuestion(e, input, { channel: input.channel }, null, true, ctx);
}

function moderated(e: Episode, actor: Actor, id: Id): { ok: true; q: Question } | { ok: false; error: ReturnType<typeof fail>['error'] } {
  if (!can(actor, 'question.moderate')) return fail('not_allowed');
  if (e.status === 'ended') return fail('episode_ended');
  const q = findQuestion(e, id);
  if (!q) return fail('question_not_found');
  return { ok: true, q };
}

export function approveQuestion(e: Episode, actor: Actor, id: Id): Result<Question> {
  return moderate(e, actor, id, ['pending', 'rejected'], 'approved');
}

export function rejectQuestion(e: Episode, actor: Actor, id: Id): Result<Question> {
  return moderate(e, actor, id, ['pending', 'approved'], 'rejected');
}

/** The screener's decision: from one of `from` to `to`, or invalid_transition. */
function moderate(e: Episode, actor: Actor, id: Id, from: readonly Question['status'][], to: Question['status']): Result<Question> {
  const m = moderated(e, actor, id);
  if (!m.ok) return m;
  if (!from.includes(m.q.status)) return fail('invalid_transition');
  m.q.status = to;
  return ok(m.q, [{ kind: 'question', question: m.q }]);
}

/** Fix typos; the asker's meaning stays theirs. */
export function editQuestion(e: Episode, actor: Actor, id: Id, input: AskInput): Result<Question> {
  const m = moderated(e, actor, id);
  if (!m.ok) return m;
  if (m.q.status === 'merged') return fail('invalid_transition');
  // A field left out keeps what the question has.
  const f = askFields({ text: input.text, name: input.name === undefined ? m.q.askerName : input.name, location: input.location === undefined ? m.q.askerLocation : input.location });
  if (!f.ok) return f;
  m.q.text = f.values.text;
  m.q.askerName = f.values.name;
  m.q.askerLocation = f.values.location;
  return ok(m.q, [{ kind: 'question', question: m.q }]);
}

/**
 * Merges a duplicate into another question. Votes move across; a listener who voted
 * for both is counted once. The duplicate's own asker keeps seeing it as "merged".
 */
export function mergeQuestion(e: Episode, actor: Actor, sourceId: Id, targetId: Id): Result<Question> {
  const m = moderated(e, actor, sourceId);
  if (!m.ok) return m;
  const target = findQuestion(e, targetId);
  if (!target) return fail('question_not_found');
  const source = m.q;
  const closed = ['merged', 'rejected'];
  if (source.id === target.id || closed.includes(source.status) || closed.includes(target.status)) return fail('merge_invalid');
  if (source.status === 'on_air' || source.status === 'answered') return fail('merge_invalid');
  // Votes must not move onto a question their listeners cannot see.
  if (target.status === 'pending' && source.status !== 'pending') return fail('merge_invalid');
  for (const v of source.voters) if (!isMember(target.voters, v)) addMember(target.voters, v);
  source.voters = [];
  source.status = 'merged';
  source.mergedInto = target.id;
  const changes: Change[] = [
    { kind: 'question', question: source },
    { kind: 'question', question: target },
    { kind: 'votes', questionId: target.id, count: target.voters.length },
  ];
  return ok(target, changes);
}

export function onAirQuestion(e: Episode): Question | undefined {
  return e.questions.find((q) => q.status === 'on_air');
}

/** Puts a question on air. At most one is on air at a time. */
export function airQuestion(e: Episode, actor: Actor, id: Id, ctx: Ctx): Result<Question> {
  if (!can(actor, 'question.air')) return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  const q = findQuestion(e, id);
  if (!q) return fail('question_not_found');
  const current = onAirQuestion(e);
  if (current && current.id !== q.id) return fail('another_on_air');
  if (q.status !== 'approved') return fail('invalid_transition');
  q.status = 'on_air';
  q.onAirAt = ctx.now;
  return ok(q, [{ kind: 'question', question: q }]);
}

export function markAnswered(e: Episode, actor: Actor, id: Id, ctx: Ctx): Result<Question> {
  if (!can(actor, 'question.air')) return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  const q = findQuestion(e, id);
  if (!q) return fail('question_not_found');
  if (q.status !== 'on_air') return fail('invalid_transition');
  q.status = 'answered';
  q.answeredAt = ctx.now;
  return ok(q, [{ kind: 'question', question: q }]);
}

/** Takes the question off air, back into the queue; notes written under it stay with it. */
export function requeueQuestion(e: Episode, actor: Actor, id: Id): Result<Question> {
  if (!can(actor, 'question.air')) return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  const q = findQuestion(e, id);
  if (!q) return fail('question_not_found');
  if (q.status !== 'on_air' && q.status !== 'answered') return fail('invalid_transition');
  q.status = 'approved';
  q.answeredAt = null;
  return ok(q, [{ kind: 'question', question: q }]);
}
