// Polls during an episode: the host opens one at a time, listeners answer once and may
// change their answer while it is open, the host closes it and chooses whether listeners
// and the studio screen see the results. Listener ids stay on the server.
import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { largestRemainder } from './percent.ts';
import { ok } from './result.ts';
import type { Ctx, Result } from './result.ts';
import { LIMITS } from '../contract/text.ts';
import { requiredLine } from '../contract/lines.ts';
import type { Actor, Episode, Id, Poll, PollKind } from '../contract/types.ts';
import type { PollView } from '../contract/views.ts';

/** The station's standard satisfaction poll ("Bagaimana Tanggapan Anda?"), one click for the host. */
export const SATISFACTION_POLL = {
  question: 'Bagaimana Tanggapan Anda?',
  options: ['Sangat Puas', 'Puas', 'Cukup Puas', 'Tidak Puas'],
} as const;

export type PollInput =
  | { kind: 'satisfaction'; showResults?: boolean }
  | { kind: PollKind; question: string; options?: string[]; scale?: number; showResults?: boolean };

export function pollsOf(e: Episode): Poll[] {
  return e.polls ?? [];
}

export function findPoll(e: Episode, id: Id): Poll | undefined {
  return pollsOf(e).find((p) => p.id === id);
}

export function pollCounts(p: Poll): number[] {
  if (p.archivedCounts) return [...p.archivedCounts];
  const counts = p.options.map(() => 0);
  for (const option of Object.values(p.answers)) if (option >= 0 && option < counts.length) counts[option]!++;
  return counts;
}

export function pollView(p: Poll, audience: 'staff' | 'listener'): PollView {
  const shown = audience === 'staff' || p.resultsVisible;
  const counts = shown ? pollCounts(p) : null;
  return {
    id: p.id, kind: p.kind, preset: p.preset, question: p.question, options: [...p.options], status: p.status,
    resultsVisible: p.resultsVisible, openedAt: p.openedAt, closedAt: p.closedAt,
    counts,
    percents: counts ? largestRemainder(counts) : null,
    total: counts ? counts.reduce((a, b) => a + b, 0) : null,
  };
}

/** The listener's own answers, poll id → option, for their snapshot. */
export function myPollAnswers(e: Episode, listenerId: Id): Record<Id, number> {
  const mine: Record<Id, number> = {};
  for (const p of pollsOf(e)) if (Object.hasOwn(p.answers, listenerId)) mine[p.id] = p.answers[listenerId]!;
  return mine;
}

function requireLive(e: Episode) {
  if (e.status === 'ended') return fail('episode_ended');
  if (e.status !== 'live') return fail('episode_not_live');
  return null;
}

function checkOptions(input: Extract<PollInput, { question: string }>): { ok: true; options: string[] } | ReturnType<typeof fail> {
  let raw = input.options ?? [];
  if (raw.length === 0 && input.kind === 'rating') {
    const scale = input.scale ?? 5;
    if (!Number.isInteger(scale) || scale < 2 || scale > LIMITS.pollOptions) {
      return fail('invalid_payload', `Skala penilaian 2 sampai ${LIMITS.pollOptions}.`);
    }
    raw = Array.from({ length: scale }, (_, i) => String(i + 1));
  }
  if (raw.length < 2 || raw.length > LIMITS.pollOptions) {
    return fail('invalid_payload', `Jajak pendapat perlu 2 sampai ${LIMITS.pollOptions} pilihan.`);
  }
  const options: string[] = [];
  for (const o of raw) {
    const line = requiredLine(o, LIMITS.pollOption, 'Pilihan jawaban');
    if (!line.ok) return line;
    options.push(line.text);
  }
  if (new Set(options.map((o) => o.toLocaleLowerCase('id-ID'))).size !== options.length) {
    return fail('invalid_payload', 'Pilihan jawaban harus berbeda satu sama lain.');
  }
  return { ok: true, options };
}

