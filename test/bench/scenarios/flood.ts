// A listener flooding at 100× the allowed rate, switched on and off in turns, while normal
// listeners vote four times a second: the flood is throttled with the clear message, and
// the others' acknowledgement latency with the flood on is compared with it off.
import { listener, must } from '../../support/server.ts';
import type { Client } from '../../support/server.ts';
import { pct, runFlood } from '../../support/flood.ts';
import type { BenchContext } from '../lib/context.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { now, round } from '../lib/stats.ts';
import { folders, liveShow, startKentongan, submitQuestions } from '../lib/target.ts';

const ALLOWED_PER_SECOND = 5;

export async function flood(ctx: BenchContext): Promise<ScenarioResult> {
  const began = now();
  const normalCount = ctx.param('flood.listeners', 50, 200);
  const phases = ctx.param('flood.phases', 12, 40);
  const phaseMs = 500;
  const f = await folders();
  const server = await startKentongan(f, { LISTENER_RATE_LIMIT: `${ALLOWED_PER_SECOND}/1` });
  const normal: Array<{ socket: Client; next: number }> = [];
  try {
    const show = await liveShow(server.url);
    // Enough questions that no normal listener runs out while the phases last.
    const questions = await submitQuestions(show.host, show.episodeId, Math.ceil((phases * phaseMs) / 250) + 10);
    for (let i = 0; i < normalCount; i++) {
      const { socket } = await listener(server.url);
      await must(socket, 'episode:join', { episodeId: show.episodeId });
      normal.push({ socket, next: 0 });
    }
    const flooder = await listener(server.url);
    ctx.log(`flood: ${normalCount} listeners voting 4/s; one flooding at ${ALLOWED_PER_SECOND * 100}/s in ${phases} alternating phases of ${phaseMs} ms`);
    const run = await runFlood({
      url: server.url, episodeId: show.episodeId, questions, normal, flooderToken: flooder.token,
      perTick: ALLOWED_PER_SECOND * 5, tickMs: 50, phases, phaseMs,
    });
    flooder.socket.disconnect();
    show.host.disconnect();
    const limited = run.answers.filter((a) => a.code === 'rate_limited').length;
    const [q50, q99, f50, f99] = [pct(run.quiet, 50), pct(run.quiet, 99), pct(run.flooded, 50), pct(run.flooded, 99)].map((x) => round(x, 2));
    const ratio50 = round(f50! / q50!, 2);
    const ratio99 = round(f99! / q99!, 2);
    return {
      name: 'flood', title: 'A flooding listener',
      params: { normalListeners: normalCount, allowedPerSecond: ALLOWED_PER_SECOND, floodPerSecond: ALLOWED_PER_SECOND * 100, phases, phaseMs },
      rows: [
        { metric: `flood events sent (100× the allowed ${ALLOWED_PER_SECOND}/s, while on)`, value: run.answers.length },
        { metric: 'flood events refused with rate_limited', value: `${limited} (${round((100 * limited) / run.answers.length, 1)} %)` },
        { metric: 'normal listeners refused', value: run.refused.length, target: '0', pass: run.refused.length === 0 },
        { metric: `others' ack p50, flood off → on (${run.quiet.length} / ${run.flooded.length} votes)`, value: `${q50} → ${f50} ms (${ratio50}×)`, target: '≤ 2×', pass: ratio50 <= 2 },
        { metric: "others' ack p99, flood off → on", value: `${q99} → ${f99} ms (${ratio99}×)`, target: '≤ 2×', pass: ratio99 <= 2 },
      ],
      figures: { floodEvents: run.answers.length, rateLimited: limited, normalRefused: run.refused.length, quietMs: { p50: q50, p99: q99 }, floodedMs: { p50: f50, p99: f99 }, ratio50, ratio99 },
      notes: [],
      seconds: round((now() - began) / 1000, 1),
    };
  } finally {
    for (const n of normal) n.socket.disconnect();
    await server.stop();
    await f.remove();
  }
}
