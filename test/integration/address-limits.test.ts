// Issue 9, item 3: identities are free (a new listener token costs nothing), so limits
// per token alone let one address ask, vote, support and join as thousands of people.
// Real server, real sockets, all from 127.0.0.1; windows run on an injected clock.
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { api, call, listener, must, removeDir, signIn, staffSocket, startServer } from '../support/server.ts';
import type { Client, TestServer } from '../support/server.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';

let server: TestServer | null = null;
const sockets: Client[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.stop();
  if (server) await removeDir(server.dataDir.replace(/\/data$/, ''));
  server = null;
});

/** A clock the test moves (or leaves standing, so no window turns mid-test); the address windows read it. */
function clock(start = Date.parse('2026-12-05T12:00:00.000Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

async function many(url: string, n: number) {
  const out = await Promise.all(Array.from({ length: n }, () => listener(url)));
  for (const o of out) sockets.push(o.socket);
  return out;
}

/** Opens a socket with no token and reports how the handshake ended. */
function tryConnect(url: string): Promise<{ socket: Client; error: (Error & { data?: any }) | null }> {
  const socket: Client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((res) => {
    socket.once('connect', () => res({ socket, error: null }));
    socket.once('connect_error', (error) => res({ socket, error }));
  });
}

describe('limits per address', () => {
  it('refuses most of a 50 × 60 ask storm from one address, in words with a time to retry', async () => {
    server = await startServer({ sample: false, now: clock().now, addressLimits: { asks: { points: 60, seconds: 60 } } });
    const admin = await signIn(server.url);
    const ep = await createLiveEpisode(server.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const people = await many(server.url, 50);
    const acks = (await Promise.all(people.map(async ({ socket }) => {
      await must(socket, 'episode:join', { episodeId: ep.id });
      return Promise.all(Array.from({ length: 60 }, (_, i) => call(socket, 'question:ask', { episodeId: ep.id, text: `Pertanyaan banjir nomor ${i}` })));
    }))).flat();
    const accepted = acks.filter((a) => a.ok).length;
    expect(accepted).toBe(60);
    // The token limit (60 per 10 s, the join counted) refuses each socket's 60th; the address refuses the rest.
    const codes = acks.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code));
    expect(codes.filter((c) => c === 'address_limited').length).toBeGreaterThan(2_800);
    expect(codes.every((c) => c === 'address_limited' || c === 'rate_limited')).toBe(true);
    const refused = acks.find((a) => !a.ok && a.error.code === 'address_limited');
    expect(refused && !refused.ok && refused.error.retryAfter).toBeGreaterThan(0);
    expect(refused && !refused.ok && refused.error.message).toMatch(/jaringan.*coba lagi dalam \d+ detik/i);
    expect(server.app.store.get(ep.id)!.questions.length).toBe(60);
  });

  it('lets the same address ask again once its window has passed', async () => {
    const c = clock();
    server = await startServer({ sample: false, now: c.now, addressLimits: { asks: { points: 2, seconds: 60 } } });
    const admin = await signIn(server.url);
    const ep = await createLiveEpisode(server.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const [a, b] = await many(server.url, 2);
    await must(a!.socket, 'question:ask', { episodeId: ep.id, text: 'Satu' });
    await must(b!.socket, 'question:ask', { episodeId: ep.id, text: 'Dua' });
    const third = await call(a!.socket, 'question:ask', { episodeId: ep.id, text: 'Tiga' });
    expect(third.ok ? '' : third.error.message).toMatch(/coba lagi dalam 60 detik/i);
    c.advance(30_000);
    const fourth = await call(b!.socket, 'question:ask', { episodeId: ep.id, text: 'Empat' });
    expect(fourth.ok ? '' : fourth.error.message).toMatch(/coba lagi dalam 30 detik/i);
    c.advance(30_000);
    await must(b!.socket, 'question:ask', { episodeId: ep.id, text: 'Lima' });
  });

  it('refuses a new token over the per-address limit with a connect_error in words; a known token still connects', async () => {
    const c = clock();
    server = await startServer({ sample: false, now: c.now, addressLimits: { newTokens: { points: 3, seconds: 600 } } });
    const first = await many(server.url, 3);
    const over = await tryConnect(server.url);
    expect(over.error?.message).toMatch(/jaringan.*coba lagi dalam 10 menit/i);
    expect(over.error?.data).toMatchObject({ code: 'address_limited', retryAfter: 600 });
    // A listener who already has a token is not new: it connects.
    const back = await listener(server.url, first[0]!.token);
    sockets.push(back.socket);
    expect(back.socket.connected).toBe(true);
    c.advance(600_000);
    expect((await tryConnect(server.url)).error).toBeNull();
  });

  it('does not let throwaway sockets inflate listenerCount', async () => {
    server = await startServer({ sample: false, now: clock().now, addressLimits: { newTokens: { points: 10, seconds: 600 } } });
    const admin = await signIn(server.url);
    const ep = await createLiveEpisode(server.url, admin);
    let connected = 0;
    for (let i = 0; i < 40; i++) {
      const { socket, error } = await tryConnect(server.url);
      if (error) continue;
      connected++;
      await must(socket, 'episode:join', { episodeId: ep.id });
      socket.disconnect();
    }
    expect(connected).toBe(10);
    expect(server.app.store.get(ep.id)!.listeners.length).toBe(10);
  });

  it('counts joins per address', async () => {
    server = await startServer({ sample: false, now: clock().now, addressLimits: { joins: { points: 5, seconds: 60 } } });
    const admin = await signIn(server.url);
    const ep = await createLiveEpisode(server.url, admin);
    const people = await many(server.url, 8);
    const acks = await Promise.all(people.map(({ socket }) => call(socket, 'episode:join', { episodeId: ep.id })));
    expect(acks.filter((a) => a.ok).length).toBe(5);
    expect(acks.filter((a) => !a.ok && a.error.code === 'address_limited').length).toBe(3);
  });

  it('limits GET /api/episodes/by-code per address with 429 and Retry-After', async () => {
    server = await startServer({ sample: false, now: clock().now, addressLimits: { byCode: { points: 5, seconds: 60 } } });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof api>> | null = null;
    for (let i = 0; i < 8; i++) {
      last = await api(server.url, `/api/episodes/by-code/AB${String(i).padStart(4, '2')}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
    expect(last!.json.error.code).toBe('address_limited');
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('does not show a draft to the public by code', async () => {
    server = await startServer({ sample: false });
    const admin = await signIn(server.url);
    const created = await api(server.url, '/api/episodes', { method: 'POST', cookie: admin, body: SHOW_EPISODE });
    const code = created.json.episode.code;
    const anon = await api(server.url, `/api/episodes/by-code/${code}`);
    expect(anon.status).toBe(200);
    expect(anon.json.episode.status).toBe('draft');
    expect(anon.json.episode.title).toBeUndefined();
    expect(anon.json.episode.series).toBeUndefined();
    const staff = await api(server.url, `/api/episodes/by-code/${code}`, { cookie: admin });
    expect(staff.json.episode.title).toBe(SHOW_EPISODE.title);
  });
});

describe('caps on pending questions', () => {
  it('caps pending questions per listener and per episode, in words', async () => {
    server = await startServer({ sample: false, pendingCaps: { pendingPerListener: 3, pendingPerEpisode: 5 } });
    const admin = await signIn(server.url);
    const ep = await createLiveEpisode(server.url, admin); // pre-moderation on
    const [a, b] = await many(server.url, 2);
    for (let i = 0; i < 3; i++) await must(a!.socket, 'question:ask', { episodeId: ep.id, text: `A ${i}` });
    const fourth = await call(a!.socket, 'question:ask', { episodeId: ep.id, text: 'A 3' });
    expect(fourth.ok ? '' : fourth.error.code).toBe('too_many_pending');
    expect(fourth.ok ? '' : fourth.error.message).toMatch(/3 pertanyaan/);
    await must(b!.socket, 'question:ask', { episodeId: ep.id, text: 'B 0' });
    await must(b!.socket, 'question:ask', { episodeId: ep.id, text: 'B 1' });
    const full = await call(b!.socket, 'question:ask', { episodeId: ep.id, text: 'B 2' });
    expect(full.ok ? '' : full.error.code).toBe('queue_full');
    // Staff typing in a phone question is not held back by the listeners' queue.
    const staff = await staffSocket(server.url, admin);
    sockets.push(staff);
    await must(staff, 'question:submit', { episodeId: ep.id, text: 'Dari telepon', channel: 'phone' });
    // Once the screener approves one, the listener may ask again.
    const pending = server.app.store.get(ep.id)!.questions.find((q) => q.text === 'A 0')!;
    await must(staff, 'question:approve', { episodeId: ep.id, questionId: pending.id });
    await must(a!.socket, 'question:ask', { episodeId: ep.id, text: 'A lagi' });
    expect(server.app.store.get(ep.id)!.questions.filter((q) => q.status === 'pending').length).toBe(5);
  });
});

describe('votes and supports need a join', () => {
  it('refuses a vote from a socket that did not join the episode', async () => {
    server = await startServer({ sample: false });
    const admin = await signIn(server.url);
    const ep = await createLiveEpisode(server.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const staff = await staffSocket(server.url, admin);
    sockets.push(staff);
    const q = await must(staff, 'question:submit', { episodeId: ep.id, text: 'Kapan jalan diperbaiki?', channel: 'sms' });
    const [drive, real] = await many(server.url, 2);
    const r = await call(drive!.socket, 'vote:cast', { episodeId: ep.id, questionId: q.id });
    expect(r.ok ? '' : r.error.code).toBe('not_joined');
    expect(r.ok ? '' : r.error.message).toMatch(/buka|gabung/i);
    await must(real!.socket, 'episode:join', { episodeId: ep.id });
    expect((await must(real!.socket, 'vote:cast', { episodeId: ep.id, questionId: q.id })).votes).toBe(1);
    expect(server.app.store.get(ep.id)!.questions[0]!.voters.length).toBe(1);
    // An unknown episode is still "not found", not "join first".
    const unknown = await call(drive!.socket, 'vote:cast', { episodeId: 'tidak-ada-ini', questionId: q.id });
    expect(unknown.ok ? '' : unknown.error.code).toBe('episode_not_found');
  });

  it('refuses a support for an ended episode\'s usulan from a socket that joined nothing', async () => {
    server = await startServer({ sample: true });
    const usulan = server.app.aspirations.list.find((a) => ['baru', 'ditinjau', 'diteruskan'].includes(a.status) && server!.app.store.get(a.episodeId)?.status === 'ended')!;
    expect(usulan).toBeDefined();
    const before = usulan.supporters.length;
    const [drive, reader] = await many(server.url, 2);
    const r = await call(drive!.socket, 'aspiration:support', { aspirationId: usulan.id });
    expect(r.ok ? '' : r.error.code).toBe('not_joined');
    expect(usulan.supporters.length).toBe(before);
    // A listener reading that episode's page (joined, even though it ended) may support it.
    await must(reader!.socket, 'episode:join', { episodeId: usulan.episodeId });
    expect((await must(reader!.socket, 'aspiration:support', { aspirationId: usulan.id })).supports).toBe(before + 1);
    const unknown = await call(drive!.socket, 'aspiration:support', { aspirationId: 'tidak-ada-ini' });
    expect(unknown.ok ? '' : unknown.error.code).toBe('aspiration_not_found');
  });
});
