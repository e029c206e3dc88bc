// The client model's handling of polls and usulan: what the host, listener and studio
// pages show is what these functions make of snapshots, deltas and acks.
import { describe, expect, it } from 'vitest';
import {
  applyDelta, applyMyAspiration, aspirationList, fromSnapshot, openPoll, pollList, withPollAnswer, withSupport,
} from '../../web/src/lib/episode-state.ts';
import type { EpisodeState } from '../../web/src/lib/episode-state.ts';
import type { EpisodeView, ListenerSnapshot, PollView, QuestionView } from '../../server/contract/views.ts';
import type { AspirationView } from '../../server/contract/planner.ts';

const episode = { id: 'e1', title: 'Air bersih', listenerCount: 3 } as EpisodeView;

const poll = (over: Partial<PollView> = {}): PollView => ({
  id: 'p1', kind: 'rating', preset: 'satisfaction', question: 'Bagaimana Tanggapan Anda?',
  options: ['Sangat Puas', 'Puas', 'Cukup Puas', 'Tidak Puas'], status: 'open', resultsVisible: false,
  openedAt: '2026-11-14T12:10:00.000Z', closedAt: null, counts: null, percents: null, total: null, ...over,
});

const usulan = (id: string, over: Partial<AspirationView> = {}): AspirationView => ({
  id, episodeId: 'e1', text: `Usulan ${id}`, problem: 'Masalah', dimension: 'living', kecamatan: '99.01.01', desa: '99.01.01.2001',
  rtRw: null, channel: 'web', status: 'baru', rejectReason: null, mergedInto: null, supports: 0, questionId: null,
  createdAt: `2026-11-14T12:${id.slice(1).padStart(2, '0')}:00.000Z`, updatedAt: '2026-11-14T12:00:00.000Z', ...over,
});

const plain: ListenerSnapshot = { audience: 'listener', episode, questions: [], mine: [], myVotes: [], seq: 5 };

function listenerState() {
  return fromSnapshot({
    ...plain, polls: [poll()], myPollAnswers: { p1: 2 }, aspirations: [usulan('u1', { supports: 2 }), usulan('u2')],
    myAspirations: [usulan('u2'), usulan('u9', { episodeId: 'older', status: 'ditinjau' })], mySupports: ['u1'],
  });
}

describe('snapshots', () => {
  it('accepts a snapshot without polls or usulan (older servers, fixtures) and reads as empty', () => {
    let s: EpisodeState = fromSnapshot(plain);
    expect(pollList(s)).toEqual([]);
    expect(openPoll(s)).toBeUndefined();
    expect(aspirationList(s)).toEqual([]);
    // A delta with new fields applies to it.
    s = applyDelta(s, { episodeId: 'e1', seq: 6, polls: [poll()], aspirations: [usulan('u1')] });
    expect(openPoll(s)?.id).toBe('p1');
    expect(aspirationList(s).map((a) => a.id)).toEqual(['u1']);
  });

  it('keeps the listener\'s answers, supports and own usulan', () => {
    let s: EpisodeState = listenerState();
    expect(s.myPollAnswers?.get('p1')).toBe(2);
    expect([...(s.mySupports ?? [])]).toEqual(['u1']);
    expect([...(s.myAspirations?.keys() ?? [])]).toEqual(['u2', 'u9']);
    expect(aspirationList(s).map((a) => a.id)).toEqual(['u1', 'u2']);
  });

  it('a state built by hand without the new fields still takes deltas', () => {
    let s: EpisodeState = { audience: 'listener' as const, episode, questions: new Map(), notes: new Map(), closing: [], mine: new Map(), myVotes: new Set<string>(), seq: 1 };
    s = applyDelta(s, { episodeId: 'e1', seq: 2, polls: [poll()], supports: { u1: 4 }, aspirationsRemoved: ['u1'] });
    expect(pollList(s)).toHaveLength(1);
  });
});

