// Reconnect storm: the server restarts under N connected listeners (a deploy: SIGTERM,
// which flushes, then a new process on the same port and folder). Every listener's
// socket.io-client reconnects with the web app's backoff and joins again; we time it,
// then check that every listener shows exactly what the server holds.
import type { BenchContext } from '../lib/context.ts';
import type { ConnectResult, ResyncResult, StormResult, Truth, VerifyResult } from '../lib/protocol.ts';
import { Studio } from '../lib/host.ts';
import { rssSampler } from '../lib/proc.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { mb, now, round, sleep, summarize } from '../lib/stats.ts';
import { listenerTickMs } from '../../../server/realtime/broadcaster.ts';
import { folders, metrics, liveShow, resetMetrics, staffView, startKentongan, submitQuestions } from '../lib/target.ts';
import { staffSocket } from '../lib/client.ts';

const LISTENER_VISIBLE = new Set(['approved', 'on_air', 'answered']);

async function truthOf(url: string, cookie: string, episodeId: string): Promise<Truth> {
  const view = await staffView(url, cookie, episodeId);
  const questions: Truth['questions'] = {};
  for (const q of view.questions) if (LISTENER_VISIBLE.has(q.status)) questions[q.id] = { status: q.status, votes: q.votes };
  return { status: view.episode.status, questions };
}

