// Issue 9, item 9: a join storm on an episode with a long queue. The part of the listener
// snapshot every listener shares is serialised once (per listener delta) and sent as bytes;
// the approved queue comes a page at a time; deltas still reach questions beyond the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { SHOW_EPISODE, createLiveEpisode, joinStaff } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';
import { applyDelta, fromSnapshot, queueMore } from '../../web/src/lib/episode-state.ts';
import type { EpisodeState } from '../../web/src/lib/episode-state.ts';
import { rankQueue } from '../../server/contract/ranking.ts';
import { QUEUE_PAGE } from '../../server/domain/views.ts';

// Waiting for what a socket handler applies: the shared, timing-free helper.
import { until } from '../support/until.ts';

const approvedIds = (s: EpisodeState) => rankQueue([...s.questions.values()]).map((q) => q.id);

describe('join storm on a long queue', () => {
  const QUESTIONS = 120;
  let episodeId: string;
  let ids: string[];
  const sockets: Client[] = [];
  const listenerSocket = async () => {
    const { socket } = await listener(studio.url);
    sockets.push(socket);
    return socket;
  };
  /** The host's full queue in rank order (staff get every question). */
  const fullRanking = async () => rankQueue((await joinStaff(studio.host, episodeId)).questions).map((q) => q.id);

  const studio = studioServer({ rateLimits: RELAXED_LIMITS });
  beforeAll(async () => {
    episodeId = (await createLiveEpisode(studio.url, studio.admin, { ...SHOW_EPISODE, premoderation: false })).id;
    await joinStaff(studio.host, episodeId);
    ids = [];
    for (let i = 0; i < QUESTIONS; i++) {
      const q = await must(studio.host, 'question:submit', { episodeId, text: `Pertanyaan ${i + 1} tentang jadwal angkutan sampah`, channel: 'sms', name: null, location: null });
      ids.push(q.id);
    }
    // Some votes, so rank order differs from arrival order: questions 61..70 get two each.
    const voters = [await listenerSocket(), await listenerSocket()];
    for (const v of voters) {
      await must(v, 'episode:join', { episodeId });
      for (const id of ids.slice(60, 70)) await must(v, 'vote:cast', { episodeId, questionId: id });
    }
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
  });

  it('serialises the shared snapshot at most once per listener delta, however many sockets join', async () => {
    const b = studio.server.app.broadcaster;
    const before = b.snapshots.serialised;
    const seqBefore = b.listenerSeq(episodeId);
    const joiners = await Promise.all(Array.from({ length: 40 }, () => listenerSocket()));
    const acks = await Promise.all(joiners.map((s) => must(s, 'episode:join', { episodeId, packed: true })));
    const rebuilt = b.snapshots.serialised - before;
    // A rebuild needs a new listener delta in between (a count delta goes out at most every
    // 5 s): without the cache this was one serialisation per join.
    expect(rebuilt).toBeGreaterThanOrEqual(0);
    expect(rebuilt).toBeLessThanOrEqual(b.listenerSeq(episodeId) - seqBefore + 1);
    // Every socket got the same bytes, and they unpack into a whole snapshot.
    const states = acks.map((a) => fromSnapshot(a));
    for (const s of states) {
      expect(s.episode.id).toBe(episodeId);
      expect(approvedIds(s)).toHaveLength(QUEUE_PAGE);
      expect(s.queueTotal).toBe(QUESTIONS);
    }
    // The count is each joiner's own, fresh: the last to be answered counts everyone.
    expect(Math.max(...states.map((s) => s.episode.listenerCount))).toBe(2 + 40);
  }, 30_000);

  it('the join holds the first page of the queue; episode:questions gives the rest in rank order', async () => {
    const ranking = await fullRanking();
    const me = await listenerSocket();
    const unpacked = await must(me, 'episode:join', { episodeId });
    const state = fromSnapshot(unpacked);
    expect(approvedIds(state)).toEqual(ranking.slice(0, QUEUE_PAGE));
    expect(state.queueTotal).toBe(QUESTIONS);
    expect(queueMore(state)).toBe(QUESTIONS - QUEUE_PAGE);
    const pages = [];
    for (let offset = QUEUE_PAGE; offset < QUESTIONS; offset += QUEUE_PAGE) {
      const page = await must(me, 'episode:questions', { episodeId, offset });
      expect(page.total).toBe(QUESTIONS);
      pages.push(...page.questions.map((q) => q.id));
    }
    expect(pages).toEqual(ranking.slice(QUEUE_PAGE));
    // Bad input is refused in words, nothing crashes.
    const bad = await call(me, 'episode:questions', { episodeId, offset: -1 });
    expect(bad.ok).toBe(false);
    const none = await call(me, 'episode:questions', { episodeId: 'tidak-ada', offset: 0 });
    expect(none.ok ? null : none.error.code).toBe('episode_not_found');
  }, 30_000);

  it('votes, a rejection and a new question beyond the first page reach the client model', async () => {
    const me = await listenerSocket();
    let model = fromSnapshot(await must(me, 'episode:join', { episodeId, packed: true }));
    me.on('episode:delta', (d) => void (model = applyDelta(model, d)));
    const ranking = await fullRanking();
    const last = ranking[ranking.length - 1]!;
    const beyond = ranking[ranking.length - 2]!;
    expect(model.questions.has(last)).toBe(false);
    // Three votes lift the last question to the top (the most any other has is two).
    for (let i = 0; i < 3; i++) {
      const v = await listenerSocket();
      await must(v, 'episode:join', { episodeId });
      await must(v, 'vote:cast', { episodeId, questionId: last });
    }
    await until(() => model.questions.get(last)?.votes === 3);
    expect(approvedIds(model)[0]).toBe(last);
    // Rejected beyond the page: the total drops; a new one raises it.
    await must(studio.host, 'question:reject', { episodeId, questionId: beyond });
    await until(() => model.queueTotal === QUESTIONS - 1);
    await must(studio.host, 'question:submit', { episodeId, text: 'Pertanyaan baru dari telepon', channel: 'phone', name: null, location: null });
    await until(() => model.queueTotal === QUESTIONS);
    // What the model shows agrees with a fresh join.
    const fresh = fromSnapshot(await must(await listenerSocket(), 'episode:join', { episodeId, packed: true }));
    expect(approvedIds(model).slice(0, QUEUE_PAGE)).toEqual(approvedIds(fresh));
    for (const id of approvedIds(fresh)) expect(model.questions.get(id)?.votes).toBe(fresh.questions.get(id)?.votes);
  }, 30_000);
});
