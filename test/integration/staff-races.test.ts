// Issue 9, item 6: sign-ins with the old password that started before a password change
// still got valid sessions afterwards, and two admins demoting each other at the same
// moment left the station with no admin. Both races happen while a hash runs; the test
// makes them certain by holding the hash queue's only slot while the requests line up.
import { afterEach, describe, expect, it } from 'vitest';
import { HashQueue } from '../../server/auth/hash-queue.ts';
import { DEFAULT_SIGNIN_LIMITS } from '../../server/domain/signin-throttle.ts';
import { api, signIn, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

// Waiting for what a socket handler applies: the shared, timing-free helper.
import { until } from '../support/until.ts';

/** Takes the queue's only slot; what is sent next waits in line until `release`. */
function hold(queue: HashQueue): { release: () => Promise<void> } {
  let open!: () => void;
  const done = queue.run(() => new Promise<void>((r) => (open = r)));
  return { release: async () => { open(); await done; } };
}

// Six sign-ins of one user at once must not meet the per-username limit here.
const roomy = { address: { ...DEFAULT_SIGNIN_LIMITS.address, free: 50 }, username: { ...DEFAULT_SIGNIN_LIMITS.username, free: 50 } };

describe('staff races (issue 9, item 6)', () => {
  it('gives no session to sign-ins with the old password that were waiting while the password changed', async () => {
    const queue = new HashQueue({ concurrency: 1 });
    server = await startServer({ hashQueue: queue, signInLimits: roomy });
    const admin = await signIn(server.url);
    const made = await api(server.url, '/api/staff', { method: 'POST', cookie: admin, body: { username: 'dewi.host', name: 'Dewi', role: 'host', password: 'sandi-lama-123' } });
    expect(made.status).toBe(201);

    const gate = hold(queue);
    // The admin changes Dewi's password; then six sign-ins with the old one arrive.
    const change = api(server.url, `/api/staff/${made.json.staff.id}`, { method: 'PATCH', cookie: admin, body: { password: 'sandi-baru-456' } });
    await until(() => queue.waiting === 1, 'the password change waiting');
    const olds = Array.from({ length: 6 }, () => api(server!.url, '/api/session', { method: 'POST', body: { username: 'dewi.host', password: 'sandi-lama-123' } }));
    await until(() => queue.waiting === 7, 'six sign-ins waiting behind it');
    await gate.release();

    expect((await change).status).toBe(200);
    const answers = await Promise.all(olds);
    const valid: number[] = [];
    for (const a of answers) {
      const cookie = a.headers.get('set-cookie')?.split(';')[0];
      if (cookie && (await api(server.url, '/api/session', { cookie })).status === 200) valid.push(a.status);
    }
    expect(valid, 'sessions still valid after the change').toEqual([]);
    expect(answers.map((a) => a.json.error?.code)).toEqual(Array(6).fill('wrong_password'));
    // The new password works.
    expect((await api(server.url, '/api/session', { method: 'POST', body: { username: 'dewi.host', password: 'sandi-baru-456' } })).status).toBe(200);
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const queue = new HashQueue({ concurrency: 1 });
    server = await startServer({ hashQueue: queue, signInLimits: roomy });
    const first = await signIn(server.url);
    const made = await api(server.url, '/api/staff', { method: 'POST', cookie: first, body: { username: 'admin.dua', name: 'Admin Dua', role: 'admin', password: 'sandi-admin-dua' } });
    expect(made.status).toBe(201);
    const second = await signIn(server.url, 'admin.dua', 'sandi-admin-dua');
    const firstId = server.app.staff.list().find((s) => s.username === 'admin')!.id;
    const secondId = made.json.staff.id as string;

    const gate = hold(queue);
    // Each demotes the other and gives them a new password: both pass the check, then hash.
    const a = api(server.url, `/api/staff/${secondId}`, { method: 'PATCH', cookie: first, body: { role: 'host', password: 'sandi-host-baru-1' } });
    const b = api(server.url, `/api/staff/${firstId}`, { method: 'PATCH', cookie: second, body: { role: 'host', password: 'sandi-host-baru-2' } });
    await until(() => queue.waiting === 2, 'both changes waiting');
    await gate.release();
    const [ra, rb] = await Promise.all([a, b]);

    const admins = server.app.staff.list().filter((s) => s.role === 'admin' && !s.disabled);
    expect(admins.map((s) => s.username)).toHaveLength(1);
    expect([ra.status, rb.status].sort()).toEqual([200, 403]);
    const refused = ra.status === 200 ? rb : ra;
    expect(refused.json.error.code).toBe('not_allowed');
    // What is on disk agrees after a restart.
    server = await server.restart();
    expect(server.app.staff.list().filter((s) => s.role === 'admin' && !s.disabled)).toHaveLength(1);
  });

  it('keeps one admin when two admins disable each other while a third change hashes', async () => {
    const queue = new HashQueue({ concurrency: 1 });
    server = await startServer({ hashQueue: queue, signInLimits: roomy });
    const first = await signIn(server.url);
    const made = await api(server.url, '/api/staff', { method: 'POST', cookie: first, body: { username: 'admin.dua', name: 'Admin Dua', role: 'admin', password: 'sandi-admin-dua' } });
    const second = await signIn(server.url, 'admin.dua', 'sandi-admin-dua');
    const firstId = server.app.staff.list().find((s) => s.username === 'admin')!.id;
    // One demotes with a new password (hashes, waits), the other demotes without (no hash).
    const gate = hold(queue);
    const a = api(server.url, `/api/staff/${made.json.staff.id}`, { method: 'PATCH', cookie: first, body: { disabled: true, password: 'sandi-host-baru-1' } });
    await until(() => queue.waiting === 1, 'the first change waiting');
    const b = await api(server.url, `/api/staff/${firstId}`, { method: 'PATCH', cookie: second, body: { disabled: true } });
    expect(b.status).toBe(200);
    await gate.release();
    const ra = await a;
    expect(ra.status).toBe(403);
    expect(server.app.staff.list().filter((s) => s.role === 'admin' && !s.disabled)).toHaveLength(1);
  });

  it('does not create two accounts with one username when both are created at once', async () => {
    const queue = new HashQueue({ concurrency: 1 });
    server = await startServer({ hashQueue: queue, signInLimits: roomy });
    const admin = await signIn(server.url);
    const gate = hold(queue);
    const body = { username: 'kembar', name: 'Kembar', role: 'host', password: 'sandi-kembar-1' };
    const both = [api(server.url, '/api/staff', { method: 'POST', cookie: admin, body }), api(server.url, '/api/staff', { method: 'POST', cookie: admin, body })];
    await until(() => queue.waiting === 2, 'both creations waiting');
    await gate.release();
    const statuses = (await Promise.all(both)).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(server.app.staff.list().filter((s) => s.username === 'kembar')).toHaveLength(1);
  });
});
