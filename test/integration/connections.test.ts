// Issue 9 item 5: 320 idle half-sent requests against 300 open files made every durable
// write fail with EMFILE; slow headers were held 60–90 s, a slow body 143 s. Real sockets
// here: half-sent requests from one address against a low per-address cap, a real server
// process under a low open-files limit, and short configured timeouts (the tests wait for
// the socket to be closed, generously, and assert nothing about how long it took).
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { connect as tcp } from 'node:net';
import type { Socket } from 'node:net';
import { io as connectIo } from 'socket.io-client';
import { ADMIN_PASSWORD, call, listener, must, signIn, staffSocket } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { spawnServer } from '../support/process.ts';
import { SHOW_EPISODE, createLiveEpisode } from '../support/show.ts';
import { dataFolder, runningServer, stopProcess, studioServer } from '../support/integration.ts';

interface Half { socket: Socket; refused: boolean; closed: Promise<void>; data: string }

/** A connection that sends the start of a request and never the rest. */
function halfSent(url: string, what: 'headers' | 'body' = 'headers', localAddress?: string): Promise<Half> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tcp({ host: u.hostname, port: Number(u.port), localAddress });
    const half: Half = { socket, refused: false, data: '', closed: new Promise((r) => socket.once('close', () => r())) };
    socket.on('data', (b) => {
      half.data += b.toString('utf8');
      if (half.data.startsWith('HTTP/1.1 503')) half.refused = true;
    });
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.write(what === 'headers'
        ? `POST /api/session HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nX-Slow: `
        : `POST /api/session HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"username":"adm`);
      resolve(half);
    });
    socket.once('error', reject);
  });
}

function health(url: string, localAddress?: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: '/api/health', localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

// Waiting for what a socket handler applies: the shared, timing-free helper.
import { until } from '../support/until.ts';

const flood: Half[] = [];
afterEach(() => {
  for (const h of flood.splice(0)) h.socket.destroy();
});

describe('connections per address', () => {
  const studio = studioServer({ connections: { perAddress: 12 } });

  it('refuses half-sent requests above the cap in words; another address and a durable write still get through', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const { socket: asker } = await listener(studio.url);
    await must(asker, 'episode:join', { episodeId: ep.id });
    for (let i = 0; i < 40; i++) flood.push(await halfSent(studio.url));
    // At most 12 from 127.0.0.1 are open, the crew's and the asker's sockets among them.
    await until(() => flood.filter((h) => h.refused).length >= 40 - 12 + 4);
    const refused = flood.filter((h) => h.refused);
    expect(refused[0]!.data).toContain('Terlalu banyak sambungan dari alamat Anda');
    await Promise.all(refused.map((h) => h.closed));
    expect(studio.server.app.connections.open()).toBeLessThanOrEqual(12);

    // Another address is its own count.
    expect(await health(studio.url, '127.0.0.2')).toBe(200);
    // The sockets already open keep working, and a change is written and acknowledged.
    const q = await must(asker, 'question:ask', { episodeId: ep.id, text: 'Apakah jalan desa diperbaiki tahun ini?' });
    const approved = await call(studio.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    expect(approved.ok).toBe(true);
    asker.disconnect();

    // Once the flood goes, the address may connect again.
    for (const h of flood.splice(0)) h.socket.destroy();
    await until(async () => (await health(studio.url).catch(() => 0)) === 200);
  });
});

describe('header and body timeouts', () => {
  const server = runningServer({ sample: false, connections: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });

  it('closes a connection whose headers never finish', async () => {
    const h = await halfSent(server.url, 'headers');
    flood.push(h);
    await h.closed;
    expect(h.socket.destroyed).toBe(true);
  }, 20_000);

  it('closes a connection whose body never finishes', async () => {
    const h = await halfSent(server.url, 'body');
    flood.push(h);
    await h.closed;
    expect(h.socket.destroyed).toBe(true);
  }, 20_000);

  it('keeps a Socket.IO long-polling client connected while its poll is held past the request timeout', async () => {
    const polling: Client = connectIo(server.url, { transports: ['polling'], reconnection: false, forceNew: true });
    await new Promise<void>((res, rej) => { polling.once('connect', () => res()); polling.once('connect_error', rej); });
    const id = polling.io.engine.id;
    // A poll is outstanding all this time; a request timeout would cut it. A body that never
    // finishes, sent after the poll began, is cut by that timeout: once it is, the poll is older.
    const h = await halfSent(server.url, 'body');
    flood.push(h);
    await h.closed;
    const r = await call(polling, 'episode:join', { code: 'TIDAKADA' });
    expect(r.ok).toBe(false);
    expect(polling.connected).toBe(true);
    expect(polling.io.engine.id).toBe(id);
    polling.disconnect();
  });
});

function hasPrlimit(): boolean {
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'ignore' });
    return process.platform === 'linux';
  } catch {
    return false;
  }
}

describe.skipIf(!hasPrlimit())('a server process with 256 open files', () => {
  const folder = dataFolder('files');

  it('says so at start, refuses connections above its cap, and durable writes still succeed', async () => {
    const { env: dirs } = await folder();
    const env = { ...dirs, ADMIN_PASSWORD, CONNECTIONS_PER_ADDRESS: '0' };
    const server = await spawnServer(env, { prefix: ['prlimit', '--nofile=256:256'] });
    try {
      await until(() => /Batas berkas terbuka rendah \(256\)/.test(server.output()));
      expect(server.output()).toContain('LimitNOFILE=');
      const cap = Number(/Sambungan: paling banyak (\d+) sekaligus/.exec(server.output())![1]);
      expect(cap).toBeLessThan(256);

      const admin = await signIn(server.url);
      const ep = await createLiveEpisode(server.url, admin, { ...SHOW_EPISODE, premoderation: true });
      const staff = await staffSocket(server.url, admin);
      const { socket: asker } = await listener(server.url);
      await must(asker, 'episode:join', { episodeId: ep.id });

      // More half-sent requests than the process has descriptors.
      flood.push(...(await Promise.all(Array.from({ length: 320 }, () => halfSent(server.url).catch(() => null)))).filter((h): h is Half => h !== null));
      await until(() => flood.filter((h) => h.refused).length >= 320 - cap);
      expect(flood.find((h) => h.refused)!.data).toContain('Server sedang penuh');

      // Every write still gets its descriptors: asked, approved, voted, all acknowledged.
      for (let i = 0; i < 5; i++) {
        const q = await call(asker, 'question:ask', { episodeId: ep.id, text: `Pertanyaan saat banjir sambungan ${i + 1}` });
        expect(q.ok, JSON.stringify(q)).toBe(true);
        const approved = await call(staff, 'question:approve', { episodeId: ep.id, questionId: q.ok ? q.data.id : '' });
        expect(approved.ok, JSON.stringify(approved)).toBe(true);
      }
      expect(server.output()).not.toMatch(/EMFILE/);
      asker.disconnect();
      staff.disconnect();
    } finally {
      for (const h of flood.splice(0)) h.socket.destroy();
      await stopProcess(server.child);
    }
  }, 90_000);
});
