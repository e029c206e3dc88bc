// What goes over the wire: coalesced deltas, and nothing a listener may not see.
import { describe, expect, it } from 'vitest';
import { listener, must } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { studioServer, watchDeltas } from '../support/integration.ts';
import { until } from '../support/until.ts';
import type { Delta } from '../../server/contract/events.ts';

const votesFor = (d: Delta, questionId: string) => d.votes?.[questionId];

describe('deltas', () => {
  const studio = studioServer({ tickMs: 100 });

  it('coalesces a vote storm into a few messages carrying the latest counts', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await joinStaff(studio.host, ep.id);
    const q = await must(studio.screener, 'question:submit', { episodeId: ep.id, text: 'Satu pertanyaan', channel: 'sms' });
    const voters = await Promise.all(Array.from({ length: 300 }, () => listener(studio.url)));
    await Promise.all(voters.map((v) => must(v.socket, 'episode:join', { episodeId: ep.id }))); // votes need the episode joined
    // No vote was cast yet, so every delta that carries this question's votes comes from the storm.
    const { watcher, seen, hostSeen } = await watchDeltas(studio, ep.id);
    await Promise.all(voters.map((v) => must(v.socket, 'vote:cast', { episodeId: ep.id, questionId: q.id })));
    // Nothing changes after the 300th vote: once both have seen it, every vote delta is in.
    await until(() => seen.some((d) => votesFor(d, q.id) === 300) && hostSeen.some((d) => votesFor(d, q.id) === 300), 'the 300th vote on both sockets');
    const voteDeltas = seen.filter((d) => d.votes?.[q.id] !== undefined);
    expect(voteDeltas.length).toBeGreaterThan(0);
    expect(voteDeltas.length).toBeLessThan(30);
    expect(voteDeltas.at(-1)!.votes![q.id]).toBe(300);
    expect(hostSeen.filter((d) => d.votes?.[q.id] !== undefined).at(-1)!.votes![q.id]).toBe(300);
    // Sequence numbers only go up.
    expect(seen.map((d) => d.seq)).toEqual([...seen.map((d) => d.seq)].sort((a, b) => a - b));
    for (const v of voters) v.socket.disconnect();
    watcher.disconnect();
  });

  it('never sends a listener pending or rejected questions of others, nor listener ids', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const watcher = (await listener(studio.url)).socket;
    const raw: unknown[] = [];
    watcher.onAny((event, payload) => raw.push({ event, payload }));
    await must(watcher, 'episode:join', { episodeId: ep.id });
    const asker = (await listener(studio.url)).socket;
    const pending = await must(asker, 'question:ask', { episodeId: ep.id, text: 'RAHASIA-MENUNGGU' });
    const rejected = await must(asker, 'question:ask', { episodeId: ep.id, text: 'RAHASIA-DITOLAK' });
    await must(studio.screener, 'question:reject', { episodeId: ep.id, questionId: rejected.id });
    const ok = await must(asker, 'question:ask', { episodeId: ep.id, text: 'Boleh dilihat' });
    await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: ok.id });
    await must(watcher, 'vote:cast', { episodeId: ep.id, questionId: ok.id });
    // Deltas come in order: once the last change (this vote) has arrived, so has every earlier one.
    await until(() => raw.some((e) => (e as { event: string; payload: Delta }).event === 'episode:delta' && votesFor((e as { payload: Delta }).payload, ok.id) === 1), 'the vote delta');
    const rejoin = await must(watcher, 'episode:join', { episodeId: ep.id });
    const wire = JSON.stringify(raw) + JSON.stringify(rejoin);
    expect(wire).toContain('Boleh dilihat');
    expect(wire).not.toContain('RAHASIA');
    expect(wire).not.toMatch(/askedBy|voters|listeners"/);
    expect(pending.status).toBe('pending');
    asker.disconnect();
    watcher.disconnect();
  });
});
