import { describe, expect, it } from 'vitest';
import { endEpisode, infoOf, joinListener } from '../../server/domain/episode.ts';
import {
  airQuestion, approveQuestion, askQuestion, markAnswered, mergeQuestion, rejectQuestion,
} from '../../server/domain/question.ts';
import { castVote } from '../../server/domain/vote.ts';
import { addNote, setClosing } from '../../server/domain/note.ts';
import {
  LISTENER_VISIBLE, episodeSummary, episodeView, listenerSnapshot, questionView, staffSnapshot,
} from '../../server/domain/views.ts';
import type { Episode } from '../../server/contract/types.ts';
import { host, listener, liveEpisode, makeCtx, notulis, screener, submitted, unwrap } from './fixtures.ts';

// Listener ids that could not appear in a snapshot by accident.
const ME = 'LSTN-me-9f3a';
const OTHER = 'LSTN-other-51c7';
const VOTER = 'LSTN-voter-0d2e';
const ALL_LISTENERS = [ME, OTHER, VOTER];

function keysDeep(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const v of x) keysDeep(v, out);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) { out.add(k); keysDeep(v, out); }
  return out;
}

/** An episode with questions by two listeners in every status. */
function busyEpisode() {
  const ctx = makeCtx();
  const e = liveEpisode(ctx);
  for (const l of ALL_LISTENERS) unwrap(joinListener(e, l));
  // Six waiting at once from one listener: over the default cap, which is not what these tests are about.
  const ask = (who: string, text: string) => { ctx.tick(); return unwrap(askQuestion(e, listener(who), { text }, ctx, { pendingPerListener: 100, pendingPerEpisode: 1000 })); };
  const mine = {
    pending: ask(ME, 'Saya: menunggu'),
    rejected: ask(ME, 'Saya: ditolak'),
    approved: ask(ME, 'Saya: disetujui'),
  };
  const theirs = {
    pending: ask(OTHER, 'Orang lain: menunggu'),
    rejected: ask(OTHER, 'Orang lain: ditolak'),
    merged: ask(OTHER, 'Orang lain: digabung'),
    approved: ask(OTHER, 'Orang lain: disetujui'),
    onAir: ask(OTHER, 'Orang lain: mengudara'),
    answered: ask(OTHER, 'Orang lain: terjawab'),
  };
  const phoned = submitted(e, ctx, 'Lewat telepon', 'phone');
  unwrap(rejectQuestion(e, screener, mine.rejected.id));
  unwrap(rejectQuestion(e, screener, theirs.rejected.id));
  for (const x of [mine.approved, theirs.merged, theirs.approved, theirs.onAir, theirs.answered]) unwrap(approveQuestion(e, screener, x.id));
  unwrap(castVote(e, listener(ME), theirs.approved.id));
  unwrap(castVote(e, listener(VOTER), theirs.approved.id));
  unwrap(castVote(e, listener(VOTER), theirs.merged.id));
  unwrap(castVote(e, listener(ME), phoned.id));
  unwrap(mergeQuestion(e, screener, theirs.merged.id, theirs.approved.id));
  unwrap(airQuestion(e, host, theirs.answered.id, ctx));
  unwrap(markAnswered(e, host, theirs.answered.id, ctx));
  unwrap(airQuestion(e, host, theirs.onAir.id, ctx));
  unwrap(castVote(e, listener(OTHER), theirs.onAir.id));
  unwrap(addNote(e, notulis, { questionId: theirs.onAir.id, by: { kind: 'speakers', speakerIds: [e.speakers[0]!.id] }, text: 'Jawaban.' }, ctx));
  unwrap(setClosing(e, notulis, { speakerId: e.speakers[1]!.id, kind: 'points', points: ['Satu.'] }));
  return { ctx, e, mine, theirs, phoned };
}

describe('questionView', () => {
  it('carries the vote count but not who asked or who voted', () => {
    const { e, theirs } = busyEpisode();
    const source = e.questions.find((x) => x.id === theirs.approved.id)!;
    const view = questionView(source);
    expect(view).toEqual({
      id: source.id, number: source.number, text: source.text, channel: 'web', askerName: null, askerLocation: null, status: 'approved', votes: 2,
      createdAt: source.createdAt, onAirAt: null, answeredAt: null, mergedInto: null,
    });
    expect(source.voters).toEqual([ME, VOTER]);
    expect(view).not.toHaveProperty('askedBy');
    expect(view).not.toHaveProperty('voters');
  });
});

