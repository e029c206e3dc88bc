// Issue 9 item 13: the Origin check compared the host only, so a wrong scheme, upper case,
// a "user@" and a DNS-rebinding Host all passed. Now scheme, host and port must equal the
// public origin (PUBLIC_URL) exactly, or, without one, the request's own scheme and Host.
// Each case is sent for real on HTTP, on the Socket.IO polling handshake and on a
// WebSocket upgrade, with raw requests so Host can be set too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { ADMIN_PASSWORD, startServer } from '../support/server.ts';
import { runningServer } from '../support/integration.ts';
import type { TestServer } from '../support/server.ts';

interface Sent { status: number; body: string; headers: Record<string, string | string[] | undefined> }

/** One raw HTTP request (Host can be anything); an upgrade answers with 101 or its refusal. */
function raw(url: string, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<Sent> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, headers: res.headers }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode!, body: '', headers: res.headers });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether each of the three doors lets this Origin (and Host) in. */
async function doors(url: string, headers: Record<string, string>) {
  const signIn = await raw(url, '/api/session', { ...headers, 'content-type': 'application/json' }, 'POST', JSON.stringify({ username: 'admin', password: 'salah-sekali' }));
  const polling = await raw(url, '/socket.io/?EIO=4&transport=polling', headers);
  const upgrade = await raw(url, '/socket.io/?EIO=4&transport=websocket', {
    ...headers, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
  });
  return {
    // 401 wrong_password: it got past the Origin check; 403 not_allowed: refused there.
    http: signIn.status === 401 ? 'in' : signIn.status === 403 && /not_allowed/.test(signIn.body) ? 'refused' : `?${signIn.status}`,
    polling: polling.status === 200 ? 'in' : polling.status === 403 ? 'refused' : `?${polling.status}`,
    websocket: upgrade.status === 101 ? 'in' : upgrade.status === 400 ? 'refused' : `?${upgrade.status}`,
  };
}

const IN = { http: 'in', polling: 'in', websocket: 'in' };
const REFUSED = { http: 'refused', polling: 'refused', websocket: 'refused' };

describe('Origin check without PUBLIC_URL: the request\'s own scheme and Host', () => {
  let server: TestServer;
  let host = '';
  beforeAll(async () => {
    server = await startServer({ sample: false });
    host = new URL(server.url).host;
  });
  afterAll(async () => server?.stop());

  it('lets the same origin in, and requests without Origin', async () => {
    expect(await doors(server.url, { origin: `http://${host}` })).toEqual(IN);
    expect(await doors(server.url, {})).toEqual(IN);
  });

  it('refuses another scheme on the same host', async () => {
    expect(await doors(server.url, { origin: `https://${host}` })).toEqual(REFUSED);
  });

  it('refuses an Origin in upper case, which no browser sends', async () => {
    expect(await doors(server.url, { origin: `HTTP://${host}` })).toEqual(REFUSED);
    expect(await doors(server.url, { origin: `http://LOCALHOST:${new URL(server.url).port}`, host: `localhost:${new URL(server.url).port}` })).toEqual(REFUSED);
  });

  it('refuses user@ in the Origin', async () => {
    expect(await doors(server.url, { origin: `http://user@${host}` })).toEqual(REFUSED);
    expect(await doors(server.url, { origin: `http://${host}/` })).toEqual(REFUSED);
    expect(await doors(server.url, { origin: 'null' })).toEqual(REFUSED);
  });
});

describe('Origin check with PUBLIC_URL', () => {
  const server = runningServer({ sample: false, publicUrl: 'https://radio.example', allowedOrigins: ['http://localhost:5173'] });

  it('lets exactly the public origin in, whatever Host the proxy passes on, and ALLOWED_ORIGINS', async () => {
    expect(await doors(server.url, { origin: 'https://radio.example', host: 'radio.example' })).toEqual(IN);
    expect(await doors(server.url, { origin: 'https://radio.example' })).toEqual(IN);
    expect(await doors(server.url, { origin: 'http://localhost:5173' })).toEqual(IN);
  });

  it('refuses a rebinding Host: a page of another name that resolves to this server', async () => {
    expect(await doors(server.url, { origin: 'http://evil.example', host: 'evil.example' })).toEqual(REFUSED);
    expect(await doors(server.url, { origin: 'https://evil.example:443', host: 'evil.example' })).toEqual(REFUSED);
    expect(await doors(server.url, { origin: `http://${new URL(server.url).host}` })).toEqual(REFUSED);
  });

  it('refuses the public host with another scheme, port, case or user@', async () => {
    for (const origin of ['http://radio.example', 'https://radio.example:8443', 'https://RADIO.example', 'https://user@radio.example']) {
      expect(await doors(server.url, { origin, host: 'radio.example' }), origin).toEqual(REFUSED);
    }
  });
});

describe('Origin check behind a proxy without PUBLIC_URL (TRUST_PROXY=1)', () => {
  const server = runningServer({ sample: false, trustProxy: 1 });

  it('takes the scheme from X-Forwarded-Proto', async () => {
    const host = new URL(server.url).host;
    expect(await doors(server.url, { origin: `https://${host}`, 'x-forwarded-proto': 'https' })).toEqual(IN);
    expect(await doors(server.url, { origin: `https://${host}` })).toEqual(REFUSED);
    expect(await doors(server.url, { origin: `http://${host}`, 'x-forwarded-proto': 'https' })).toEqual(REFUSED);
  });
});

describe('Secure session cookie', () => {
  const cookieOf = async (config: Parameters<typeof startServer>[0]) => {
    const server = await startServer({ sample: false, ...config });
    try {
      const r = await raw(server.url, '/api/session', { 'content-type': 'application/json' }, 'POST', JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }));
      expect(r.status).toBe(200);
      return String(r.headers['set-cookie']);
    } finally {
      await server.stop();
    }
  };

  it('is Secure when PUBLIC_URL is https or SECURE_COOKIES is on, and not on plain http', async () => {
    expect(await cookieOf({ publicUrl: 'https://radio.example' })).toMatch(/; Secure/);
    expect(await cookieOf({ secureCookies: true })).toMatch(/; Secure/);
    expect(await cookieOf({ publicUrl: 'http://radio.example' })).not.toMatch(/Secure/);
    expect(await cookieOf({})).not.toMatch(/Secure/);
  });
});
