// A restart keeps everything, and clients catch up without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { api, listener, must, staffSocket, startServer } from '../support/server.ts';
import type { Client, TestServer } from '../support/server.ts';
import { createLiveEpisode, crew, joinStaff } from '../support/show.ts';
import type { Crew } from '../support/show.ts';
import { applyDelta, applyMine, fromSnapshot } from '../../web/src/lib/episode-state.ts';
import type { EpisodeState } from '../../web/src/lib/episode-state.ts';

// Waiting for what a socket handler applies: the shared, timing-free helper.
import { until } from '../support/until.ts';

describe('restart', () => {
  let server: TestServer;
  let c: Crew;
  beforeAll(async () => {
    server = await startServer({ sample: false, fsync: true });
  });
  afterAll(async () => {
    for (const s of [c?.host, c?.screener, c?.notulis]) s?.disconnect();
    await server?.stop();
  });

  it('keeps episodes, votes, notes and sessions, and listeners resync by themselves', async () => {
    c = await crew(server.url);
    const ep = await createLiveEpisode(server.url, c.hostCookie);
    await joinStaff(c.screener, ep.id);

    // A listener that behaves like the web app: keeps its token, rejoins after every reconnect.
    let token = '';
    let state: EpisodeState | null = null;
    let joins = 0;
    const socket: Client = connect(server.url, { transports: ['websocket'], auth: (cb) => cb({ token }), reconnectionDelay: 100, reconnectionDelayMax: 300, forceNew: true });
    socket.on('listener:token', (p) => (token = p.token));
    socket.on('episode:delta', (d) => void (state &&= applyDelta(state, d)));
    socket.on('question:mine', (p) => void (state &&= applyMine(state, p.question)));
    socket.on('connect', async () => {
      const snap = await must(socket, 'episode:join', { episodeId: ep.id });
      joins++;
      state = fromSnapshot(snap);
    });
    await until(() => state !== null);

    const mine = await must(socket, 'question:ask', { episodeId: ep.id, text: 'Pertanyaan saya sebelum restart' });
    await must(c.screener, 'question:approve', { episodeId: ep.id, questionId: mine.id });
    await must(socket, 'vote:cast', { episodeId: ep.id, questionId: mine.id });
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: mine.id });
    await must(c.notulis, 'note:add', { episodeId: ep.id, questionId: mine.id, by: { kind: 'agency', label: 'BAPPEDA' }, text: 'Dijawab sebelum restart.' });
    const before = await api(server.url, `/api/episodes/${ep.id}`, { cookie: c.hostCookie });
    for (const s of [c.host, c.screener, c.notulis]) s.disconnect();

    server = await server.restart();

    // Sessions survive: the same cookie still works.
    const after = await api(server.url, `/api/episodes/${ep.id}`, { cookie: c.hostCookie });
    expect(after.status).toBe(200);
    expect(after.json).toEqual(before.json);

    await until(() => joins >= 2);
    expect(state!.myVotes.has(mine.id)).toBe(true);
    expect(state!.mine.get(mine.id)?.status).toBe('on_air');

    // The rejoined listener gets live deltas from the new process.
    const host = await staffSocket(server.url, c.hostCookie);
    await must(host, 'question:answered', { episodeId: ep.id, questionId: mine.id });
    await until(() => state!.questions.get(mine.id)?.status === 'answered');
    expect(state!.mine.get(mine.id)?.status).toBe('answered');
    host.disconnect();
    socket.disconnect();
  });
});

describe('a short drop', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ sample: false });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a listener back from a short drop in a large audience sees what changed while it was away', async () => {
    const cc = await crew(server.url);
    const ep = await createLiveEpisode(server.url, cc.hostCookie);
    await joinStaff(cc.screener, ep.id);
    // More listeners than one fan-out slice, so deltas go out addressed to socket ids.
    const crowd: Client[] = [];
    for (let i = 0; i < 60; i++) {
      const { socket: s } = await listener(server.url);
      await must(s, 'episode:join', { episodeId: ep.id });
      crowd.push(s);
    }
    let state: EpisodeState | null = null;
    const connects: boolean[] = [];
    // A slow reconnect, so the change below goes out while this listener is away.
    const socket: Client = connect(server.url, { transports: ['websocket'], reconnectionDelay: 1_500, randomizationFactor: 0, forceNew: true });
    socket.on('episode:delta', (d) => void (state &&= applyDelta(state, d)));
    socket.on('connect', async () => {
      connects.push(Boolean(socket.recovered));
      state = fromSnapshot(await must(socket, 'episode:join', { episodeId: ep.id }));
    });
    await until(() => state !== null);

    const asked = await must(crowd[0]!, 'question:ask', { episodeId: ep.id, text: 'Ditanyakan saat saya sempat terputus' });
    socket.io.engine.close();
    await until(() => socket.disconnected);
    await must(cc.screener, 'question:approve', { episodeId: ep.id, questionId: asked.id });
    await until(() => connects.length === 2);
    // Never a recovered session that skips the snapshot: the change is there.
    expect(connects).toEqual([false, false]);
    await until(() => state!.questions.get(asked.id)?.status === 'approved');
    for (const s of [socket, ...crowd, cc.host, cc.screener, cc.notulis]) s.disconnect();
  });
});
