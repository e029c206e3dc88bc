// The first start creates the admin account and prints its one-time password. A start
// that fails after that (the port is taken) must still have printed it: the account is
// on disk and no later start prints it again.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/server.ts';
import { spawnServer } from '../support/process.ts';
import { dataFolder, stopProcess } from '../support/integration.ts';

function run(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, HOST: '127.0.0.1', SAMPLE: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('the first admin', () => {
  const folder = dataFolder('admin');

  it('gets a printed one-time password even when the first start cannot listen', async () => {
    const { root, env: dirs } = await folder();
    const env = { ...dirs, ADMIN_PASSWORD: '' };
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as AddressInfo).port;
    const first = await run({ ...env, PORT: String(port) });
    taken.close();
    expect(first.code).toBe(1);
    expect(first.out).toContain(`Port ${port} sudah dipakai`);
    expect(first.out).not.toMatch(/at .*\.ts:\d+/); // a sentence, not a stack trace
    const password = /Kata sandi \(sekali tampil\): (\S+)/.exec(first.out)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    // Stored as an scrypt hash with N = 2^17, never the password itself.
    const staffFile = await readFile(join(root, 'data', 'staff.json'), 'utf8');
    expect(staffFile).not.toContain(password!);
    expect(staffFile).toMatch(/"passwordHash": ?"scrypt\$131072\$8\$1\$/);

    const second = await spawnServer(env);
    try {
      expect(second.output()).not.toContain('Kata sandi');
      await expect(signIn(second.url, 'admin', 'bukan-sandinya')).rejects.toThrow(/401/);
      const res = await fetch(`${second.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
      expect(res.status).toBe(200);
      // The session cookie is out of reach of page scripts and of other sites' requests.
      expect(res.headers.get('set-cookie')).toMatch(/^kentongan_session=[^;]+;.*HttpOnly/i);
      expect(res.headers.get('set-cookie')).toMatch(/SameSite=(Lax|Strict)/i);
    } finally {
      await stopProcess(second.child);
    }
  }, 60_000);
});
