// Vote acknowledgements while 16 wrong sign-ins at a time hit the server (issue 9, item 2).
// Starts the real server (server/main.ts, real scrypt cost N = 2^17, fsync on) as its own
// process, lets listeners vote, measures each vote's ack latency and the server's RSS
// first without sign-ins, then while rounds of 16 concurrent wrong sign-ins run.
//
// Run: npx tsx test/bench/signin-storm.ts [--root DIR] [--mode one|many] [--seconds N]
//   --root   the checkout whose server/main.ts runs (default: this one), e.g. an old commit
//   --mode   one: every sign-in from one address for "admin" (a lone guesser, not at the admin's address);
//            many: each from its own address (X-Forwarded-For, TRUST_PROXY=1) for its own
//            username (a botnet spraying names: no lock applies, only the hash queue helps)
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { io as connect } from 'socket.io-client';
import { ADMIN_PASSWORD, call, must } from './lib/client.ts';
import type { Client } from './lib/client.ts';
import { rssSampler } from './lib/proc.ts';
import { mb, now, sleep, summarize } from './lib/stats.ts';
import { folders, liveShow, metrics, resetMetrics, spawnScript, submitQuestions } from './lib/target.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const root = resolve(opt('--root', '.'));
const mode = opt('--mode', 'many') as 'one' | 'many';
const seconds = Number(opt('--seconds', '20'));
const LISTENERS = 40;
const CONCURRENT = 16;

let commit = '?';
try { commit = execFileSync('git', ['-C', root, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim().slice(0, 70); } catch { /* not a checkout */ }

const f = await folders('kentongan-signin-');
const server = await spawnScript(join(root, 'server/main.ts'), { ...f.env, TRUST_PROXY: '1' });
try {
  const show = await liveShow(server.url);
  const questions = await submitQuestions(show.host, show.episodeId, LISTENERS);
  const listeners: Client[] = [];
  for (let i = 0; i < LISTENERS; i++) {
    const s: Client = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((ok, no) => { s.once('connect', () => ok()); s.once('connect_error', no); });
    await must(s, 'episode:join', { episodeId: show.episodeId });
    listeners.push(s);
  }

  const voted = listeners.map(() => false);
  /** Every listener votes and withdraws on its own question, ~4 acks a second each (under the 60/10 s limit). */
  async function vote(ms: number): Promise<{ latency: number[]; failed: Record<string, number> }> {
    const latency: number[] = [];
    const failed: Record<string, number> = {};
    const until = now() + ms;
    await Promise.all(listeners.map(async (s, i) => {
      while (now() < until) {
        const on = voted[i]!;
        const t = now();
        const r = await call(s, on ? 'vote:withdraw' : 'vote:cast', { episodeId: show.episodeId, questionId: questions[i]! }).catch(() => null);
        // Every answer counts as an ack; after a timed-out vote lands late, the answer says which way the state went.
        if (r) latency.push(now() - t);
        if (r?.ok) voted[i] = !on;
        else {
          const code = r ? r.error.code : 'timeout (10 s)';
          failed[code] = (failed[code] ?? 0) + 1;
          if (code === 'already_voted') voted[i] = true;
          if (code === 'not_voted') voted[i] = false;
        }
        await sleep(250);
      }
    }));
    return { latency, failed };
  }

  let n = 0;
  /** 16 sign-ins always in flight: each worker sends the next wrong one as soon as the last is answered. */
  function storm(): { stop(): Promise<{ statuses: Record<number, number>; ms: number[] }> } {
    let going = true;
    const statuses: Record<number, number> = {};
    const ms: number[] = [];
    const workers = Array.from({ length: CONCURRENT }, async () => {
      while (going) {
        const i = n++;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        // One: a guesser at an address the admin never used (the admin's own is known and skips the username lock).
        headers['x-forwarded-for'] = mode === 'many' ? `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` : '203.0.113.66';
        const t = now();
        const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers, body: JSON.stringify({ username: mode === 'many' ? `tebak${i}` : 'admin', password: `salah-${i}` }) });
        await res.arrayBuffer();
        ms.push(now() - t);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        // A refusal (429 locked, 503 busy) is answered at once: wait a little rather than
        // measure an HTTP flood, which is not what this scenario is about.
        if (res.status === 429 || res.status === 503) await sleep(100);
      }
    });
    return { async stop() { going = false; await Promise.all(workers); return { statuses, ms }; } };
  }

  await vote(2_000); // warm up
  const rssBefore = server.memory().rss;
  await resetMetrics(server.url);
  const calm = await vote(seconds * 1000);
  const loopCalm = (await metrics(server.url)).eventLoopDelayMs;
  const rssCalm = server.memory().rss;
  await resetMetrics(server.url);
  const sampler = rssSampler(server.pid, 100);
  const attack = storm();
  const during = await vote(seconds * 1000);
  const signins = await attack.stop();
  const rssPeak = sampler.stop();
  const loopDuring = (await metrics(server.url)).eventLoopDelayMs;
  // The admin can still sign in afterwards (from another address when mode=one locked this one).
  const adminAfter = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });

  const fmt = (s: ReturnType<typeof summarize>) => `n=${s.n} p50=${s.p50} ms p99=${s.p99} ms max=${s.max} ms`;
  const sIn = summarize(signins.ms);
  console.log(`server: ${commit}`);
  console.log(`mode: ${mode} (${mode === 'one' ? 'all from one address, username admin' : 'each from its own address, its own username'}), ${LISTENERS} listeners voting, ${seconds} s per phase, real scrypt cost, fsync on`);
  console.log(`vote acks, no sign-ins:                 ${fmt(summarize(calm.latency))}${Object.keys(calm.failed).length ? ` not ok ${JSON.stringify(calm.failed)}` : ''}`);
  console.log(`vote acks, ${CONCURRENT} concurrent wrong sign-ins: ${fmt(summarize(during.latency))}${Object.keys(during.failed).length ? ` not ok ${JSON.stringify(during.failed)}` : ''}`);
  console.log(`server event-loop delay p99: ${loopCalm.p99} ms without sign-ins, ${loopDuring.p99} ms during (max ${loopDuring.max} ms)`);
  console.log(`server RSS: before ${mb(rssBefore)} MB, after calm phase ${mb(rssCalm)} MB, peak during sign-ins ${mb(rssPeak)} MB`);
  console.log(`sign-ins sent: ${signins.ms.length}, answers by HTTP status ${JSON.stringify(signins.statuses)}, answer time p50=${sIn.p50} ms p99=${sIn.p99} ms`);
  console.log(`admin sign-in right after (another address): HTTP ${adminAfter.status}`);
  for (const s of listeners) s.disconnect();
  show.host.disconnect();
} finally {
  await server.stop();
  await f.remove();
}
