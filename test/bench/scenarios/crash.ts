// Crash: a vote storm, the server killed with SIGKILL at a random moment, restarted on the
// same folder, and every acknowledged vote looked up in the episode file — K times.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context.ts';
import type { ConnectResult, StormResult } from '../lib/protocol.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { now, round, sleep } from '../lib/stats.ts';
import { folders, liveShow, staffView, startKentongan, submitQuestions } from '../lib/target.ts';

interface Run {
  killAtSeconds: number;
  sent: number;
  acknowledged: number;
  counted: number;
  lost: number;
  restartSeconds: number;
}

export async function crash(ctx: BenchContext): Promise<ScenarioResult> {
  const runs = ctx.param('crash.runs', 2, 20);
  const listeners = ctx.param('crash.listeners', 100, 500);
  const rate = ctx.param('crash.rate', 500, 1_000);
  const began = now();
  const results: Run[] = [];
  for (let k = 0; k < runs; k++) {
    const f = await folders('kentongan-crash-');
    try {
      const server = await startKentongan(f);
      const show = await liveShow(server.url);
      await submitQuestions(show.host, show.episodeId, 30);
      const parts = await ctx.pool.all<ConnectResult>((i) => ({
        type: 'connect', url: server.url, count: ctx.pool.share(listeners, i), rampMs: 500, join: { episodeId: show.episodeId },
        reconnection: false, sampleEvery: 1_000_000, track: true, timeoutMs: 60_000,
      }));
      if (parts.some((p) => p.failed)) throw new Error('listeners could not connect');
      // Somewhere between 0.5 s and 3.5 s into the storm (quick: 0.3–1.5 s), not chosen by the storm.
      const killAt = ctx.quick ? 0.3 + Math.random() * 1.2 : 0.5 + Math.random() * 3;
      const stormMs = Math.ceil(killAt * 1000) + 500;
      const storm = ctx.pool.all<StormResult>(() => ({
        type: 'storm', event: 'vote:cast', episodeId: show.episodeId, rate: rate / ctx.pool.size, durationMs: stormMs, askRate: 0, observe: false, ackTimeoutMs: 2_000,
      }));
      await sleep(killAt * 1000);
      await server.stop('SIGKILL');
      const done = await storm;
      show.host.disconnect();
      await ctx.pool.all(() => ({ type: 'close' }));
      const acked = done.flatMap((p) => p.acked);

      const t = now();
      const again = await startKentongan(f);
      const restartSeconds = (now() - t) / 1000;
      try {
        const file = JSON.parse(await readFile(join(f.env.DATA_DIR!, 'episodes', `${show.episodeId}.json`), 'utf8')) as { questions: Array<{ id: string; voters: string[] }> };
        const voters = new Map(file.questions.map((q) => [q.id, new Set(q.voters)]));
        const lost = acked.filter(([listenerId, q]) => !voters.get(q)?.has(listenerId)).length;
        // The restarted server serves the same counts it read from that file.
        const view = await staffView(again.url, show.cookie, show.episodeId);
        const counted = view.questions.reduce((a, q) => a + q.votes, 0);
        const inFile = file.questions.reduce((a, q) => a + q.voters.length, 0);
        if (counted !== inFile) throw new Error(`restarted server counts ${counted}, file holds ${inFile}`);
        results.push({ killAtSeconds: round(killAt, 2), sent: done.reduce((a, p) => a + p.sent, 0), acknowledged: acked.length, counted, lost, restartSeconds: round(restartSeconds, 2) });
        ctx.log(`crash ${k + 1}/${runs}: killed at ${round(killAt, 2)} s, ${acked.length} acknowledged, ${counted} counted, ${lost} lost`);
      } finally {
        await again.stop();
      }
    } finally {
      await f.remove();
    }
  }
  const lost = results.reduce((a, r) => a + r.lost, 0);
  const acknowledged = results.reduce((a, r) => a + r.acknowledged, 0);
  const full = !ctx.quick;
  return {
    name: 'crash', title: 'SIGKILL during a vote storm',
    params: { runs, listeners, votesPerSecond: rate, fsync: true },
    rows: [
      { metric: `SIGKILL runs (${listeners} listeners, ${rate} votes/s)`, value: results.length, target: full ? '20' : undefined, pass: full ? results.length === 20 : undefined },
      { metric: 'votes acknowledged before the kill (all runs)', value: acknowledged },
      { metric: 'acknowledged votes lost', value: lost, target: '0', pass: lost === 0 },
      { metric: 'votes counted after restart (all runs)', value: results.reduce((a, r) => a + r.counted, 0) },
      { metric: 'restart time (process start → listening) median', value: round([...results.map((r) => r.restartSeconds)].sort((a, b) => a - b)[Math.floor(results.length / 2)] ?? 0, 2), unit: 's' },
    ],
    figures: { runs: results, acknowledged, lost },
    notes: [],
    seconds: round((now() - began) / 1000, 1),
  };
}
