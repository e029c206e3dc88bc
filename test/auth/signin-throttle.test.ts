// The pure sign-in throttle and the hash queue, without a server: the edges the HTTP tests
// do not reach (words for long waits, memory bounds, settling twice, a job that throws).
import { describe, expect, it } from 'vitest';
import { HashQueue, HashQueueFull } from '../../server/auth/hash-queue.ts';
import { DEFAULT_SIGNIN_LIMITS, SignInThrottle, waitInWords } from '../../server/domain/signin-throttle.ts';

describe('waitInWords', () => {
  it('says a wait the way a host would read it', () => {
    expect(waitInWords(0.2)).toBe('1 detik');
    expect(waitInWords(5)).toBe('5 detik');
    expect(waitInWords(60)).toBe('1 menit');
    expect(waitInWords(90)).toBe('1 menit 30 detik');
    expect(waitInWords(3600)).toBe('1 jam');
    expect(waitInWords(3725)).toBe('1 jam 2 menit');
  });
});

describe('SignInThrottle', () => {
  it('counts an attempt once however often it is settled', () => {
    let t = 0;
    const th = new SignInThrottle(DEFAULT_SIGNIN_LIMITS, () => t);
    for (let i = 0; i < 5; i++) {
      const a = th.admit('10.0.0.1', 'admin');
      if (!a.ok) throw new Error('refused too early');
      a.attempt.failed();
      a.attempt.failed();
      a.attempt.succeeded();
    }
    const locked = th.admit('10.0.0.2', 'admin');
    expect(locked).toEqual({ ok: false, waitSeconds: 5 });
    t += 5000;
    expect(th.admit('10.0.0.2', 'admin').ok).toBe(true);
  });

  it('forgets a username after an hour without failures', () => {
    let t = 0;
    const th = new SignInThrottle(DEFAULT_SIGNIN_LIMITS, () => t);
    for (let i = 0; i < 4; i++) {
      const a = th.admit(`10.0.0.${i}`, 'admin');
      if (a.ok) a.attempt.failed();
    }
    t += 3600_000;
    const fifth = th.admit('10.0.1.1', 'admin');
    if (!fifth.ok) throw new Error('refused');
    fifth.attempt.failed();
    // Only one failure counted now: no lock after it.
    expect(th.admit('10.0.1.2', 'admin').ok).toBe(true);
  });

  it('keeps its memory bounded when usernames are sprayed, and keeps the locks', () => {
    let t = 0;
    const th = new SignInThrottle(DEFAULT_SIGNIN_LIMITS, () => t, 100);
    for (let i = 0; i < 11; i++) {
      const a = th.admit('203.0.113.9', `x${i}`);
      if (a.ok) a.attempt.failed();
    }
    for (let i = 0; i < 5_000; i++) {
      const a = th.admit(`10.${i >> 8}.${i & 255}.1`, `nama${i}`);
      if (a.ok) a.attempt.failed();
    }
    expect(th.size).toBeLessThanOrEqual(100);
    expect(th.admit('203.0.113.9', 'admin').ok).toBe(false);
  });
});

describe('HashQueue', () => {
  it('passes its slot on when a job throws, and refuses past its length', async () => {
    const q = new HashQueue({ concurrency: 1, maxWaiting: 1 });
    let release!: () => void;
    const held = q.run(() => new Promise<void>((r) => (release = r)));
    const next = q.run(async () => { throw new Error('boom'); });
    await expect(q.run(async () => 1)).rejects.toBeInstanceOf(HashQueueFull);
    release();
    await held;
    await expect(next).rejects.toThrow('boom');
    expect(await q.run(async () => 2)).toBe(2);
    expect(q.running).toBe(0);
    expect(q.waiting).toBe(0);
  });
});
