// Coalescing without sockets: a fake Socket.IO server records what would go out, and the
// audience size of each room is set by hand.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Broadcaster, LISTENER_MESSAGES_PER_SECOND } from '../../server/realtime/broadcaster.ts';
import type { Delta } from '../../server/contract/events.ts';
import { rooms } from '../../server/contract/events.ts';
import { approveQuestion, rejectQuestion, submitQuestion } from '../../server/domain/question.ts';
import { castVote } from '../../server/domain/vote.ts';
import { draftEpisode, host, listener, makeCtx, screener, unwrap } from '../domain/fixtures.ts';
import { startEpisode } from '../../server/domain/episode.ts';

function fakeIo(audience: number) {
  const sent: Array<{ room: string; delta: Delta }> = [];
  const slices: Array<{ ids: string[]; seq: number }> = [];
  const members = new Map<string, Set<string>>();
  const io = {
    sockets: { adapter: { rooms: members } },
    to(room: string | string[]) {
      // A large audience gets slices (lists of socket ids): the first slice stands for the whole delta.
      const emit = (_e: string, delta: Delta) => {
        if (!Array.isArray(room)) sent.push({ room, delta });
        else {
          slices.push({ ids: room, seq: delta.seq });
          if (room[0] === 's0') sent.push({ room: episodeRoom, delta });
        }
      };
      return { emit, except: () => ({ emit }) };
    },
  };
  let episodeRoom = '';
  return {
    io, sent, slices,
    setAudience: (episodeId: string, n = audience) => {
      episodeRoom = rooms.episode(episodeId);
      members.set(episodeRoom, new Set(Array.from({ length: n }, (_, i) => `s${i}`)));
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

/** A live episode with one question, on fake timers, and a Broadcaster over a fake server with `audience` listeners. */
function liveShow(audience: number, text = 'Soal jalan') {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance', 'Date'] });
  const ctx = makeCtx();
  const e = draftEpisode(ctx);
  unwrap(startEpisode(e, host, ctx));
  const q = unwrap(submitQuestion(e, screener, { text, channel: 'sms' }, ctx));
  const fake = fakeIo(audience);
  fake.setAudience(e.id);
  return {
    e, q, ...fake,
    b: new Broadcaster(fake.io as never, 100),
    toListeners: () => fake.sent.filter((s) => s.room === rooms.episode(e.id)),
    toStaff: () => fake.sent.filter((s) => s.room === rooms.staff(e.id)),
  };
}

describe('Broadcaster', () => {
  it('sends staff every tick, and stretches the listener tick with the audience', () => {
    const audience = 1_500;
    const { e, q, b, sent, toListeners, toStaff } = liveShow(audience);
    const listenerTick = (audience * 1000) / LISTENER_MESSAGES_PER_SECOND; // 1,000 ms
    for (let i = 0; i < 20; i++) {
      const r = castVote(e, listener(`L${i}`), q.id);
      if (r.ok) b.publish(e, r.changes);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(1_000);
    const staff = toStaff();
    const listeners = toListeners();
    expect(staff.length).toBeGreaterThanOrEqual(9);
    expect(listeners.length).toBeGreaterThanOrEqual(2);
    expect(listeners.length).toBeLessThanOrEqual(Math.ceil((20 * 50 + 1_000) / listenerTick));
    // Nothing lost: both audiences end on the latest count, with rising sequence numbers.
    expect(staff.at(-1)!.delta.votes![q.id]).toBe(20);
    expect(listeners.at(-1)!.delta.votes![q.id]).toBe(20);
    const seqs = sent.map((s) => s.delta.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(b.seq(e.id)).toBe(Math.max(...seqs));
  });

  it('keeps the short tick for a small audience, and flush sends what is held back', () => {
    const { e, q, b, toListeners } = liveShow(10, 'Soal air');
    const a = castVote(e, listener('A'), q.id);
    b.publish(e, a.ok ? a.changes : []);
    vi.advanceTimersByTime(100);
    expect(toListeners().length).toBe(1);

    const big = fakeIo(100_000);
    big.setAudience(e.id);
    const b2 = new Broadcaster(big.io as never, 100);
    b2.publish(e, [{ kind: 'votes', questionId: q.id, count: 2 }]);
    vi.advanceTimersByTime(100); // the first listener delta goes out at once
    b2.publish(e, [{ kind: 'votes', questionId: q.id, count: 3 }]);
    vi.advanceTimersByTime(100); // the next waits for the (long) listener tick…
    expect(big.sent.filter((s) => s.room === rooms.episode(e.id)).length).toBe(1);
    b2.flush(); // …unless flushed
    const sentToListeners = big.sent.filter((s) => s.room === rooms.episode(e.id));
    expect(sentToListeners.length).toBe(2);
    expect(sentToListeners.at(-1)!.delta.votes![q.id]).toBe(3);
  });

  it('lets the latest state win when a question is rejected and approved again within one listener tick', () => {
    const { e, q, b, toListeners } = liveShow(20_000, 'Soal pasar');
    b.publish(e, [{ kind: 'votes', questionId: q.id, count: 0 }]);
    vi.advanceTimersByTime(100);
    const rejected = rejectQuestion(e, screener, q.id);
    b.publish(e, rejected.ok ? rejected.changes : []);
    vi.advanceTimersByTime(100);
    const approved = approveQuestion(e, screener, q.id);
    b.publish(e, approved.ok ? approved.changes : []);
    b.flush();
    const last = toListeners().at(-1)!.delta;
    expect(last.questions?.find((x) => x.id === q.id)?.status).toBe('approved');
    expect(last.removed ?? []).not.toContain(q.id);
  });

  it('sends a listener count on its own to listeners only every few seconds, to staff every tick', () => {
    const { e, b, toListeners: listenerDeltas, toStaff } = liveShow(50);
    // A join storm: the count changes every 50 ms for 3 s.
    for (let n = 1; n <= 60; n++) {
      b.publish(e, [{ kind: 'listeners', count: n }]);
      vi.advanceTimersByTime(50);
    }
    const staff = toStaff();
    expect(staff.length).toBeGreaterThanOrEqual(25);
    expect(staff.at(-1)!.delta.listenerCount).toBe(60);
    expect(listenerDeltas().length).toBe(1);
    // It rides along with the next real listener delta, and otherwise arrives within 5 s.
    vi.advanceTimersByTime(5_000);
    expect(listenerDeltas().at(-1)!.delta.listenerCount).toBe(60);
  });

  it('sends to a large audience in slices, each socket once per delta and in sequence', () => {
    const { e, q, b, slices } = liveShow(1_000, 'Soal sekolah');
    for (let n = 1; n <= 30; n++) {
      b.publish(e, [{ kind: 'votes', questionId: q.id, count: n }]);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(3_000);
    const seqs = [...new Set(slices.map((x) => x.seq))];
    expect(seqs.length).toBeGreaterThanOrEqual(2);
    for (const seq of seqs) {
      const ids = slices.filter((x) => x.seq === seq).flatMap((x) => x.ids);
      expect(ids.length).toBe(1_000);
      expect(new Set(ids).size).toBe(1_000);
    }
    // Slices of one delta all go out before any slice of the next.
    const order = slices.map((x) => x.seq);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