/** Opens a poll; at most one is open at a time, so listeners never wonder which to answer. */
export function openPoll(e: Episode, actor: Actor, input: PollInput, ctx: Ctx): Result<Poll> {
  if (!can(actor, 'poll.run')) return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  if (pollsOf(e).some((p) => p.status === 'open')) return fail('another_poll_open');
  let kind: PollKind;
  let question: string;
  let options: string[];
  let preset: Poll['preset'] = null;
  if (input.kind === 'satisfaction') {
    kind = 'rating';
    preset = 'satisfaction';
    question = SATISFACTION_POLL.question;
    options = [...SATISFACTION_POLL.options];
  } else {
    const q = requiredLine(input.question, LIMITS.pollQuestion, 'Pertanyaan jajak pendapat');
    if (!q.ok) return q;
    const o = checkOptions(input);
    if (!o.ok) return o;
    kind = input.kind;
    question = q.text;
    options = o.options;
  }
  const poll: Poll = {
    id: ctx.newId(), kind, preset, question, options, status: 'open', resultsVisible: input.showResults ?? false,
    answers: {}, archivedCounts: null, openedAt: ctx.now, closedAt: null,
  };
  (e.polls ??= []).push(poll);
  return ok(poll, [{ kind: 'poll', poll }]);
}

/** A poll the host may act on: their permission, the show not over, the poll there. */
function runningPoll(e: Episode, actor: Actor, pollId: Id): { ok: true; poll: Poll } | ReturnType<typeof fail> {
  if (!can(actor, 'poll.run')) return fail('not_allowed');
  if (e.status === 'ended') return fail('episode_ended');
  const poll = findPoll(e, pollId);
  return poll ? { ok: true, poll } : fail('poll_not_found');
}

export function closePoll(e: Episode, actor: Actor, pollId: Id, ctx: Ctx): Result<Poll> {
  const found = runningPoll(e, actor, pollId);
  if (!found.ok) return found;
  const { poll } = found;
  if (poll.status !== 'open') return fail('poll_closed');
  poll.status = 'closed';
  poll.closedAt = ctx.now;
  return ok(poll, [{ kind: 'poll', poll }]);
}

/** Shows or hides the results for listeners and the studio screen (staff always see them). */
export function setPollResultsVisible(e: Episode, actor: Actor, pollId: Id, visible: boolean): Result<Poll> {
  const found = runningPoll(e, actor, pollId);
  if (!found.ok) return found;
  const { poll } = found;
  if (poll.resultsVisible === visible) return ok(poll);
  poll.resultsVisible = visible;
  return ok(poll, [{ kind: 'poll', poll }]);
}

/** One answer per listener; answering again while the poll is open changes it. */
export function answerPoll(e: Episode, actor: Actor, pollId: Id, option: number, ctx?: Pick<Ctx, 'blocked'>): Result<number> {
  // Answers are keyed by listener id; a key that would touch the object's prototype is never a real token.
  if (actor.kind !== 'listener' || actor.listenerId === '__proto__') return fail('not_allowed');
  const notLive = requireLive(e);
  if (notLive) return notLive;
  const poll = findPoll(e, pollId);
  if (!poll) return fail('poll_not_found');
  if (poll.status !== 'open') return fail('poll_closed');
  if (!Number.isInteger(option) || option < 0 || option >= poll.options.length) return fail('poll_option_invalid');
  if (ctx?.blocked?.has(actor.listenerId)) {
    // Kept aside, not counted: an unblock gives it back (domain/moderation/block.ts).
    (poll.suspendedAnswers ??= {})[actor.listenerId] = option;
    return ok(option, [{ kind: 'poll', poll }]);
  }
  if (Object.hasOwn(poll.answers, actor.listenerId) && poll.answers[actor.listenerId] === option) return ok(option);
  poll.answers[actor.listenerId] = option;
  return ok(option, [{ kind: 'pollAnswers', poll }]);
}

/** Closes whatever poll is still open when the show ends; used by endEpisode. */
export function closeOpenPolls(e: Episode, now: string): Poll[] {
  const closed: Poll[] = [];
  for (const p of pollsOf(e)) {
    if (p.status === 'open') {
      p.status = 'closed';
      p.closedAt = now;
      closed.push(p);
    }
  }
  return closed;
}
