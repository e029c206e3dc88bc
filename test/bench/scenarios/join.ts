// Join burst: N listeners join one episode, all arriving within T seconds (issue 15: 20,000
// in a burst, all with their snapshot within 10 s). They are spread over every process of the
// pool: one process holds < 20,000 sockets here.
import type { BenchContext } from '../lib/context.ts';
import type { ConnectResult, WorkerStats } from '../lib/protocol.ts';
import { openFilesLimit, rssSampler } from '../lib/proc.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { mb, now, round, sleep, summarize } from '../lib/stats.ts';
import { folders, liveShow, metrics, resetMetrics, staffView, startKentongan, submitQuestions } from '../lib/target.ts';

/** The issue's audience. */
export const ISSUE_LISTENERS = 20_000;

export interface JoinShape {
  listeners: number;
  /** Arrivals spread over this many seconds. */
  seconds: number;
  /** The most this machine allows: min(20,000, open-files hard limit − 100). */
  machineMax: number;
  /** The open-files hard limit of this process (the load generators and servers inherit it). */
  hardLimit: number;
}

/** The burst, shared by the join scenario and the floor's join burst so the two compare. */
export function joinShape(ctx: BenchContext): JoinShape {
  const hardLimit = openFilesLimit().hard;
  // The server also needs descriptors for its data folder and journals, the orchestrator a few.
  const machineMax = Math.min(ISSUE_LISTENERS, hardLimit - 100);
  return { listeners: ctx.param('join.listeners', 1_000, machineMax), seconds: ctx.param('join.seconds', 1, 1), machineMax, hardLimit };
}

/** Arrivals within 2 s count as a burst (the issue's shape when they are also the machine's most). */
export function isIssueBurst(shape: JoinShape): boolean {
  return shape.listeners >= shape.machineMax && shape.seconds <= 2;
}

/** A row saying how the listener count compares with the issue's 20,000, and why (not in quick mode, small by design). */
export function audienceRow(shape: JoinShape, quick: boolean): { metric: string; value: string } | null {
  if (quick || shape.listeners >= ISSUE_LISTENERS) return null;
  const limited = shape.listeners >= shape.machineMax;
  return {
    metric: `listeners fewer than the issue's ${ISSUE_LISTENERS}`,
    value: limited
      ? `open-files hard limit ${shape.hardLimit} per process (cannot be raised here): at most ${shape.machineMax}`
      : `${shape.listeners} chosen (${shape.machineMax} possible here)`,
  };
}

export async function joinStorm(ctx: BenchContext): Promise<ScenarioResult> {
  const shape = joinShape(ctx);
  const { listeners, seconds } = shape;
  const began = now();
  const f = await folders();
  // The server's default cap keeps a fifth of the descriptors in reserve (16,000 of 20,000):
  // allow all the listeners, and 40 descriptors for the data folder, journals and Node.
  const server = await startKentongan(f, Number.isFinite(shape.hardLimit) ? { MAX_CONNECTIONS: String(shape.hardLimit - 40) } : {});
  try {
    const show = await liveShow(server.url);
    await submitQuestions(show.host, show.episodeId, 20);
    await ctx.pool.all<WorkerStats>(() => ({ type: 'stats' }));
    await resetMetrics(server.url);
    const cpu0 = server.cpu();
    const rss = rssSampler(server.pid);
    ctx.log(`join: ${listeners} listeners over ${seconds} s from ${ctx.pool.size} processes`);
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
    const target = isIssueBurst(shape);
    const audience = audienceRow(shape, ctx.quick);
    return {
      name: 'join', title: 'Join burst', params: { listeners, seconds, generators: ctx.pool.size, transport: 'websocket', maxConnections: Number.isFinite(shape.hardLimit) ? shape.hardLimit - 40 : null, openFilesHardLimit: shape.hardLimit },
      rows: [
        { metric: `listeners with a snapshot (of ${listeners}, arriving within ${seconds} s)`, value: joined, target: target ? `${listeners}, 0 failures` : undefined, pass: target ? joined === listeners && failed === 0 : undefined },
        ...(audience ? [audience] : []),
        { metric: 'failures', value: failed },
        { metric: 'time until all have their first snapshot', value: round(allIn, 1), unit: 's', target: target ? '≤ 10 s' : undefined, pass: target ? allIn <= 10 : undefined },
        { metric: 'connect → snapshot p50 / p99 / max', value: `${lat.p50} / ${lat.p99} / ${lat.max}`, unit: 'ms' },
        { metric: 'listener count stored', value: view.episode.listenerCount },
        { metric: 'server CPU', value: round(cpu, 2), unit: 's' },
        { metric: 'server event-loop delay p99', value: m.eventLoopDelayMs.p99, unit: 'ms' },
        { metric: 'server RSS peak', value: mb(peak), unit: 'MB', target: target ? '≤ 400 MB' : undefined, pass: target ? mb(peak) <= 400 : undefined },
        { metric: 'server RSS / JS heap in use at the end', value: `${mb(m.rssBytes)} / ${mb(m.heapUsedBytes)}`, unit: 'MB' },
      ],
      figures: { joined, failed, errors, joinMs: lat, allInSeconds: round(allIn, 2), listenerCount: view.episode.listenerCount, serverCpuSeconds: round(cpu, 2), eventLoop: m.eventLoopDelayMs, rssPeakMB: mb(peak), writes: m.writes, clientLoopDelayP99Ms: clients.map((c) => round(c.loopDelayP99Ms, 1)) },
      notes: [
        ...(audience && shape.listeners >= shape.machineMax ? [`${shape.listeners} listeners, not ${ISSUE_LISTENERS}: the open-files hard limit is ${shape.hardLimit} per process (read from /proc/self/limits); the server ran with MAX_CONNECTIONS=${shape.hardLimit - 40}`] : []),
        ...(Object.keys(errors).length ? [`errors: ${JSON.stringify(errors)}`] : []),
      ],
      seconds: round((now() - began) / 1000, 1),
    };
  } finally {
    await server.stop();
    await f.remove();
  }
}
