// The first admin's password is printed on the studio screen at installation, so the
// account can do nothing until its owner has chosen one. An ADMIN_PASSWORD is the
// operator's own choice and is not forced.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FirstAdmin } from '../../server/auth/staff-service.ts';
import { ADMIN_PASSWORD, api, call, staffSocket, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function signInCookie(url: string, username: string, password: string): Promise<{ status: number; cookie: string; json: any }> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { status: res.status, cookie, json: await res.json() };
}

describe('a generated first-admin password', () => {
  it('must be replaced at the first sign-in before anything else works', async () => {
    let first: FirstAdmin | null = null;
    server = await startServer({ adminPassword: undefined, onFirstAdmin: (a) => (first = a) });
    const printed = (first as FirstAdmin | null)?.password;
    expect(printed).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const a = await signInCookie(server.url, 'admin', printed!);
    expect(a.status).toBe(200);
    expect(a.json.staff.mustChangePassword).toBe(true);
    expect((await api(server.url, '/api/session', { cookie: a.cookie })).json.staff.mustChangePassword).toBe(true);

    // No staff route, no staff socket, and no draft episodes in the list.
    const staffList = await api(server.url, '/api/staff', { cookie: a.cookie });
    expect(staffList.status).toBe(403);
    expect(staffList.json.error.code).toBe('password_change_required');
    expect(staffList.json.error.message).toContain('Ganti dulu');
    const created = await api(server.url, '/api/episodes', { method: 'POST', cookie: a.cookie, body: {} });
    expect(created.json.error.code).toBe('password_change_required');
    const episodes = (await api(server.url, '/api/episodes')).json.episodes as { id: string }[];
    const socket = await staffSocket(server.url, a.cookie);
    try {
      const joined = await call(socket, 'episode:join', { episodeId: episodes[0]!.id, as: 'staff' });
      expect(joined.ok).toBe(false);
    } finally {
      socket.disconnect();
    }

    // Refusals change nothing.
    const wrong = await api(server.url, '/api/session/password', { method: 'POST', cookie: a.cookie, body: { currentPassword: 'bukan-sandinya', newPassword: 'sandi-pilihan-saya-7' } });
    expect([wrong.status, wrong.json.error.code]).toEqual([401, 'wrong_current_password']);
    const same = await api(server.url, '/api/session/password', { method: 'POST', cookie: a.cookie, body: { currentPassword: printed, newPassword: printed } });
    expect([same.status, same.json.error.code]).toEqual([400, 'password_unchanged']);
    const short = await api(server.url, '/api/session/password', { method: 'POST', cookie: a.cookie, body: { currentPassword: printed, newPassword: 'pendek' } });
    expect([short.status, short.json.error.code]).toEqual([400, 'invalid_payload']);
    const noBody = await api(server.url, '/api/session/password', { method: 'POST', cookie: a.cookie, body: { newPassword: 'sandi-pilihan-saya-7' } });
    expect(noBody.status).toBe(400);
    expect(JSON.parse(await readFile(join(server.dataDir, 'staff.json'), 'utf8')).staff[0].mustChangePassword).toBe(true);

    // A second browser signed in with the printed password loses its session with the change.
    const b = await signInCookie(server.url, 'admin', printed!);
    const res = await fetch(`${server.url}/api/session/password`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: a.cookie },
      body: JSON.stringify({ currentPassword: printed, newPassword: 'sandi-pilihan-saya-7' }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.staff.mustChangePassword).toBeUndefined();
    const fresh = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(fresh).not.toBe(a.cookie);
    expect((await api(server.url, '/api/session', { cookie: a.cookie })).status).toBe(401);
    expect((await api(server.url, '/api/session', { cookie: b.cookie })).status).toBe(401);
    expect((await api(server.url, '/api/staff', { cookie: fresh })).status).toBe(200);

    // On disk, and after a restart: the new password only, and no mark.
    server = await server.restart();
    expect(JSON.parse(await readFile(join(server.dataDir, 'staff.json'), 'utf8')).staff[0].mustChangePassword).toBeUndefined();
    expect((await signInCookie(server.url, 'admin', printed!)).status).toBe(401);
    const again = await signInCookie(server.url, 'admin', 'sandi-pilihan-saya-7');
    expect(again.status).toBe(200);
    expect(again.json.staff.mustChangePassword).toBeUndefined();
    // The change is in the audit log, under the admin's name.
    const audit = await api(server.url, '/api/audit', { cookie: again.cookie });
    expect(JSON.stringify(audit.json)).toContain('session.changePassword');
  });

  it('is not asked for when the operator gave ADMIN_PASSWORD', async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    const a = await signInCookie(server.url, 'admin', ADMIN_PASSWORD);
    expect(a.json.staff.mustChangePassword).toBeUndefined();
    expect((await api(server.url, '/api/staff', { cookie: a.cookie })).status).toBe(200);
    // Changing it anyway works the same way, and needs the current one.
    const wrong = await api(server.url, '/api/session/password', { method: 'POST', cookie: a.cookie, body: { currentPassword: 'salah-salah-1', newPassword: 'sandi-pilihan-saya-7' } });
    expect(wrong.status).toBe(401);
    const ok = await api(server.url, '/api/session/password', { method: 'POST', cookie: a.cookie, body: { currentPassword: ADMIN_PASSWORD, newPassword: 'sandi-pilihan-saya-7' } });
    expect(ok.status).toBe(200);
  });

  it('refuses a change without a session', async () => {
    server = await startServer();
    const r = await api(server.url, '/api/session/password', { method: 'POST', body: { currentPassword: 'x', newPassword: 'sandi-pilihan-saya-7' } });
    expect([r.status, r.json.error.code]).toEqual([401, 'not_signed_in']);
  });
});
