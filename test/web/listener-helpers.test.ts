// Pure helpers behind the listener page: votes as the server confirms them (join codes: test/contract/join-code.test.ts).
import { describe, expect, it } from 'vitest';
import { withVote } from '../../web/src/lib/episode-state.ts';
import type { EpisodeState } from '../../web/src/lib/episode-state.ts';
import type { QuestionView } from '../../server/contract/views.ts';

describe('withVote', () => {
  const q: QuestionView = {
    id: 'q1', text: 'Kapan?', channel: 'web', askerName: null, askerLocation: null, status: 'approved',
    votes: 3, createdAt: '2026-10-03T12:00:00.000Z', onAirAt: null, answeredAt: null, mergedInto: null,
  };
  const state = (): EpisodeState => ({
    audience: 'listener', episode: {} as EpisodeState['episode'], questions: new Map([[q.id, q]]),
    notes: new Map(), closing: [], mine: new Map(), myVotes: new Set(), seq: 4,
  });

  it('records the vote and the count the server answered, without touching the old state', () => {
    const before = state();
    const after = withVote(before, 'q1', true, 4);
    expect(after.myVotes.has('q1')).toBe(true);
    expect(after.questions.get('q1')!.votes).toBe(4);
    expect(before.myVotes.size).toBe(0);
    expect(before.questions.get('q1')!.votes).toBe(3);
  });

  it('keeps the count when the server only corrected who voted (already_voted)', () => {
    const after = withVote(state(), 'q1', true);
    expect(after.myVotes.has('q1')).toBe(true);
    expect(after.questions.get('q1')!.votes).toBe(3);
  });

  it('forgets a withdrawn vote, also for a question no longer shown', () => {
    const s = withVote(state(), 'gone', true);
    expect(withVote(s, 'gone', false).myVotes.has('gone')).toBe(false);
  });
});