describe('deltas', () => {
  it('upserts polls with their counts, and skips old sequence numbers', () => {
    let s: EpisodeState = listenerState();
    s = applyDelta(s, { episodeId: 'e1', seq: 6, polls: [poll({ resultsVisible: true, counts: [1, 3, 3, 0], percents: [14, 43, 43, 0], total: 7 })] });
    expect(openPoll(s)?.percents).toEqual([14, 43, 43, 0]);
    s = applyDelta(s, { episodeId: 'e1', seq: 6, polls: [poll({ status: 'closed' })] });
    expect(openPoll(s)?.status).toBe('open');
    s = applyDelta(s, { episodeId: 'e1', seq: 7, polls: [poll({ status: 'closed', closedAt: '2026-11-14T12:20:00.000Z' }), poll({ id: 'p2', openedAt: '2026-11-14T12:30:00.000Z' })] });
    expect(pollList(s).map((p) => [p.id, p.status])).toEqual([['p1', 'closed'], ['p2', 'open']]);
  });

  it('removes, upserts, then applies support counts — also to the listener\'s own copy', () => {
    let s: EpisodeState = listenerState();
    s = applyDelta(s, {
      episodeId: 'e1', seq: 6, aspirationsRemoved: ['u1', 'unknown'], aspirations: [usulan('u3')],
      supports: { u2: 5, u3: 1, unknown: 9 },
    });
    expect(aspirationList(s).map((a) => [a.id, a.supports])).toEqual([['u2', 5], ['u3', 1]]);
    expect(s.myAspirations?.get('u2')?.supports).toBe(5);
    // An upsert of the listener's own usulan updates their list too.
    s = applyDelta(s, { episodeId: 'e1', seq: 8, aspirations: [usulan('u2', { status: 'ditinjau', supports: 5 })] });
    expect(s.myAspirations?.get('u2')?.status).toBe('ditinjau');
  });
});

describe('the listener\'s own news and acks', () => {
  it('aspiration:mine: a rejected own usulan stays in "mine" but leaves the episode list; others\' episodes only touch "mine"', () => {
    let s: EpisodeState = listenerState();
    s = applyMyAspiration(s, usulan('u2', { status: 'ditolak', rejectReason: 'Bukan kewenangan kabupaten' }));
    expect(s.myAspirations?.get('u2')?.rejectReason).toBe('Bukan kewenangan kabupaten');
    expect(s.aspirations?.has('u2')).toBe(false);
    s = applyMyAspiration(s, usulan('u9', { episodeId: 'older', status: 'diteruskan' }));
    expect(s.myAspirations?.get('u9')?.status).toBe('diteruskan');
    expect(s.aspirations?.has('u9')).toBe(false);
  });

  it('staff keep every status of the episode\'s usulan', () => {
    let s: EpisodeState = fromSnapshot({ audience: 'staff', episode, questions: [], notes: [], closing: [], seq: 1, polls: [], aspirations: [usulan('u1')] });
    s = applyMyAspiration(s, usulan('u1', { status: 'ditolak' }));
    expect(s.aspirations?.get('u1')?.status).toBe('ditolak');
  });

  it('withPollAnswer, withSupport and applyMyAspiration return a new state and leave the old one alone', () => {
    const before = listenerState();
    const answered = withPollAnswer(before, 'p1', 0);
    expect(answered.myPollAnswers?.get('p1')).toBe(0);
    expect(before.myPollAnswers?.get('p1')).toBe(2);

    const supported = withSupport(before, 'u2', 1);
    expect(supported.mySupports?.has('u2')).toBe(true);
    expect(supported.aspirations?.get('u2')?.supports).toBe(1);
    expect(supported.myAspirations?.get('u2')?.supports).toBe(1);
    expect(before.mySupports?.has('u2')).toBe(false);
    expect(before.aspirations?.get('u2')?.supports).toBe(0);
    // already_supported: no count in the answer, only "I support it".
    expect(withSupport(before, 'u1').aspirations?.get('u1')?.supports).toBe(2);

    const submitted = applyMyAspiration(before, usulan('u5'));
    expect(submitted.myAspirations?.has('u5')).toBe(true);
    expect(submitted.aspirations?.has('u5')).toBe(true);
    expect(before.myAspirations?.has('u5')).toBe(false);
    expect(before.aspirations?.has('u5')).toBe(false);
  });

  it('a delta returns a new state and changes no Map or Set of the old one; a stale one returns the state itself', () => {
    const before = listenerState();
    const maps: Record<string, Map<string, unknown> | undefined> = { questions: before.questions, mine: before.mine, notes: before.notes, polls: before.polls, aspirations: before.aspirations, myAspirations: before.myAspirations };
    const copies = Object.fromEntries(Object.entries(maps).map(([k, m]) => [k, new Map(m)]));
    const q = { id: 'q1', status: 'approved', votes: 1 } as QuestionView;
    const after = applyDelta(before, {
      episodeId: 'e1', seq: 6, questions: [q], votes: { q1: 4 }, polls: [poll({ status: 'closed' })], aspirations: [usulan('u2', { supports: 7 })], aspirationsRemoved: ['u1'],
    });
    expect(after.questions.get('q1')?.votes).toBe(4);
    expect(after.myAspirations?.get('u2')?.supports).toBe(7);
    for (const [k, m] of Object.entries(maps)) expect(m, k).toEqual(copies[k]);
    expect(before.seq).toBe(5);
    // Parts the delta does not touch are shared, so a store can tell by reference what changed.
    expect(after.mine).toBe(before.mine);
    expect(after.notes).toBe(before.notes);
    expect(applyDelta(after, { episodeId: 'e1', seq: 6, questions: [{ ...q, votes: 9 }] })).toBe(after);
  });
});
