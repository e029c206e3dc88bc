// Vote storm against Kentongan, and against the bare Socket.IO floor the same join burst as
// the join scenario (connect only) and then the same storm (ack only).
import type { BenchContext } from '../lib/context.ts';
import type { ConnectResult, StormResult, WorkerStats } from '../lib/protocol.ts';
import { freshness, Studio } from '../lib/host.ts';
import { rssSampler } from '../lib/proc.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { mb, now, round, sleep, summarize } from '../lib/stats.ts';
import { folders, liveShow, metrics, resetMetrics, staffView, startFloor, startKentongan, submitQuestions } from '../lib/target.ts';
import type { Target } from '../lib/target.ts';
import type { Generators } from '../lib/pool.ts';
import { joinShape } from './join.ts';
import type { JoinShape } from './join.ts';

export interface StormShape {
  listeners: number;
  rate: number;
  seconds: number;
}

/** Issue 15: 5,000 votes/s for 60 s from 2,000 listeners (the floor's storm has the same shape). */
export function stormShape(ctx: BenchContext): StormShape {
  return { listeners: ctx.param('vote.listeners', 500, 2_000), rate: ctx.param('vote.rate', 1_000, 5_000), seconds: ctx.param('vote.seconds', 6, 60) };
}

/** The issue's memory bar (≤ 400 MB) is set for storms of up to 2,000 votes/s; above, memory is judged against the floor. */
export const RSS_BAR_MAX_RATE = 2_000;

/** The storm's audience, on the storm's generators only (a process without sockets sends nothing). */
async function connectAll(gens: Generators, url: string, listeners: number, join: { episodeId: string } | null): Promise<number> {
  const parts = await gens.all<ConnectResult>((i) => ({
    type: 'connect', url, count: gens.share(listeners, i), rampMs: Math.min(20_000, listeners * 2),
    join, reconnection: false, sampleEvery: Math.max(1, Math.floor(listeners / gens.size / 3)), track: false, timeoutMs: 120_000,
  }));
  const failed = parts.reduce((a, p) => a + p.failed, 0);
  if (failed) throw new Error(`${failed} listeners could not connect: ${JSON.stringify(parts.map((p) => p.errors))}`);
  return parts.reduce((a, p) => a + p.connected, 0);
}

interface StormRun {
  parts: StormResult[];
  acked: StormResult['acked'];
  latency: ReturnType<typeof summarize>;
  sent: number;
  skipped: number;
  refused: Record<string, number>;
  timeouts: number;
  cpu: number;
  wall: number;
  rssPeak: number;
  clients: WorkerStats[];
}

async function storm(gens: Generators, target: Target, shape: StormShape, episodeId: string, questions?: string[], askRate = 0): Promise<StormRun> {
  await gens.all<WorkerStats>(() => ({ type: 'stats' }));
  const cpu0 = target.cpu();
  const t0 = now();
  const rss = rssSampler(target.pid);
  const parts = await gens.all<StormResult>(() => ({
    type: 'storm', event: 'vote:cast', episodeId, rate: shape.rate / gens.size, durationMs: shape.seconds * 1000,
    askRate: askRate / gens.size, observe: !questions, questions,
  }));
  const cpu = target.cpu() - cpu0;
  const wall = (Math.max(...parts.map((p) => p.drainedAt)) - t0) / 1000;
  const rssPeak = rss.stop();
  const clients = await gens.all<WorkerStats>(() => ({ type: 'stats' }));
  const refused: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.refused)) refused[k] = (refused[k] ?? 0) + v;
  return {
    parts, acked: parts.flatMap((p) => p.acked), latency: summarize(parts.flatMap((p) => p.latency)),
    sent: parts.reduce((a, p) => a + p.sent, 0), skipped: parts.reduce((a, p) => a + p.skipped, 0), refused,
    timeouts: parts.reduce((a, p) => a + p.timeouts, 0), cpu, wall, rssPeak, clients,
  };
}

