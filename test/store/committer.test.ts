import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Committer } from '../../server/store/committer.ts';

/** A write the test finishes by hand; records what state it captured when it began. */
interface Write<S> {
  captured: S;
  finish(): void;
  fail(err: unknown): void;
}

function controlledWriter<S>(capture: () => S) {
  const writes: Array<Write<S>> = [];
  const write = () => new Promise<void>((resolve, reject) => {
    writes.push({ captured: capture(), finish: resolve, fail: reject });
  });
  return { writes, write };
}

/** Lets every queued promise callback run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((r) => setImmediate(r));
}

function track(p: Promise<void>) {
  const t = { state: 'pending' as 'pending' | 'resolved' | 'rejected', error: undefined as unknown };
  p.then(() => { t.state = 'resolved'; }, (err) => { t.state = 'rejected'; t.error = err; });
  return t;
}

describe('Committer (group commit)', () => {
  it('starts the first write at once', async () => {
    const { writes, write } = controlledWriter(() => null);
    const c = new Committer(write);
    const p = track(c.commit());
    expect(writes).toHaveLength(1);
    await settle();
    expect(p.state).toBe('pending');
    writes[0]!.finish();
    await settle();
    expect(p.state).toBe('resolved');
    expect(c.writes).toBe(1);
  });

  it('many commits during one slow write share the next single write', async () => {
    const { writes, write } = controlledWriter(() => null);
    const c = new Committer(write);
    const first = track(c.commit());
    const during = Array.from({ length: 50 }, () => track(c.commit()));
    expect(writes).toHaveLength(1);
    writes[0]!.finish();
    await settle();
    expect(first.state).toBe('resolved');
    // The 50 waited for the write in progress to end, then share one more.
    expect(during.every((t) => t.state === 'pending')).toBe(true);
    expect(writes).toHaveLength(2);
    writes[1]!.finish();
    await settle();
    expect(during.every((t) => t.state === 'resolved')).toBe(true);
    expect(writes).toHaveLength(2);
    expect(c.writes).toBe(2);
  });

  it('never resolves a commit before a write that began after the commit was called', async () => {
    let version = 0;
    const { writes, write } = controlledWriter(() => version);
    const c = new Committer(write);
    version = 1;
    const a = track(c.commit()); // write #0 captures 1
    version = 2;
    const b = track(c.commit()); // arrives during write #0: must wait for write #1
    writes[0]!.finish();
    await settle();
    expect(a.state).toBe('resolved');
    expect(b.state).toBe('pending');
    expect(writes[1]!.captured).toBe(2);
    version = 3;
    const d = track(c.commit()); // arrives during write #1
    writes[1]!.finish();
    await settle();
    expect(b.state).toBe('resolved');
    expect(d.state).toBe('pending');
    expect(writes[2]!.captured).toBe(3);
    writes[2]!.finish();
    await settle();
    expect(d.state).toBe('resolved');
  });

  it('a failing write rejects exactly its batch; the next batch still works', async () => {
    const { writes, write } = controlledWriter(() => null);
    const c = new Committer(write);
    const first = track(c.commit());
    const batch = [track(c.commit()), track(c.commit())];
    const boom = new Error('disk full');
    writes[0]!.finish();
    await settle();
    const later = track(c.commit()); // arrives during the failing write: belongs to the next batch
    writes[1]!.fail(boom);
    await settle();
    expect(first.state).toBe('resolved');
    expect(batch.map((t) => t.state)).toEqual(['rejected', 'rejected']);
    expect(batch.every((t) => t.error === boom)).toBe(true);
    expect(later.state).toBe('pending');
    expect(writes).toHaveLength(3);
    writes[2]!.finish();
    await settle();
    expect(later.state).toBe('resolved');
    expect(c.writes).toBe(2); // the failed write is not counted
    const after = track(c.commit());
    expect(writes).toHaveLength(4);
    writes[3]!.finish();
    await settle();
    expect(after.state).toBe('resolved');
  });

  it('idle() waits for the write in progress and for every waiting batch, then stops', async () => {
    const { writes, write } = controlledWriter(() => null);
    const c = new Committer(write);
    void c.commit();
    void c.commit();
    const idle = track(c.idle());
    writes[0]!.finish();
    await settle();
    expect(idle.state).toBe('pending');
    writes[1]!.finish();
    await settle();
    expect(idle.state).toBe('resolved');
    // Regression: idle() once saw the finished write as still running and committed
    // again after every write, so it never resolved (flush on SIGTERM hung).
    expect(writes).toHaveLength(2);
  });

  it('idle() resolves with a real asynchronous write, without extra writes', async () => {
    let n = 0;
    const c = new Committer(async () => {
      n++;
      // A turn of the event loop, as real I/O takes; no timer, so no wall time involved.
      await new Promise((r) => setImmediate(r));
    });
    void c.commit();
    await c.idle(); // a hang here fails by the test timeout
    expect(n).toBe(2);
    await settle();
    expect(n).toBe(2);
  });

  it('idle() on a quiet committer resolves without writing', async () => {
    const { writes, write } = controlledWriter(() => null);
    const c = new Committer(write);
    await c.idle();
    expect(writes).toHaveLength(0);
  });

  it('holds under any interleaving of commits, successes and failures (property)', async () => {
    type Step = { kind: 'commit' } | { kind: 'finish' } | { kind: 'fail' };
    const step = fc.oneof(
      fc.constant<Step>({ kind: 'commit' }),
      fc.constant<Step>({ kind: 'finish' }),
      fc.constant<Step>({ kind: 'fail' }),
    );
    await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
      let version = 0;
      let durable = 0;
      const { writes, write } = controlledWriter(() => version);
      let done = 0;
      const c = new Committer(write);
      const calls: Array<{ version: number; t: ReturnType<typeof track>; resolvedDurable: number | null }> = [];
      const finishNext = async (ok: boolean) => {
        const w = writes[done];
        if (!w) return;
        done++;
        if (ok) { durable = w.captured; w.finish(); } else w.fail(new Error('x'));
        await settle();
      };
      for (const s of steps) {
        if (s.kind === 'commit') {
          version++;
          const call = { version, t: track(c.commit()), resolvedDurable: null as number | null };
          calls.push(call);
        } else {
          await finishNext(s.kind === 'finish');
        }
        for (const call of calls) if (call.t.state === 'resolved' && call.resolvedDurable === null) call.resolvedDurable = durable;
        // At most one write runs at a time.
        expect(writes.length - done).toBeLessThanOrEqual(1);
      }
      while (done < writes.length) {
        await finishNext(true);
        for (const call of calls) if (call.t.state === 'resolved' && call.resolvedDurable === null) call.resolvedDurable = durable;
      }
      for (const call of calls) {
        // Every commit settles, and an acknowledged change is on "disk".
        expect(call.t.state).not.toBe('pending');
        if (call.t.state === 'resolved') expect(call.resolvedDurable!).toBeGreaterThanOrEqual(call.version);
      }
      // Group commit: never more writes than commits.
      expect(writes.length).toBeLessThanOrEqual(calls.length);
    }), { numRuns: 200 });
  });
});

/** A clock the test moves by hand: timers fire only when it advances past them. */
function manualClock() {
  let t = 1_000;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => t,
    setTimeout: (fn: () => void, ms: number) => {
      timers.set(++nextId, { at: t + ms, fn });
      return nextId;
    },
    clearTimeout: (h: unknown) => void timers.delete(h as number),
    advance(ms: number) {
      t += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > t) continue;
        timers.delete(id);
        timer.fn();
      }
    },
    pending: () => timers.size,
  };
}

