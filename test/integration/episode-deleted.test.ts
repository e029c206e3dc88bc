// Deleting an episode goes through the episode service like every command: the pages still
// open on it are told (`episode:removed`), and their sockets leave its rooms, so nothing of
// it reaches them afterwards (issue 11: the route deleted the files and said nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, listener, must, signIn, staffSocket, startServer, waitFor } from '../support/server.ts';
import type { Client, TestServer } from '../support/server.ts';
import { SHOW_EPISODE } from '../support/show.ts';

let s: TestServer;
let admin = '';
const sockets: Client[] = [];
beforeAll(async () => {
  s = await startServer({ sample: false });
  admin = await signIn(s.url);
});
afterAll(async () => {
  for (const x of sockets) x.disconnect();
  await s?.stop();
});

describe('deleting an episode', () => {
  it('tells its listeners and consoles, and empties its rooms', async () => {
    const created = await api(s.url, '/api/episodes', { method: 'POST', cookie: admin, body: { ...SHOW_EPISODE, title: 'Episode yang dihapus' } });
    expect(created.status).toBe(201);
    const ep = created.json.episode as { id: string; code: string };
    const { socket: l } = await listener(s.url);
    const host = await staffSocket(s.url, admin);
    const other = await listener(s.url);
    sockets.push(l, host, other.socket);
    const kept = (await api(s.url, '/api/episodes', { method: 'POST', cookie: admin, body: { ...SHOW_EPISODE, title: 'Episode yang tetap' } })).json.episode as { code: string };
    await must(other.socket, 'episode:join', { code: kept.code });
    await must(l, 'episode:join', { code: ep.code });
    await must(host, 'episode:join', { episodeId: ep.id, as: 'staff' });
    const told = [waitFor<{ episodeId: string }>(l, 'episode:removed'), waitFor<{ episodeId: string }>(host, 'episode:removed')];
    let strayed = false;
    other.socket.on('episode:removed', () => (strayed = true));

    const deleted = await api(s.url, `/api/episodes/${ep.id}`, { method: 'DELETE', cookie: admin });
    expect(deleted.status).toBe(204);
    expect(await Promise.all(told)).toEqual([{ episodeId: ep.id }, { episodeId: ep.id }]);
    const roomsNow = s.app.io.sockets.adapter.rooms;
    expect(roomsNow.get(`episode:${ep.id}`)).toBeUndefined();
    expect(roomsNow.get(`staff:${ep.id}`)).toBeUndefined();
    // Only the pages on that episode were told (not one on another episode); it is gone.
    expect(strayed).toBe(false);
    const again = await api(s.url, `/api/episodes/${ep.id}`, { cookie: admin });
    expect(again.status).toBe(404);
  });
});
