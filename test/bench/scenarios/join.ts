// Join storm: N listeners join one episode within T seconds.
import type { BenchContext } from '../lib/context.ts';
import type { ConnectResult, WorkerStats } from '../lib/protocol.ts';
import { rssSampler } from '../lib/proc.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { mb, now, round, sleep, summarize } from '../lib/stats.ts';
import { folders, liveShow, metrics, resetMetrics, staffView, startKentongan, submitQuestions } from '../lib/target.ts';

export async function joinStorm(ctx: BenchContext): Promise<ScenarioResult> {
  const listeners = ctx.param('join.listeners', 1_000, 10_000);
  // Arrivals spread over 55 s, so "all joined within 60 s" leaves the last arrivals a few seconds to get their snapshot.
  const seconds = ctx.param('join.seconds', 3, 55);
  const began = now();
  const f = await folders();
  const server = await startKentongan(f);
  try {
    const show = await liveShow(server.url);
    await submitQuestions(show.host, show.episodeId, 20);
    await ctx.pool.all<WorkerStats>(() => ({ type: 'stats' }));
    await resetMetrics(server.url);
    const cpu0 = server.cpu();
    const rss = rssSampler(server.pid);
    ctx.log(`join: ${listeners} listeners over ${seconds} s`);
    const parts = await ctx.pool.all<ConnectResult>((i) => ({
      type: 'connect', url: server.url, count: ctx.pool.share(listeners, i), rampMs: seconds * 1000,
      join: { episodeId: show.episodeId }, reconnection: false, sampleEvery: 1_000_000, track: true, timeoutMs: 120_000,
    }));
    const cpu = server.cpu() - cpu0;
    const peak = rss.stop();
    if (process.env.BENCH_HEAP_SIGNAL) {
      server.child.kill('SIGUSR2');
      await sleep(15_000);
    }
    const m = await metrics(server.url);
    const clients = await ctx.pool.all<WorkerStats>(() => ({ type: 'stats' }));
    await sleep(300);
    const view = await staffView(server.url, show.cookie, show.episodeId);
    const joined = parts.reduce((a, p) => a + p.connected, 0);
    const failed = parts.reduce((a, p) => a + p.failed, 0);
    const errors: Record<string, number> = {};
    for (const p of parts) for (const [k, v] of Object.entries(p.errors)) errors[k] = (errors[k] ?? 0) + v;
    const lat = summarize(parts.flatMap((p) => p.joinMs));
    const allIn = (Math.max(...parts.map((p) => p.lastAt)) - Math.min(...parts.map((p) => p.startedAt))) / 1000;
    await ctx.pool.all(() => ({ type: 'close' }));
    show.host.disconnect();
    const target = listeners >= 10_000 && seconds <= 60;
    return {
      name: 'join', title: 'Join storm', params: { listeners, seconds, workers: ctx.pool.size, transport: 'websocket' },
      rows: [
        { metric: `listeners with a snapshot (of ${listeners}, arriving over ${seconds} s)`, value: joined, target: target ? `${listeners}, 0 failures` : undefined, pass: target ? joined === listeners && failed === 0 : undefined },
        { metric: 'failures', value: failed },
        { metric: 'time until all have their first snapshot', value: round(allIn, 1), unit: 's', target: target ? '≤ 60 s' : undefined, pass: target ? allIn <= 60 : undefined },
        { metric: 'connect → snapshot p50 / p99 / max', value: `${lat.p50} / ${lat.p99} / ${lat.max}`, unit: 'ms' },
        { metric: 'listener count stored', value: view.episode.listenerCount },
        { metric: 'server CPU', value: round(cpu, 2), unit: 's' },
        { metric: 'server event-loop delay p99', value: m.eventLoopDelayMs.p99, unit: 'ms' },
        { metric: 'server RSS peak', value: mb(peak), unit: 'MB', target: target ? '≤ 400 MB' : undefined, pass: target ? mb(peak) <= 400 : undefined },
        { metric: 'server RSS / JS heap in use at the end', value: `${mb(m.rssBytes)} / ${mb(m.heapUsedBytes)}`, unit: 'MB' },
      ],
      figures: { joined, failed, errors, joinMs: lat, allInSeconds: round(allIn, 2), listenerCount: view.episode.listenerCount, serverCpuSeconds: round(cpu, 2), eventLoop: m.eventLoopDelayMs, rssPeakMB: mb(peak), writes: m.writes, clientLoopDelayP99Ms: clients.map((c) => round(c.loopDelayP99Ms, 1)) },
      notes: Object.keys(errors).length ? [`errors: ${JSON.stringify(errors)}`] : [],
      seconds: round((now() - began) / 1000, 1),
    };
  } finally {
    await server.stop();
    await f.remove();
  }
}
