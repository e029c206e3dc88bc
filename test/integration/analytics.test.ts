// The staff analytics over a real server: real listener sockets join and leave, the audience
// sampler's ticks are driven by hand (its scheduler and the server clock are injected, so no
// test waits on the wall clock), and GET /api/episodes/:id/analytics answers staff only.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { SHOW_EPISODE, createLiveEpisode, joinStaff } from '../support/show.ts';
import { disconnectAll, studioServer } from '../support/integration.ts';
import { testClock } from '../support/clock.ts';
import { until } from '../support/until.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';
import type { EpisodeAnalytics } from '../../server/contract/views.ts';
import type { Delta } from '../../server/contract/events.ts';

/** The sampler's scheduler by hand: `tick()` runs what setInterval would have run. */
function handTimer() {
  const jobs: Array<() => void> = [];
  let stops = 0;
  return {
    every: (fn: () => void) => {
      jobs.push(fn);
      return () => { stops++; };
    },
    /** The latest server's job (a restart schedules a new one). */
    tick: () => jobs.at(-1)!(),
    get stops() { return stops; },
  };
}

describe('staff analytics of an episode', () => {
  const clock = testClock('2026-10-03T12:00:00.000Z');
  const timer = handTimer();
  const studio = studioServer({ now: clock.now, rateLimits: RELAXED_LIMITS, audience: { sampleMs: 5_000, keepMs: 60_000, timers: { every: timer.every } } });
  const analytics = async (id: string, cookie = studio.hostCookie) => api(studio.url, `/api/episodes/${id}/analytics`, { cookie });
  const read = async (id: string): Promise<EpisodeAnalytics> => {
    const r = await analytics(id);
    expect(r.status, r.text).toBe(200);
    return r.json as EpisodeAnalytics;
  };
  const connected = (id: string) => studio.server.app.broadcaster.connectedListeners(id);
  /** Points in the episode's file: a sample counts as kept once it is on disk. */
  const onDisk = async (id: string): Promise<number> => {
    const file = JSON.parse(await readFile(join(studio.server.dataDir, 'episodes', `${id}.json`), 'utf8'));
    return file.audience?.samples.length ?? 0;
  };

  it('samples connected listeners: a point a minute, the peak in between, nothing sent to any screen', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    // Staff on the episode are not its audience.
    await joinStaff(studio.host, ep.id);
    const people: Client[] = [];
    const join = async () => {
      const p = (await listener(studio.url)).socket;
      await must(p, 'episode:join', { episodeId: ep.id });
      people.push(p);
      return p;
    };
    for (let i = 0; i < 3; i++) await join();
    expect(connected(ep.id)).toBe(3);

    const deltas: Delta[] = [];
    people[0]!.on('episode:delta', (d) => deltas.push(d));
    studio.host.on('episode:delta', (d) => deltas.push(d));
    studio.server.app.broadcaster.flush();
    await must(people[0]!, 'episode:questions', { episodeId: ep.id, offset: 0 });
    deltas.length = 0;

    timer.tick();
    await until(async () => (await onDisk(ep.id)) === 1, 'the first point on disk');
    // Anything the sample sent would be out now, ahead of this answer on the same socket.
    studio.server.app.broadcaster.flush();
    await must(people[0]!, 'episode:questions', { episodeId: ep.id, offset: 0 });
    await must(studio.host, 'episode:questions', { episodeId: ep.id, offset: 0 });
    expect(deltas).toEqual([]);

    // 15 s later two more join: counted for the peak, no point kept (a minute has not passed).
    clock.advance(0.25);
    await join();
    await join();
    timer.tick();
    // Then two leave (one closes the page, one leaves the episode) before the minute is up.
    people[3]!.disconnect();
    await must(people[4]!, 'episode:leave', { episodeId: ep.id });
    await until(() => connected(ep.id) === 3, 'the two gone from the room');
    clock.advance(0.75);
    timer.tick();
    await until(async () => (await onDisk(ep.id)) === 2, 'the second point on disk');

    const a = await read(ep.id);
    expect(a.listeners.series).toEqual([
      { at: '2026-10-03T12:00:00.000Z', connected: 3 },
      { at: '2026-10-03T12:01:00.000Z', connected: 3 },
    ]);
    expect(a.listeners.peak).toEqual({ at: '2026-10-03T12:00:15.000Z', connected: 5 });
    // Everyone who joined, whether still here or not.
    expect(a.listeners.total).toBe(5);
    expect(a.reader).toBeNull();
    disconnectAll(people);
  });

  it('counts questions by channel, votes and the turnout of a poll against who was connected', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie, { ...SHOW_EPISODE, premoderation: false });
    await joinStaff(studio.host, ep.id);
    const people: Client[] = [];
    for (let i = 0; i < 4; i++) {
      const p = (await listener(studio.url)).socket;
      await must(p, 'episode:join', { episodeId: ep.id });
      people.push(p);
    }
    timer.tick();
    await until(async () => (await onDisk(ep.id)) === 1, 'a point on disk');
    const asked = await must(people[0]!, 'question:ask', { episodeId: ep.id, text: 'Kapan bank sampah buka di RW 2?' });
    for (const p of people.slice(1, 3)) await must(p, 'vote:cast', { episodeId: ep.id, questionId: asked.id });
    const poll = await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });
    await must(people[0]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 0 });
    await must(people[1]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 3 });

    const a = await read(ep.id);
    expect(a.questions.byChannel).toEqual([{ channel: 'web', received: 1, pending: 0, approved: 1, aired: 0, merged: 0, rejected: 0 }]);
    expect(a.votes).toEqual({ total: 2, voters: 2 });
    expect(a.polls).toMatchObject([{ id: poll.id, answers: 2, present: 4, presentFrom: 'connected', turnoutPercent: 50, status: 'open' }]);
    disconnectAll(people);
  });

  it('answers staff only: anonymous, a listener or a stale cookie is refused; an unknown id is not found', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const anonymous = await api(studio.url, `/api/episodes/${ep.id}/analytics`);
    expect([anonymous.status, anonymous.json.error.code]).toEqual([401, 'not_signed_in']);
    // A listener has a token, not a staff session: whatever cookie it sends, it is not staff.
    const { token } = await listener(studio.url);
    const asListener = await analytics(ep.id, `kentongan_listener=${token}`);
    expect([asListener.status, asListener.json.error.code]).toEqual([401, 'not_signed_in']);
    const stale = await analytics(ep.id, 'kentongan_session=not-a-session');
    expect(stale.status).toBe(401);
    // Every staff role that sees the episode sees its analytics.
    for (const cookie of [studio.hostCookie, studio.screenerCookie, studio.notulisCookie, studio.admin]) expect((await analytics(ep.id, cookie)).status).toBe(200);
    const unknown = await analytics('tidakada12345');
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'episode_not_found']);
    const hostile = await analytics('..%2F..%2Fstaff');
    expect(hostile.status).toBe(404);
    expect((await analytics(ep.id)).headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the samples on disk and stops sampling an ended episode and on close', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const p = (await listener(studio.url)).socket;
    await must(p, 'episode:join', { episodeId: ep.id });
    clock.advance(5);
    timer.tick();
    await until(async () => (await onDisk(ep.id)) === 1, 'a point on disk');
    const ended = await api(studio.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: studio.hostCookie });
    expect(ended.status).toBe(200);
    clock.advance(5);
    timer.tick();
    const before = (await read(ep.id)).listeners.series;
    expect(before).toHaveLength(1);
    p.disconnect();

    const stopsBefore = timer.stops;
    await studio.restart();
    expect(timer.stops).toBe(stopsBefore + 1);
    expect((await read(ep.id)).listeners.series).toEqual(before);
  });
});
