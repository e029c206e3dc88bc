// Shared by the flood test and the flood benchmark: a flooder in its own process
// (test/support/flooder.ts) switched on and off in turns while normal listeners vote four
// times a second; every normal acknowledgement is filed under the state the flood was in
// when its vote was sent, so load from anything else on the machine weighs on both alike.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { call } from './server.ts';
import type { Client } from './server.ts';

export interface FloodRun {
  /** The flooder's answers, in order. */
  answers: Array<{ ok: boolean; code?: string; message?: string }>;
  /** Normal listeners' ack latencies (ms) while the flood was off / on. */
  quiet: number[];
  flooded: number[];
  /** Error codes the normal listeners got. */
  refused: string[];
}

export async function runFlood(opts: {
  url: string; episodeId: string; questions: string[]; normal: Array<{ socket: Client; next: number }>;
  flooderToken: string; perTick: number; tickMs: number; phases: number; phaseMs: number;
}): Promise<FloodRun> {
  const child = fork(fileURLToPath(new URL('./flooder.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const message = (type: string) => new Promise<any>((resolve) => child.on('message', (m: { type: string }) => m.type === type && resolve(m)));
  const ready = message('ready');
  child.send({ type: 'start', url: opts.url, token: opts.flooderToken, sockets: 2, episodeId: opts.episodeId, questions: opts.questions, perTick: opts.perTick, tickMs: opts.tickMs });
  await ready;
  let flooding = false;
  let running = true;
  const toggles = (async () => {
    for (let i = 0; i < opts.phases; i++) {
      flooding = i % 2 === 1;
      child.send({ type: flooding ? 'on' : 'off' });
      await new Promise((r) => setTimeout(r, opts.phaseMs));
    }
    running = false;
  })();

  const quiet: number[] = [];
  const flooded: number[] = [];
  const refused: string[] = [];
  await Promise.all(opts.normal.map(async (n, i) => {
    await new Promise((r) => setTimeout(r, (i * 250) / opts.normal.length));
    while (running && n.next < opts.questions.length) {
      const during = flooding;
      const t = performance.now();
      const r = await call(n.socket, 'vote:cast', { episodeId: opts.episodeId, questionId: opts.questions[n.next++]! });
      (during ? flooded : quiet).push(performance.now() - t);
      if (!r.ok) refused.push(r.error.code);
      await new Promise((res) => setTimeout(res, 250));
    }
  }));
  await toggles;
  const report = message('answers');
  child.send({ type: 'stop' });
  const answers = (await report).answers as FloodRun['answers'];
  return { answers, quiet, flooded, refused };
}

export function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
