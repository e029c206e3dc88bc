// Issue 10 §3: the join address (PUBLIC_URL, else a LAN address, else loopback, flagged)
// reported by GET /api/health and GET /api/address, and a station behind a reverse proxy.
// Network rule: every request goes to 127.0.0.1; an injected LAN address is only asserted.
import { afterEach, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import type { NetworkInterfaceInfo } from 'node:os';
import { createApplication } from '../../server/application.ts';
import { DEFAULT_SIGNIN_LIMITS } from '../../server/domain/signin-throttle.ts';
import { ADMIN_PASSWORD, TEST_ADDRESS_LIMITS, api, removeDir, startServer, tempDir } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const nic = (address: string, internal = false): NetworkInterfaceInfo =>
  ({ address, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal, cidr: `${address}/24` });

describe('the public address', () => {
  it('is PUBLIC_URL when set, in /api/health and /api/address', async () => {
    server = await startServer({ sample: false, publicUrl: 'https://radio.example.id' });
    const health = await api(server.url, '/api/health');
    expect(health.json.publicUrl).toEqual({ url: 'https://radio.example.id', source: 'configured', loopback: false });
    const address = await api(server.url, '/api/address');
    expect(address.json).toEqual({ url: 'https://radio.example.id', source: 'configured', loopback: false });
    expect(address.headers.get('cache-control')).toBe('no-store');
  });

  it('is loopback, flagged, for a server that listens on 127.0.0.1 only', async () => {
    server = await startServer({ sample: false, networkInterfaces: () => ({ lo: [nic('127.0.0.1', true)], eth0: [nic('192.168.77.5')] }) });
    expect((await api(server.url, '/api/health')).json.publicUrl).toEqual({ url: server.url, source: 'loopback', loopback: true });
  });

  it('is the LAN address picked from the interfaces when listening on every address', async () => {
    // Listening on the wildcard sends nothing anywhere; the test only talks to 127.0.0.1.
    const root = await tempDir();
    const app = await createApplication({
      dataDir: join(root, 'data'), transcriptsDir: join(root, 'transcripts'), webDir: resolve('dist/web'), adminPassword: ADMIN_PASSWORD,
      passwordCost: 2 ** 10, fsync: false, sample: false, log: () => {}, addressLimits: TEST_ADDRESS_LIMITS,
      networkInterfaces: () => ({ lo: [nic('127.0.0.1', true)], docker0: [nic('172.17.0.1')], wlan0: [nic('192.168.77.5')] }),
    });
    try {
      const { port } = await app.listen(0, '0.0.0.0');
      const health = await api(`http://127.0.0.1:${port}`, '/api/health');
      expect(health.json.publicUrl).toEqual({ url: `http://192.168.77.5:${port}`, source: 'lan', loopback: false });
      expect(app.publicAddress().url).toBe(`http://192.168.77.5:${port}`);
    } finally {
      await app.close();
      await removeDir(root);
    }
  });
});

describe('behind a reverse proxy (PUBLIC_URL https, TRUST_PROXY)', () => {
  const signInFrom = (url: string, address: string, username: string, password: string) =>
    api(url, '/api/session', { method: 'POST', body: { username, password }, headers: { 'x-forwarded-for': address } });
  /** Ten failures from one forwarded address (over different usernames), then the right password from another. */
  async function otherAddressAfterFailures(url: string): Promise<number> {
    for (let i = 0; i < DEFAULT_SIGNIN_LIMITS.address.free; i++) await signInFrom(url, '203.0.113.7', `tamu${i}`, 'salah-salah');
    return (await signInFrom(url, '198.51.100.9', 'admin', ADMIN_PASSWORD)).status;
  }

  it('sets Secure cookies and believes X-Forwarded-For only with TRUST_PROXY', async () => {
    server = await startServer({ sample: false, publicUrl: 'https://radio.example.id', trustProxy: 1, signInLimits: DEFAULT_SIGNIN_LIMITS });
    const ok = await signInFrom(server.url, '198.51.100.20', 'admin', ADMIN_PASSWORD);
    expect(ok.headers.get('set-cookie')).toMatch(/^kentongan_session=[^;]+;.*; Secure/);
    // The proxy's forwarded addresses are two people: one's failures do not lock the other.
    expect(await otherAddressAfterFailures(server.url)).toBe(200);
    await server.stop();

    // Without TRUST_PROXY the header is anyone's to write: every request is the socket's 127.0.0.1.
    server = await startServer({ sample: false, publicUrl: 'https://radio.example.id', signInLimits: DEFAULT_SIGNIN_LIMITS });
    expect(await otherAddressAfterFailures(server.url)).toBe(429);
  });
});