export async function reconnectStorm(ctx: BenchContext): Promise<ScenarioResult> {
  const listeners = ctx.param('reconnect.listeners', 300, 10_000);
  const began = now();
  const f = await folders('kentongan-reconnect-');
  let server = await startKentongan(f);
  try {
    const show = await liveShow(server.url);
    await submitQuestions(show.host, show.episodeId, 30);
    // The whole pool, as the join burst: the herd is spread over every load-generator process.
    ctx.log(`reconnect: ${listeners} listeners connecting from ${ctx.pool.size} processes`);
    const parts = await ctx.pool.all<ConnectResult>((i) => ({
      type: 'connect', url: server.url, count: ctx.pool.share(listeners, i), rampMs: Math.min(30_000, listeners * 3),
      join: { episodeId: show.episodeId }, reconnection: true, sampleEvery: 1_000_000, track: true, timeoutMs: 120_000,
    }));
    const failed = parts.reduce((a, p) => a + p.failed, 0);
    if (failed) throw new Error(`${failed} listeners could not connect`);
    // Every listener supports a couple of questions, and one question is on air.
    const rate = Math.min(2_000, listeners);
    await ctx.pool.all<StormResult>(() => ({ type: 'storm', event: 'vote:cast', episodeId: show.episodeId, rate: rate / ctx.pool.size, durationMs: Math.ceil((2 * listeners / rate) * 1000), askRate: 0, observe: false }));
    const first = new Studio(show.host, show.episodeId);
    await first.sync();
    const top = [...first.state.questions.values()].sort((a, b) => b.votes - a.votes)[0]!;
    const aired = await (show.host as any).timeout(10_000).emitWithAck('question:air', { episodeId: show.episodeId, questionId: top.id });
    if (!aired.ok) throw new Error(`air: ${aired.error.code}`);
    await sleep(listenerTickMs(listeners) + 1_000);
    const before = await truthOf(server.url, show.cookie, show.episodeId);
    const beforeCheck = await ctx.pool.all<VerifyResult>(() => ({ type: 'verify', truth: before }));
    show.host.disconnect();

    ctx.log('reconnect: restarting the server');
    const port = String(server.port);
    const down = now();
    await server.stop('SIGTERM');
    const stopped = now();
    server = await startKentongan(f, { PORT: port });
    const ready = now();
    await resetMetrics(server.url);
    const cpu0 = server.cpu();
    const rss = rssSampler(server.pid);
    const resync = await ctx.pool.all<ResyncResult>(() => ({ type: 'resynced', since: down, timeoutMs: 120_000 }));
    const allBack = Math.max(...resync.map((r) => r.lastAt));
    const cpu = server.cpu() - cpu0;
    const m = await metrics(server.url);
    const missing = resync.reduce((a, r) => a + r.missing, 0);

    // Life goes on after the restart: the host answers, the next question airs, more votes.
    const host = await staffSocket(server.url, show.cookie);
    const studio = new Studio(host, show.episodeId);
    await studio.sync();
    const call = (event: string, payload: object) => (host as any).timeout(10_000).emitWithAck(event, payload);
    await call('question:answered', { episodeId: show.episodeId, questionId: top.id });
    const next = [...studio.state.questions.values()].filter((q) => q.status === 'approved').sort((a, b) => b.votes - a.votes)[0];
    if (next) await call('question:air', { episodeId: show.episodeId, questionId: next.id });
    await ctx.pool.all<StormResult>(() => ({ type: 'storm', event: 'vote:cast', episodeId: show.episodeId, rate: 200 / ctx.pool.size, durationMs: 2_000, askRate: 0, observe: false }));
    // Every listener's next delta is due within one listener tick (5 s for a herd of 10,000):
    // staleness is judged after it, the delay itself is the vote storm's "vote → listener".
    await sleep(listenerTickMs(listeners) + 1_500);
    const truth = await truthOf(server.url, show.cookie, show.episodeId);
    const after = await ctx.pool.all<VerifyResult>(() => ({ type: 'verify', truth }));
    const peak = rss.stop();
    host.disconnect();
    await ctx.pool.all(() => ({ type: 'close' }));

    const stale = after.reduce((a, v) => a + v.stale, 0);
    const dupes = after.reduce((a, v) => a + v.dupes, 0);
    const checked = after.reduce((a, v) => a + v.checked, 0);
    const times = summarize(resync.flatMap((r) => r.times));
    const examples = after.flatMap((v) => v.examples).slice(0, 3);
    // The herd (full mode's 10,000): its memory bar is ≤ 400 MB.
    const herd = listeners >= 10_000;
    return {
      name: 'reconnect', title: 'Reconnect storm after a restart',
      params: { listeners, generators: ctx.pool.size, restart: 'SIGTERM + new process on the same port', clientBackoff: '1 s → 5 s, ±50 % (socket.io-client defaults, as the web app)' },
      rows: [
        { metric: `listeners resynced (of ${listeners})`, value: listeners - missing, target: `${listeners}`, pass: missing === 0 },
        { metric: 'restart: SIGTERM → listening again', value: round((ready - down) / 1000, 2), unit: 's' },
        { metric: 'time until all resynced, from SIGTERM', value: round((allBack - down) / 1000, 2), unit: 's' },
        { metric: 'time until all resynced, from listening again', value: round((allBack - ready) / 1000, 2), unit: 's' },
        { metric: 'per listener: SIGTERM → fresh snapshot p50 / p99', value: `${round((times.p50 ?? 0) / 1000, 2)} / ${round((times.p99 ?? 0) / 1000, 2)}`, unit: 's' },
        { metric: 'listeners showing stale data afterwards', value: stale, target: '0', pass: stale === 0 && checked === listeners },
        { metric: 'duplicated questions in snapshots', value: dupes, target: '0', pass: dupes === 0 },
        { metric: 'server CPU for the resync herd', value: round(cpu, 2), unit: 's' },
        { metric: 'server event-loop delay p99 during resync', value: m.eventLoopDelayMs.p99, unit: 'ms' },
        { metric: 'server RSS peak', value: mb(peak), unit: 'MB', target: herd ? '≤ 400 MB' : undefined, pass: herd ? mb(peak) <= 400 : undefined },
      ],
      figures: {
        listeners, missing, stopSeconds: round((stopped - down) / 1000, 2), restartSeconds: round((ready - down) / 1000, 2),
        allResyncedFromStopSeconds: round((allBack - down) / 1000, 2), allResyncedFromReadySeconds: round((allBack - ready) / 1000, 2),
        perListenerMs: times, staleBefore: beforeCheck.reduce((a, v) => a + v.stale, 0), stale, dupes, checked, examples,
        serverCpuSeconds: round(cpu, 2), eventLoop: m.eventLoopDelayMs, rssPeakMB: mb(peak),
      },
      notes: examples.length ? [`stale examples: ${examples.join(' | ')}`] : [],
      seconds: round((now() - began) / 1000, 1),
    };
  } finally {
    await server.stop();
    await f.remove();
  }
}
