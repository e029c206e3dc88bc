// Acknowledged data is never lost, also when the process is killed: a server process
// is SIGKILLed in the middle of a vote storm, restarted on the same folder, and every
// vote it acknowledged must still be counted.
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { ADMIN_PASSWORD, api, listener, must, signIn, staffSocket } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { spawnServer } from '../support/process.ts';
import { dataFolder, stopProcess } from '../support/integration.ts';
import { until } from '../support/until.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';

const LISTENERS = 100;
const QUESTIONS = 12;

describe('SIGKILL during a vote storm', () => {
  const folder = dataFolder('crash');

  it('keeps every acknowledged vote', async () => {
    const { env: dirs } = await folder();
    const env = { ...dirs, ADMIN_PASSWORD, TICK_MS: '50' };
    const first = await spawnServer(env);
    const admin = await signIn(first.url);
    const ep = await createLiveEpisode(first.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const staff = await staffSocket(first.url, admin);
    const questions: string[] = [];
    for (let i = 0; i < QUESTIONS; i++) questions.push((await must(staff, 'question:submit', { episodeId: ep.id, text: `Pertanyaan ${i + 1}`, channel: 'sms' })).id);

    const people = await Promise.all(Array.from({ length: LISTENERS }, () => listener(first.url)));
    await Promise.all(people.map(({ socket }) => must(socket, 'episode:join', { episodeId: ep.id }))); // votes need the episode joined
    const acked: Array<{ listenerId: string; questionId: string }> = [];
    let sent = 0;
    let refused = 0;
    let stopped = false;
    const storm = people.map(async ({ socket, token }: { socket: Client; token: string }) => {
      const listenerId = token.split('.')[0]!;
      for (const questionId of questions) {
        if (stopped) return;
        sent++;
        try {
          const r = await (socket.timeout(3_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean }> }).emitWithAck('vote:cast', { episodeId: ep.id, questionId });
          if (r.ok) acked.push({ listenerId, questionId });
          else refused++;
        } catch {
          return; // The server died before answering: not acknowledged, so not promised.
        }
      }
    });

    // Kill it once the storm is well under way, at a moment the test does not choose precisely.
    const target = Math.floor(LISTENERS * QUESTIONS * (0.3 + Math.random() * 0.4));
    const started = Date.now();
    await until(() => acked.length >= target, `${target} acknowledged votes`);
    const health = await api(first.url, '/api/health');
    const seconds = (Date.now() - started) / 1000;
    await stopProcess(first.child, 'SIGKILL');
    stopped = true;
    await Promise.all(storm);
    for (const p of people) p.socket.disconnect();
    staff.disconnect();
    const ackedAtKill = acked.length;
    // The kill came in the middle of the storm, not before it or after it ended.
    expect(ackedAtKill).toBeGreaterThan(LISTENERS * QUESTIONS * 0.25);
    expect(ackedAtKill).toBeLessThan(LISTENERS * QUESTIONS);
    expect(refused).toBe(0);

    const second = await spawnServer(env);
    try {
      const admin2 = await signIn(second.url);
      const snap = await api(second.url, `/api/episodes/${ep.id}`, { cookie: admin2 });
      expect(snap.status).toBe(200);
      // Counted votes are per question; compare with what was acknowledged.
      const byQuestion = new Map<string, number>(snap.json.questions.map((q: { id: string; votes: number }) => [q.id, q.votes]));
      const expected = new Map<string, number>();
      for (const a of acked) expected.set(a.questionId, (expected.get(a.questionId) ?? 0) + 1);
      for (const [q, n] of expected) expect(byQuestion.get(q)!).toBeGreaterThanOrEqual(n);
      const counted = [...byQuestion.values()].reduce((a, b) => a + b, 0);
      expect(counted).toBeGreaterThanOrEqual(ackedAtKill);

      // And per listener: every listener, coming back with its token, sees each of its
      // acknowledged votes as its own.
      const ackedBy = new Map<string, string[]>();
      for (const a of acked) ackedBy.set(a.listenerId, [...(ackedBy.get(a.listenerId) ?? []), a.questionId]);
      await Promise.all([...ackedBy].map(async ([listenerId, votedFor]) => {
        const token = people.find((p) => p.token.startsWith(`${listenerId}.`))!.token;
        const back = await listener(second.url, token);
        const s = await must(back.socket, 'episode:join', { episodeId: ep.id });
        back.socket.disconnect();
        expect(s.audience === 'listener' && [...s.myVotes].sort()).toEqual(expect.arrayContaining(votedFor));
      }));

      const figures = {
        listeners: LISTENERS, votesSent: sent, votesAcknowledged: ackedAtKill, votesRefused: refused, votesCountedAfterRestart: counted,
        lostAcknowledged: Math.max(0, ackedAtKill - counted), writesBeforeKill: health.json.writes, seconds: Number(seconds.toFixed(2)),
        writesPerSecond: Math.round(health.json.writes / seconds), fsync: true,
      };
      console.log(`SIGKILL storm: ${JSON.stringify(figures)}`);
      await mkdir('test-output', { recursive: true });
      await writeFile('test-output/crash-storm.json', JSON.stringify(figures, null, 2));
    } finally {
      await stopProcess(second.child);
    }
  }, 120_000);
});
