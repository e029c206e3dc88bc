// Issue 9, item 2: sign-in had no lockout (40 wrong passwords, then the right one worked)
// and every try ran a 128 MB scrypt beside the others on the pool that fsyncs votes. Now
// failures lock per address (strict) and per username (short, capped), and every hash
// waits its turn in one queue. The server believes X-Forwarded-For (TRUST_PROXY=1) so the
// test can speak from many addresses; the lock's clock is the app's injected clock.
import { afterEach, describe, expect, it } from 'vitest';
import { HashQueue } from '../../server/auth/hash-queue.ts';
import { DEFAULT_SIGNIN_LIMITS } from '../../server/domain/signin-throttle.ts';
import { ADMIN_PASSWORD, api, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** The clock the server's throttle reads; only the test moves it. */
function clock() {
  let t = Date.parse('2026-12-05T12:00:00Z');
  return { now: () => new Date(t), advance: (seconds: number) => { t += seconds * 1000; } };
}

function signInFrom(url: string, address: string, username: string, password: string) {
  return api(url, '/api/session', { method: 'POST', body: { username, password }, headers: { 'x-forwarded-for': address } });
}

/** Counts the hashes that really run, and the most at once: the queue's work seen from inside it. */
class CountingQueue extends HashQueue {
  started = 0;
  active = 0;
  peak = 0;
  override run<T>(job: () => Promise<T>): Promise<T> {
    return super.run(async () => {
      this.started++;
      this.peak = Math.max(this.peak, ++this.active);
      try {
        return await job();
      } finally {
        this.active--;
      }
    });
  }
}

// Waiting for what a socket handler applies: the shared, timing-free helper.
import { until } from '../support/until.ts';

describe('sign-in throttling (issue 9, item 2)', () => {
  it('refuses the right password after 40 wrong ones, saying how long to wait, until the lock ends', async () => {
    const c = clock();
    server = await startServer({ trustProxy: 1, now: c.now, signInLimits: DEFAULT_SIGNIN_LIMITS });
    const attacker = '203.0.113.7';
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) codes.push((await signInFrom(server.url, attacker, 'admin', `tebakan-${i}`)).json.error.code);
    // The username rule (5 free) answers first, then both; never a 41st hash.
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('wrong_password'));
    expect(codes.slice(5).every((c) => c === 'rate_limited')).toBe(true);

    const right = await signInFrom(server.url, attacker, 'admin', ADMIN_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('rate_limited');
    expect(right.json.error.message).toBe('Terlalu cepat. Tunggu sebentar lalu coba lagi. Terlalu banyak percobaan masuk yang gagal; coba lagi dalam 5 detik.');
    expect(right.headers.get('retry-after')).toBe('5');
    expect(right.headers.get('set-cookie')).toBeNull();

    c.advance(5);
    const later = await signInFrom(server.url, attacker, 'admin', ADMIN_PASSWORD);
    expect(later.status).toBe(200);
    expect(later.headers.get('set-cookie')).toMatch(/^kentongan_session=/);
  });

  it('locks an address after 10 failures over any usernames for a minute, doubling, while other addresses sign in', async () => {
    const c = clock();
    server = await startServer({ trustProxy: 1, now: c.now, signInLimits: DEFAULT_SIGNIN_LIMITS });
    const attacker = '198.51.100.20';
    for (let i = 0; i < 10; i++) {
      expect((await signInFrom(server.url, attacker, `tebak${i}`, 'salah-salah')).json.error.code).toBe('wrong_password');
    }
    const locked = await signInFrom(server.url, attacker, 'admin', ADMIN_PASSWORD);
    expect(locked.json.error.code).toBe('rate_limited');
    expect(locked.json.error.message).toContain('coba lagi dalam 1 menit.');
    expect(locked.headers.get('retry-after')).toBe('60');

    // Another address is not locked by those failures (none were for "admin").
    expect((await signInFrom(server.url, '198.51.100.21', 'admin', ADMIN_PASSWORD)).status).toBe(200);

    c.advance(30);
    expect((await signInFrom(server.url, attacker, 'admin', ADMIN_PASSWORD)).json.error.message).toContain('coba lagi dalam 30 detik.');
    c.advance(30);
    // The lock is over; one more failure locks it again, twice as long.
    expect((await signInFrom(server.url, attacker, 'tebak10', 'salah-salah')).json.error.code).toBe('wrong_password');
    const again = await signInFrom(server.url, attacker, 'admin', ADMIN_PASSWORD);
    expect(again.json.error.message).toContain('coba lagi dalam 2 menit.');
    c.advance(120);
    expect((await signInFrom(server.url, attacker, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    // A success from the address clears its count: the next mistake is only a mistake.
    expect((await signInFrom(server.url, attacker, 'tebak11', 'salah-salah')).json.error.code).toBe('wrong_password');
    expect((await signInFrom(server.url, attacker, 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('keeps the real admin out for at most a minute when many addresses guess at "admin"', async () => {
    const c = clock();
    server = await startServer({ trustProxy: 1, now: c.now, signInLimits: DEFAULT_SIGNIN_LIMITS });
    const waits: number[] = [];
    // Each guess from a new address: only the per-username rule applies.
    for (let i = 0; i < 5; i++) expect((await signInFrom(server.url, `192.0.2.${i + 1}`, 'admin', 'salah-salah')).status).toBe(401);
    for (let i = 0; i < 8; i++) {
      const admin = await signInFrom(server.url, '10.9.9.9', 'admin', ADMIN_PASSWORD);
      expect(admin.json.error.code).toBe('rate_limited');
      const wait = Number(admin.headers.get('retry-after'));
      waits.push(wait);
      c.advance(wait);
      expect((await signInFrom(server.url, `192.0.2.${i + 10}`, 'admin', 'salah-salah')).status).toBe(401);
    }
    expect(waits).toEqual([5, 10, 20, 40, 60, 60, 60, 60]);
    const capped = await signInFrom(server.url, '10.9.9.9', 'admin', ADMIN_PASSWORD);
    expect(capped.json.error.message).toContain('coba lagi dalam 1 menit.');
    c.advance(60);
    expect((await signInFrom(server.url, '10.9.9.9', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('never locks the admin out of an address they signed in from before, however often "admin" is guessed elsewhere', async () => {
    const c = clock();
    server = await startServer({ trustProxy: 1, now: c.now, signInLimits: DEFAULT_SIGNIN_LIMITS });
    const studio = '10.20.30.40';
    expect((await signInFrom(server.url, studio, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 12; i++) {
      c.advance(60);
      await signInFrom(server.url, `192.0.2.${i + 1}`, 'admin', 'salah-salah');
    }
    // A new address meets the username lock; the studio does not.
    expect((await signInFrom(server.url, '10.20.30.99', 'admin', ADMIN_PASSWORD)).json.error.code).toBe('rate_limited');
    expect((await signInFrom(server.url, studio, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    // The studio's own mistakes still count against its address.
    for (let i = 0; i < 10; i++) expect((await signInFrom(server.url, studio, 'admin', 'salah-salah')).status).toBe(401);
    expect((await signInFrom(server.url, studio, 'admin', ADMIN_PASSWORD)).json.error.code).toBe('rate_limited');
  });

  it('lets at most the free number of sign-ins for one address or username be checked at once', async () => {
    const queue = new CountingQueue();
    server = await startServer({ trustProxy: 1, now: clock().now, hashQueue: queue, signInLimits: DEFAULT_SIGNIN_LIMITS });
    const before = queue.started;
    const all = await Promise.all(Array.from({ length: 16 }, () => signInFrom(server!.url, '203.0.113.50', 'admin', 'salah-salah')));
    const codes = all.map((r) => r.json.error.code);
    // Sixteen at once: five (the username's free failures) are checked, the rest refused unhashed.
    expect(codes.filter((c) => c === 'wrong_password')).toHaveLength(5);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(11);
    expect(queue.started - before).toBe(5);
  });
});

describe('the hash queue (issue 9, item 2)', () => {
  it('runs one hash at a time for sign-in, new accounts, new passwords and the first admin, and refuses past its length', async () => {
    const queue = new CountingQueue({ concurrency: 1, maxWaiting: 4 });
    // Limits out of the way: this is about the queue, from sixteen addresses and usernames.
    server = await startServer({ trustProxy: 1, hashQueue: queue, signInLimits: { address: { ...DEFAULT_SIGNIN_LIMITS.address, free: 100 }, username: { ...DEFAULT_SIGNIN_LIMITS.username, free: 100 } } });
    expect(queue.started).toBe(1); // the first admin, at start
    const cookie = (await signInFrom(server.url, '10.0.0.1', 'admin', ADMIN_PASSWORD)).headers.get('set-cookie')!.split(';')[0]!;
    expect(queue.started).toBe(2);
    const made = await api(server.url, '/api/staff', { method: 'POST', cookie, body: { username: 'dewi.host', name: 'Dewi', role: 'host', password: 'siaran-malam-1' } });
    expect(made.status).toBe(201);
    expect(queue.started).toBe(3);
    expect((await api(server.url, `/api/staff/${made.json.staff.id}`, { method: 'PATCH', cookie, body: { password: 'siaran-pagi-22' } })).status).toBe(200);
    expect(queue.started).toBe(4);

    // Hold the only slot, so what comes next must wait in line.
    let release!: () => void;
    const held = queue.run(() => new Promise<void>((r) => (release = r)));
    const storm = Array.from({ length: 16 }, (_, i) => signInFrom(server!.url, `10.1.0.${i + 1}`, `orang${i}`, 'salah-salah'));
    let busyWhileHeld = 0;
    for (const p of storm) void p.then((r) => { if (r.status === 503) busyWhileHeld++; });
    // Four wait in line; the twelve beyond it are answered while the slot is still held.
    await until(() => busyWhileHeld === 12, 'twelve refused at once');
    expect(queue.waiting).toBe(4);
    expect(queue.started).toBe(5); // only the held job has started since
    release();
    await held;
    const answers = await Promise.all(storm);
    const busy = answers.filter((r) => r.status === 503);
    expect(busy).toHaveLength(12);
    expect(busy[0]!.json.error).toEqual({ code: 'server_busy', message: 'Server sedang sibuk, coba lagi sebentar lagi.' });
    expect(answers.filter((r) => r.status === 401)).toHaveLength(4);
    expect(queue.peak).toBe(1);
    // A refusal for a busy server is not a failed password: nobody got closer to a lock.
    expect((await signInFrom(server.url, '10.1.0.16', 'orang15', 'salah-salah')).json.error.code).toBe('wrong_password');
  });

  it('with HASH_CONCURRENCY=2 never runs a third hash beside two', async () => {
    const queue = new CountingQueue({ concurrency: 2, maxWaiting: 32 });
    server = await startServer({ trustProxy: 1, hashQueue: queue });
    const releases: Array<() => void> = [];
    const held = [0, 1].map(() => queue.run(() => new Promise<void>((r) => releases.push(r))));
    const started = queue.started;
    const storm = Array.from({ length: 24 }, (_, i) => signInFrom(server!.url, `10.2.0.${i + 1}`, `orang${i}`, 'salah-salah'));
    await until(() => queue.waiting === 24, '24 sign-ins waiting');
    expect(queue.started).toBe(started);
    for (const r of releases) r();
    await Promise.all(held);
    const answers = await Promise.all(storm);
    expect(answers.every((r) => r.status === 401)).toBe(true);
    expect(queue.started).toBe(started + 24);
    expect(queue.peak).toBe(2);
  });
});