describe('Committer with a gap after each write', () => {
  it('waits the gap before the next write, and every change made meanwhile shares it', async () => {
    let state = 0;
    const clock = manualClock();
    const began: number[] = [];
    const { writes, write } = controlledWriter(() => {
      began.push(clock.now());
      return state;
    });
    const c = new Committer(write, { gapAfter: () => 60, clock });
    state = 1;
    const first = track(c.commit());
    writes[0]!.finish();
    await settle();
    expect(first.state).toBe('resolved');
    const later: Array<ReturnType<typeof track>> = [];
    for (let i = 2; i <= 6; i++) {
      state = i;
      later.push(track(c.commit()));
      clock.advance(5);
      await settle();
    }
    // 25 ms of the 60 ms gap have passed: nothing written yet, one timer armed.
    expect(writes).toHaveLength(1);
    expect(clock.pending()).toBe(1);
    clock.advance(34);
    await settle();
    expect(writes).toHaveLength(1);
    clock.advance(1);
    await settle();
    expect(writes).toHaveLength(2);
    writes[1]!.finish();
    await settle();
    expect(later.every((t) => t.state === 'resolved')).toBe(true);
    expect(writes.map((w) => w.captured)).toEqual([1, 6]);
    expect(began[1]! - began[0]!).toBe(60);
    await c.idle();
    expect(c.writes).toBe(2);
  });

  it('a write that reports its busy time in all is followed by a gap counted from its end', async () => {
    const clock = manualClock();
    const finishes: Array<(busy: number) => void> = [];
    const gaps: number[] = [];
    const c = new Committer(() => new Promise<number>((resolve) => finishes.push(resolve)), { gapAfter: (busy) => { gaps.push(busy); return busy * 10; }, clock });
    const first = track(c.commit());
    // Its slices keep the loop busy 4 ms in all, spread over 50 ms of writing.
    clock.advance(50);
    finishes[0]!(4);
    await settle();
    expect(first.state).toBe('resolved');
    const second = track(c.commit());
    clock.advance(39);
    await settle();
    expect(finishes).toHaveLength(1); // 40 ms after the end, not after its short start
    clock.advance(1);
    await settle();
    expect(finishes).toHaveLength(2);
    finishes[1]!(1);
    await settle();
    expect(second.state).toBe('resolved');
    expect(gaps.at(-1)).toBe(1);
  });

  it('hurry() starts the waiting write at once, and that write still holds every change', async () => {
    let state = 0;
    const clock = manualClock();
    const { writes, write } = controlledWriter(() => state);
    const c = new Committer(write, { gapAfter: () => 60_000, clock });
    state = 1;
    const first = c.commit();
    writes[0]!.finish();
    await first;
    state = 2;
    const waiting = track(c.commit());
    clock.advance(59_999);
    await settle();
    expect(writes).toHaveLength(1); // held by the minute-long gap
    c.hurry();
    expect(clock.pending()).toBe(0);
    expect(writes).toHaveLength(2);
    writes[1]!.finish();
    await settle();
    expect(waiting.state).toBe('resolved');
    expect(writes.map((w) => w.captured)).toEqual([1, 2]);
    c.hurry(); // nothing waiting: no write
    await c.idle();
    expect(c.writes).toBe(2);
  });
});