export async function voteStorm(ctx: BenchContext, shape = stormShape(ctx)): Promise<ScenarioResult> {
  const began = now();
  const f = await folders();
  const server = await startKentongan(f);
  try {
    const show = await liveShow(server.url);
    // Enough open questions that no listener runs out of ones to support.
    await submitQuestions(show.host, show.episodeId, Math.ceil((shape.rate * shape.seconds) / shape.listeners) + 40);
    const studio = new Studio(show.host, show.episodeId);
    await studio.sync();
    ctx.log(`vote: ${shape.listeners} listeners connecting`);
    await connectAll(ctx.generators, server.url, shape.listeners, { episodeId: show.episodeId });
    await sleep(1_000);
    await resetMetrics(server.url);
    const writes0 = (await metrics(server.url)).writes;
    ctx.log(`vote: ${shape.rate} votes/s for ${shape.seconds} s`);
    studio.observing = true;
    const smsMs = ctx.param('vote.smsEveryMs', 500, 500);
    const asks = ctx.param('vote.asksPerSecond', 2, 2);
    studio.run({ submitMs: smsMs, airMs: 5_000 });
    const run = await storm(ctx.generators, server, shape, show.episodeId, undefined, asks);
    studio.stop();
    studio.observing = false;
    const m = await metrics(server.url);
    const mem = server.memory();
    await sleep(500);
    const view = await staffView(server.url, show.cookie, show.episodeId);
    const counted = view.questions.reduce((a, q) => a + q.votes, 0);
    // Per question too: every acknowledged vote is in the count.
    const perQuestion = new Map<string, number>();
    for (const [, q] of run.acked) perQuestion.set(q, (perQuestion.get(q) ?? 0) + 1);
    const short = [...perQuestion].filter(([q, n]) => (view.questions.find((x) => x.id === q)?.votes ?? 0) < n).length;

    const host = freshness(run.acked, (q) => studio.seen.get(q));
    const samples = run.parts.flatMap((p) => p.observations).map((obs) => {
      const byQ = new Map<string, Array<[number, number]>>();
      for (const [q, n, t] of obs) {
        let l = byQ.get(q);
        if (!l) byQ.set(q, (l = []));
        l.push([n, t]);
      }
      return byQ;
    });
    const toListener = freshness(run.acked, (q, i) => samples[i % samples.length]?.get(q));
    const hostF = summarize(host.times);
    const listenerF = summarize(toListener.times);
    const acked = run.acked.length;
    const perK = (run.cpu / acked) * 1000;
    const achieved = acked / run.wall;
    // Ack latency second by second: shows whether slow acks are steady or a few stalls.
    const t0 = run.acked.reduce((m, a) => Math.min(m, a[3]), Infinity);
    const bySecond = new Map<number, number[]>();
    for (const a of run.acked) {
      const sec = Math.floor((a[3] - t0) / 1000);
      (bySecond.get(sec) ?? bySecond.set(sec, []).get(sec)!).push(a[4]);
    }
    const timeline = [...bySecond].sort((x, y) => x[0] - y[0]).map(([sec, l]) => ({ second: sec, votes: l.length, ...summarize(l) }));
    await ctx.pool.all(() => ({ type: 'close' }));
    show.host.disconnect();
    const full = !ctx.quick;
    // 99 % of the asked rate, for the whole storm (the load generator paces in 5 ms steps).
    const rateBar = Math.floor(shape.rate * 0.99);
    const rssBar = shape.rate <= RSS_BAR_MAX_RATE;
    return {
      name: 'vote', title: 'Vote storm',
      params: { ...shape, generators: ctx.generators.size, tickMs: 100, fsync: true, questionsAtStart: view.questions.length - studio.actions.submitted, hostAirsEverySeconds: 5, smsQuestionsPerSecond: round(1000 / smsMs, 2), listenerQuestionsPerSecond: asks },
      rows: [
        { metric: `votes acknowledged (sent ${run.sent}, over ${round(run.wall, 1)} s)`, value: acked },
        { metric: 'acknowledged votes per second', value: Math.round(achieved), target: full ? `≥ ${rateBar.toLocaleString('en')} /s for ${shape.seconds} s` : undefined, pass: full ? achieved >= rateBar && run.wall >= shape.seconds - 1 : undefined },
        { metric: 'votes counted in the store afterwards', value: counted, target: '= acknowledged', pass: counted === acked && short === 0 },
        { metric: 'ack latency p50 / p95 / p99', value: `${run.latency.p50} / ${run.latency.p95} / ${run.latency.p99}`, unit: 'ms', target: 'p99 ≤ 50 ms', pass: (run.latency.p99 ?? Infinity) <= 50 },
        { metric: 'ack time inside the server p50 / p99', value: `${round(m.ackMs.p50 ?? 0, 2)} / ${round(m.ackMs.p99 ?? 0, 2)}`, unit: 'ms' },
        { metric: 'vote → host ranking p50 / p99', value: `${hostF.p50} / ${hostF.p99}`, unit: 'ms', target: 'p99 ≤ 500 ms', pass: (hostF.p99 ?? Infinity) <= 500 },
        { metric: 'vote → listener p50 / p99', value: `${listenerF.p50} / ${listenerF.p99}`, unit: 'ms' },
        { metric: 'server CPU per 1,000 votes', value: round(perK * 1000, 1), unit: 'ms' },
        { metric: 'server CPU busy', value: `${round((run.cpu / run.wall) * 100, 0)} %`, unit: 'of one core' },
        { metric: 'server event-loop delay p99', value: m.eventLoopDelayMs.p99, unit: 'ms' },
        { metric: 'server RSS peak', value: mb(run.rssPeak), unit: 'MB', target: rssBar ? '≤ 400 MB' : undefined, pass: rssBar ? mb(run.rssPeak) <= 400 : undefined },
        { metric: 'server RSS / JS heap in use at the end', value: `${mb(mem.rss)} / ${mb(m.heapUsedBytes)}`, unit: 'MB' },
        { metric: 'episode file writes per second', value: Math.round((m.writes - writes0) / run.wall) },
      ],
      figures: {
        acked, sent: run.sent, skipped: run.skipped, refused: run.refused, timeouts: run.timeouts, counted, questionsShort: short,
        achievedPerSecond: round(achieved, 1), wallSeconds: round(run.wall, 2), ackLatencyMs: run.latency,
        hostFreshnessMs: hostF, hostUnseen: host.unseen, listenerFreshnessMs: listenerF, listenerUnseen: toListener.unseen, listenerSamples: samples.length,
        serverCpuSeconds: round(run.cpu, 2), cpuMsPer1000: round(perK * 1000, 2), eventLoop: m.eventLoopDelayMs, eventLoopUtilization: m.eventLoopUtilization,
        rssPeakMB: mb(run.rssPeak), rssEndMB: mb(mem.rss), heapUsedEndMB: mb(m.heapUsedBytes), writes: m.writes - writes0, studio: studio.actions,
        clientLoopDelayP99Ms: run.clients.map((c) => round(c.loopDelayP99Ms, 1)), serverAckMs: m.ackMs,
        ackLatencyBySecond: timeline.map((x) => ({ second: x.second, votes: x.votes, p50: x.p50, p99: x.p99 })),
      },
      notes: [],
      seconds: round((now() - began) / 1000, 1),
    };
  } finally {
    await server.stop();
    await f.remove();
  }
}