describe('listenerSnapshot', () => {
  it('shows only approved, on-air and answered questions of everyone', () => {
    const { e, mine, theirs, phoned } = busyEpisode();
    const snap = listenerSnapshot(e, ME, 42);
    expect(snap.questions.map((x) => x.id)).toEqual([mine.approved.id, theirs.approved.id, theirs.onAir.id, theirs.answered.id, phoned.id]);
    for (const x of snap.questions) expect(LISTENER_VISIBLE.has(x.status)).toBe(true);
    const hidden = [theirs.pending.id, theirs.rejected.id, theirs.merged.id];
    const text = JSON.stringify(snap);
    for (const id of hidden) expect(snap.questions.some((x) => x.id === id) || snap.mine.some((x) => x.id === id)).toBe(false);
    for (const words of ['Orang lain: menunggu', 'Orang lain: ditolak', 'Orang lain: digabung']) expect(text).not.toContain(words);
  });

  it('lists the listener\'s own questions in every status, and their votes', () => {
    const { e, mine, theirs, phoned } = busyEpisode();
    const snap = listenerSnapshot(e, ME, 1);
    expect(snap.mine.map((x) => [x.id, x.status])).toEqual([
      [mine.pending.id, 'pending'], [mine.rejected.id, 'rejected'], [mine.approved.id, 'approved'],
    ]);
    expect(snap.myVotes).toEqual([theirs.approved.id, phoned.id]);
  });

  it('lets an asker follow their merged question', () => {
    const { e, theirs } = busyEpisode();
    const snap = listenerSnapshot(e, OTHER, 1);
    expect(snap.mine.find((x) => x.id === theirs.merged.id)).toMatchObject({ status: 'merged', mergedInto: theirs.approved.id });
    expect(snap.questions.some((x) => x.id === theirs.merged.id)).toBe(false);
    expect(snap.myVotes).toEqual([theirs.onAir.id]);
  });

  it('never contains a listener id, neither asker nor voter, not even the listener\'s own', () => {
    const { e } = busyEpisode();
    for (const who of ALL_LISTENERS) {
      const snap = listenerSnapshot(e, who, 7);
      const text = JSON.stringify(snap);
      for (const id of ALL_LISTENERS) expect(text).not.toContain(id);
      const keys = keysDeep(snap);
      expect(keys.has('askedBy')).toBe(false);
      expect(keys.has('voters')).toBe(false);
      expect(keys.has('listeners')).toBe(false);
    }
  });

  it('carries the episode view, the audience and the sequence number', () => {
    const { e } = busyEpisode();
    const snap = listenerSnapshot(e, ME, 42);
    expect(snap.audience).toBe('listener');
    expect(snap.seq).toBe(42);
    expect(snap.episode).toEqual(episodeView(e));
    expect(snap.episode.listenerCount).toBe(3);
  });

  it('a listener who has done nothing sees the public queue and nothing of their own', () => {
    const { e } = busyEpisode();
    const snap = listenerSnapshot(e, 'LSTN-newcomer', 1);
    expect(snap.mine).toEqual([]);
    expect(snap.myVotes).toEqual([]);
    expect(snap.questions).toHaveLength(5);
  });
});

describe('staffSnapshot', () => {
  it('shows every question, the notes and closing statements, but no listener ids', () => {
    const { e } = busyEpisode();
    const snap = staffSnapshot(e, 3);
    expect(snap.audience).toBe('staff');
    expect(snap.seq).toBe(3);
    expect(snap.questions.map((x) => x.id)).toEqual(e.questions.map((x) => x.id));
    expect(snap.questions.map((x) => x.votes)).toEqual(e.questions.map((x) => x.voters.length));
    expect(snap.notes).toEqual(e.notes);
    expect(snap.closing).toEqual(e.closing);
    const text = JSON.stringify(snap);
    for (const id of ALL_LISTENERS) expect(text).not.toContain(id);
  });
});

describe('episodeView and episodeSummary', () => {
  it('episodeView is the info plus status fields and a listener count, no lists of people', () => {
    const { e } = busyEpisode();
    const view = episodeView(e);
    expect(view).toEqual({ ...infoOf(e), id: e.id, code: e.code, status: 'live', startedAt: e.startedAt, endedAt: null, listenerCount: 3 });
    expect(view).not.toHaveProperty('listeners');
    expect(view).not.toHaveProperty('questions');
  });

  it('an imported episode reports its archived listener count', () => {
    const { ctx, e } = busyEpisode();
    unwrap(endEpisode(e, host, ctx));
    const archived: Episode = { ...e, listeners: [], archived: { questionsReceived: 40, listeners: 120 } };
    expect(episodeView(archived).listenerCount).toBe(120);
  });

  it('episodeSummary holds what a list of episodes needs', () => {
    const { e } = busyEpisode();
    expect(episodeSummary(e)).toEqual({
      id: e.id, code: 'ABC234', status: 'live', series: e.series, number: 7, title: e.title, startsAt: e.startsAt, timeZone: 'Asia/Jakarta',
    });
  });
});
