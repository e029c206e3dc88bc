// Polls over real sockets: the host opens the satisfaction poll in one call, listeners
// answer (and change their minds), results reach staff live and listeners and the studio
// screen when the host chooses, as coalesced deltas; the notula prints percentages that
// sum to 100.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, call, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { studioServer, watchDeltas } from '../support/integration.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';
import type { PollView } from '../../server/contract/views.ts';
import type { Delta } from '../../server/contract/events.ts';

// Waiting for what a socket handler applies: the shared, timing-free helper.
import { until } from '../support/until.ts';

/** The latest view of a poll in a stream of deltas. */
function latest(deltas: Delta[], pollId: string): PollView | undefined {
  for (let i = deltas.length - 1; i >= 0; i--) {
    const p = deltas[i]!.polls?.find((x) => x.id === pollId);
    if (p) return p;
  }
  return undefined;
}

describe('polls during an episode', () => {
  const studio = studioServer({ tickMs: 100, rateLimits: RELAXED_LIMITS });

  it('runs the satisfaction poll from one click to the notula', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await joinStaff(studio.host, ep.id);
    const hostDeltas: Delta[] = [];
    studio.host.on('episode:delta', (d) => hostDeltas.push(d));
    const people: Client[] = [];
    for (let i = 0; i < 7; i++) {
      const p = (await listener(studio.url)).socket;
      await must(p, 'episode:join', { episodeId: ep.id });
      people.push(p);
    }
    const listenerDeltas: Delta[] = [];
    people[6]!.on('episode:delta', (d) => listenerDeltas.push(d));
    const screen = (await listener(studio.url)).socket;
    await must(screen, 'episode:join', { episodeId: ep.id, watchOnly: true });
    const studioDeltas: Delta[] = [];
    screen.on('episode:delta', (d) => studioDeltas.push(d));

    const poll = await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });
    expect(poll).toMatchObject({ question: 'Bagaimana Tanggapan Anda?', options: ['Sangat Puas', 'Puas', 'Cukup Puas', 'Tidak Puas'], status: 'open', counts: [0, 0, 0, 0] });
    await until(() => latest(listenerDeltas, poll.id) !== undefined);
    expect(latest(listenerDeltas, poll.id)).toMatchObject({ status: 'open', counts: null, percents: null });

    // 1 / 3 / 0 / 3, with one listener changing their mind while the poll is open.
    const answers = [0, 1, 1, 2, 3, 3, 3];
    for (const [i, option] of answers.entries()) expect(await must(people[i]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option })).toEqual({ pollId: poll.id, option });
    await must(people[3]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 1 });
    await until(() => latest(hostDeltas, poll.id)?.total === 7 && latest(hostDeltas, poll.id)?.counts?.[1] === 3);
    expect(latest(hostDeltas, poll.id)).toMatchObject({ counts: [1, 3, 0, 3], percents: [14, 43, 0, 43], total: 7 });
    // Hidden from listeners until the host shows them.
    expect(listenerDeltas.flatMap((d) => d.polls ?? []).every((p) => p.counts === null)).toBe(true);

    const snap = await must(people[3]!, 'episode:join', { episodeId: ep.id });
    expect(snap.audience === 'listener' && snap.myPollAnswers).toEqual({ [poll.id]: 1 });

    await must(studio.host, 'poll:results', { episodeId: ep.id, pollId: poll.id, visible: true });
    await until(() => latest(studioDeltas, poll.id)?.percents !== null && latest(studioDeltas, poll.id) !== undefined && latest(listenerDeltas, poll.id)?.percents !== null);
    for (const view of [latest(listenerDeltas, poll.id)!, latest(studioDeltas, poll.id)!]) {
      expect(view.percents).toEqual([14, 43, 0, 43]);
      expect(view.percents!.reduce((a, b) => a + b, 0)).toBe(100);
    }

    // Closed: an answer is refused and the episode on disk does not change.
    await must(studio.host, 'poll:close', { episodeId: ep.id, pollId: poll.id });
    await studio.server.app.store.flush();
    const file = join(studio.server.dataDir, 'episodes', `${ep.id}.json`);
    const before = await readFile(file, 'utf8');
    const late = await call(people[0]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 3 });
    expect(late.ok ? null : late.error.code).toBe('poll_closed');
    await studio.server.app.store.flush();
    expect(await readFile(file, 'utf8')).toBe(before);

    // A listener id never crosses the wire.
    const wire = JSON.stringify([hostDeltas, listenerDeltas, studioDeltas]);
    expect(wire).not.toMatch(/answers|listenerId/);

    const ended = await api(studio.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: studio.hostCookie });
    const md = await readFile(join(studio.server.transcriptsDir, ended.json.transcript), 'utf8');
    expect(md).toContain('## Hasil Jajak Pendapat\n\n### Bagaimana Tanggapan Anda?\n\n- Sangat Puas: 14% (1 suara)\n- Puas: 43% (3 suara)\n- Cukup Puas: 0% (0 suara)\n- Tidak Puas: 43% (3 suara)\n\nJumlah suara: 7\n');
    for (const p of [...people, screen]) p.disconnect();
  });

  it('coalesces an answer storm into a few deltas carrying the latest counts', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await joinStaff(studio.host, ep.id);
    const poll = await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'single', question: 'Jalan mana dulu?', options: ['Cibening', 'Kadumanis', 'Mekarjaya'], showResults: true });
    const voters = await Promise.all(Array.from({ length: 200 }, () => listener(studio.url)));
    const { watcher, seen, hostSeen } = await watchDeltas(studio, ep.id);
    await Promise.all(voters.map((v, i) => must(v.socket, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: i % 3 })));
    await until(() => latest(seen, poll.id)?.total === 200 && latest(hostSeen, poll.id)?.total === 200);
    const pollDeltas = seen.filter((d) => d.polls?.some((p) => p.id === poll.id));
    expect(pollDeltas.length).toBeGreaterThan(0);
    expect(pollDeltas.length).toBeLessThan(30);
    // 67/67/66 → 34/33/33.
    expect(latest(seen, poll.id)).toMatchObject({ counts: [67, 67, 66], percents: [34, 33, 33] });
    for (const v of voters) v.socket.disconnect();
    watcher.disconnect();
  });

  it('refuses polls from listeners and the wrong roles, and a second open poll', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const someone = (await listener(studio.url)).socket;
    const refused = async (socket: Client, event: string, payload: object, code: string) => {
      const r = await call(socket, event as never, payload as never);
      expect(r.ok ? null : r.error.code, event).toBe(code);
    };
    await refused(someone, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' }, 'not_signed_in');
    await refused(studio.notulis, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' }, 'not_allowed');
    await refused(studio.screener, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' }, 'not_allowed');
    const poll = await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'rating', question: 'Nilai acara ini', scale: 5 });
    await refused(studio.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' }, 'another_poll_open');
    await refused(someone, 'poll:close', { episodeId: ep.id, pollId: poll.id }, 'not_signed_in');
    await refused(someone, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 5 }, 'poll_option_invalid');
    await refused(someone, 'poll:answer', { episodeId: ep.id, pollId: 'tidak-ada', option: 0 }, 'poll_not_found');
    await refused(someone, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: '1' }, 'invalid_payload');
    await refused(studio.host, 'poll:open', { episodeId: ep.id, kind: 'single', question: 'x', options: ['a'], extra: 1 }, 'invalid_payload');
    someone.disconnect();
  });
});