/** The bare floor's join burst: the join scenario's count and ramp, connect only (no episode to join), over the whole pool. */
async function floorBurst(ctx: BenchContext, burst: JoinShape) {
  const server = await startFloor();
  try {
    ctx.log(`floor: join burst of ${burst.listeners} sockets within ${burst.seconds} s from ${ctx.pool.size} processes`);
    await ctx.pool.all<WorkerStats>(() => ({ type: 'stats' }));
    const cpu0 = server.cpu();
    const rss = rssSampler(server.pid);
    const parts = await ctx.pool.all<ConnectResult>((i) => ({
      type: 'connect', url: server.url, count: ctx.pool.share(burst.listeners, i), rampMs: burst.seconds * 1000,
      join: null, reconnection: false, sampleEvery: 1_000_000, track: false, timeoutMs: 120_000,
    }));
    const cpu = server.cpu() - cpu0;
    const peak = rss.stop();
    await ctx.pool.all(() => ({ type: 'close' }));
    const errors: Record<string, number> = {};
    for (const p of parts) for (const [k, v] of Object.entries(p.errors)) errors[k] = (errors[k] ?? 0) + v;
    return {
      listeners: burst.listeners, seconds: burst.seconds, generators: ctx.pool.size,
      connected: parts.reduce((a, p) => a + p.connected, 0), failed: parts.reduce((a, p) => a + p.failed, 0), errors,
      allInSeconds: round((Math.max(...parts.map((p) => p.lastAt)) - Math.min(...parts.map((p) => p.startedAt))) / 1000, 2),
      connectMs: summarize(parts.flatMap((p) => p.joinMs)), serverCpuSeconds: round(cpu, 2), rssPeakMB: mb(peak),
    };
  } finally {
    await server.stop();
  }
}

