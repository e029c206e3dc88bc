// What staff see of one episode after (or during) the show: listeners over time, what became
// of the questions by channel, votes and live-poll turnout. Pure: the connected counts come
// in from the shell's sampler (app/audience-sampler.ts), the time from the caller.
import { CHANNELS } from '../contract/types.ts';
import type { AudiencePoint, Channel, Episode, Instant, Question } from '../contract/types.ts';
import type { EpisodeAnalytics, PollTurnout, QuestionCounts, ReaderStats } from '../contract/views.ts';
import { pollCounts, pollsOf } from './poll.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';

/**
 * Points kept per episode. A 3-hour show at one a minute is 180; past the cap every other
 * point goes, so a show left live for days keeps its whole shape in a bounded file.
 */
export const MAX_AUDIENCE_POINTS = 240;

/**
 * Keeps one sample of a live episode: `point` is the count now, `peak` the most seen since
 * the last kept sample (the sampler looks more often than it writes). Nothing for an
 * episode that is not live: a late tick after the end must not add to a closed show.
 */
export function recordAudience(e: Episode, point: AudiencePoint, peak: AudiencePoint = point): Result<boolean> {
  if (e.status !== 'live') return ok(false);
  const a = (e.audience ??= { samples: [], peak: null });
  if (a.samples.length >= MAX_AUDIENCE_POINTS) a.samples = a.samples.filter((_, i) => i % 2 === 0);
  a.samples.push({ at: point.at, connected: point.connected });
  const top = peak.connected >= point.connected ? peak : point;
  if (!a.peak || top.connected > a.peak.connected) a.peak = { at: top.at, connected: top.connected };
  return ok(true, [{ kind: 'audience' }]);
}

function counts(channel: Channel | 'all', qs: Question[]): QuestionCounts {
  const c: QuestionCounts = { channel, received: qs.length, pending: 0, approved: 0, aired: 0, merged: 0, rejected: 0 };
  for (const q of qs) {
    if (q.status === 'pending') c.pending++;
    else if (q.status === 'merged') c.merged++;
    else if (q.status === 'rejected') c.rejected++;
    else c.approved++;
    if (q.status === 'on_air' || q.status === 'answered') c.aired++;
  }
  return c;
}

/** The most connected at once in [from, to], counting the last sample before `from` (who was there when it opened). */
function presentBetween(samples: AudiencePoint[], from: Instant, to: Instant): number {
  let most = 0;
  let before: AudiencePoint | null = null;
  for (const s of samples) {
    if (s.at < from) before = s;
    else if (s.at <= to) most = Math.max(most, s.connected);
  }
  return Math.max(most, before?.connected ?? 0);
}

function turnout(e: Episode, now: Instant, joined: number): PollTurnout[] {
  const samples = e.audience?.samples ?? [];
  return pollsOf(e).map((p) => {
    const answers = pollCounts(p).reduce((a, b) => a + b, 0);
    const fromSamples = samples.length > 0;
    // Everyone who answered was there, whatever a minute's sample missed.
    const present = Math.max(answers, fromSamples ? presentBetween(samples, p.openedAt, p.closedAt ?? now) : joined);
    return {
      id: p.id, question: p.question, status: p.status, openedAt: p.openedAt, closedAt: p.closedAt,
      answers, present, presentFrom: fromSamples ? 'connected' : 'joined',
      turnoutPercent: present > 0 ? Math.round((answers * 100) / present) : null,
    };
  });
}

/**
 * The staff analytics of an episode as it stands at `now` (an open poll's window ends now).
 * `reader` is what the public episode page counted (its views and reader poll), kept by
 * another part of the server and passed through; null until that part is wired in.
 */
export function episodeAnalytics(e: Episode, now: Instant, reader: ReaderStats | null = null): EpisodeAnalytics {
  const byChannel = CHANNELS.map((ch) => counts(ch, e.questions.filter((q) => q.channel === ch))).filter((c) => c.received > 0);
  const voters = new Set<string>();
  let votes = 0;
  for (const q of e.questions) {
    votes += q.voters.length;
    for (const v of q.voters) voters.add(v);
  }
  const total = e.archived?.listeners ?? e.listeners.length;
  return {
    episodeId: e.id, asOf: now, status: e.status, title: e.title, timeZone: e.timeZone, startedAt: e.startedAt, endedAt: e.endedAt,
    listeners: { total, peak: e.audience?.peak ?? null, series: (e.audience?.samples ?? []).map((s) => ({ ...s })) },
    questions: { byChannel, total: counts('all', e.questions), archivedReceived: e.archived?.questionsReceived ?? null },
    votes: { total: votes, voters: voters.size },
    polls: turnout(e, now, total),
    reader,
  };
}