export async function floor(ctx: BenchContext, shape = stormShape(ctx)): Promise<ScenarioResult> {
  const began = now();
  const burst = await floorBurst(ctx, joinShape(ctx));
  // A fresh process for the storm, as the vote scenario has: what the burst left in the heap is not the storm's.
  const server = await startFloor();
  try {
    ctx.log(`floor: ${shape.listeners} sockets, ${shape.rate} acks/s for ${shape.seconds} s from ${ctx.generators.size} processes`);
    await connectAll(ctx.generators, server.url, shape.listeners, null);
    await sleep(1_000);
    const questions = Array.from({ length: 50 }, (_, i) => `q${i}`);
    const run = await storm(ctx.generators, server, shape, 'floor', questions);
    const acked = run.acked.length;
    const perK = (run.cpu / acked) * 1000;
    await ctx.pool.all(() => ({ type: 'close' }));
    const b = burst;
    return {
      name: 'floor', title: 'Floor: bare Socket.IO, connect only, then ack only',
      params: { joinBurst: { listeners: b.listeners, seconds: b.seconds, generators: b.generators }, storm: { ...shape, generators: ctx.generators.size } },
      rows: [
        { metric: `join burst: sockets connected (of ${b.listeners}, arriving within ${b.seconds} s${b.failed ? `; ${b.failed} failed` : ''})`, value: b.connected },
        { metric: 'join burst: time until all connected', value: round(b.allInSeconds, 1), unit: 's' },
        { metric: 'join burst: connect p50 / p99 / max', value: `${b.connectMs.p50} / ${b.connectMs.p99} / ${b.connectMs.max}`, unit: 'ms' },
        { metric: 'join burst: server CPU', value: b.serverCpuSeconds, unit: 's' },
        { metric: 'join burst: server RSS peak', value: b.rssPeakMB, unit: 'MB' },
        { metric: `storm: events acknowledged (${shape.rate}/s to ${shape.listeners} sockets, over ${round(run.wall, 1)} s)`, value: acked },
        { metric: 'storm: ack latency p50 / p95 / p99', value: `${run.latency.p50} / ${run.latency.p95} / ${run.latency.p99}`, unit: 'ms' },
        { metric: 'storm: server CPU per 1,000 acked events', value: round(perK * 1000, 1), unit: 'ms' },
        { metric: 'storm: server RSS peak', value: mb(run.rssPeak), unit: 'MB' },
      ],
      figures: {
        joinBurst: b,
        storm: { ...shape, generators: ctx.generators.size, acked, wallSeconds: round(run.wall, 2), ackLatencyMs: run.latency, serverCpuSeconds: round(run.cpu, 2), cpuMsPer1000: round(perK * 1000, 2), rssPeakMB: mb(run.rssPeak), clientLoopDelayP99Ms: run.clients.map((c) => round(c.loopDelayP99Ms, 1)) },
      },
      notes: b.failed ? [`join burst errors: ${JSON.stringify(b.errors)}`] : [],
      seconds: round((now() - began) / 1000, 1),
    };
  } finally {
    await server.stop();
  }
}
