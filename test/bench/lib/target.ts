// The servers under test, each in its own process: Kentongan (server/main.ts, as `npm start`
// runs it minus the web build) and the bare Socket.IO floor server.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, api, createLiveEpisode, must, signIn, staffSocket } from './client.ts';
import type { Client } from './client.ts';
import { cpuSeconds, memory } from './proc.ts';

export interface Target {
  child: ChildProcess;
  pid: number;
  url: string;
  port: number;
  output(): string;
  cpu(): number;
  memory(): { rss: number; hwm: number };
  /** SIGTERM (flushes and exits) or SIGKILL; resolves once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnScript(script: string, env: Record<string, string>): Promise<Target> {
  // BENCH_CPU_PROF=dir: the server writes a V8 CPU profile there when it exits (for finding hot spots).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_HEAP_SIGNAL=1: `kill -USR2 <server pid>` writes a heap snapshot into the working directory.
  if (process.env.BENCH_HEAP_SIGNAL) prof.push('--heapsnapshot-signal=SIGUSR2');
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', script], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SAMPLE: '0', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a server behind when the benchmark itself stops early.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  let out = '';
  const keep = (b: Buffer) => { out = (out + b.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${out}`)), 60_000);
    const check = () => {
      const m = /siap di (http:\/\/localhost:\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!.replace('localhost', '127.0.0.1')); }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${script} exited with ${code}:\n${out}`)); });
  });
  const pid = child.pid!;
  // BENCH_SERVER_PRIORITY=-10: the server under test gets the CPU before the load generators
  // sharing its cores, as if they ran elsewhere (needs root; a measure of CPU contention).
  if (process.env.BENCH_SERVER_PRIORITY) setPriority(pid, Number(process.env.BENCH_SERVER_PRIORITY));
  return {
    child, pid, url, port: Number(new URL(url).port), output: () => out,
    cpu: () => cpuSeconds(pid),
    memory: () => memory(pid),
    stop(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}

export interface Folders {
  root: string;
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function folders(prefix = 'kentongan-bench-'): Promise<Folders> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  return {
    root,
    // Every simulated listener comes from 127.0.0.1: no per-address connection cap or limits.
    env: { DATA_DIR: join(root, 'data'), TRANSCRIPTS_DIR: join(root, 'transcripts'), ADMIN_PASSWORD, DEBUG_METRICS: '1', CONNECTIONS_PER_ADDRESS: '0', ADDRESS_LIMITS: 'off' },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export function startKentongan(f: Folders, extra: Record<string, string> = {}): Promise<Target> {
  return spawnScript('server/main.ts', { ...f.env, ...extra });
}

export function startFloor(): Promise<Target> {
  return spawnScript('test/bench/floor-server.ts', {});
}

export interface ServerMetrics {
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  eventLoopUtilization: number;
  ackMs: { count: number; p50: number | null; p95: number | null; p99: number | null; max: number | null };
  rssBytes: number;
  heapUsedBytes: number;
  writes: number;
}

export async function metrics(url: string): Promise<ServerMetrics> {
  return (await api(url, '/api/debug/metrics')).json as ServerMetrics;
}

export async function resetMetrics(url: string): Promise<void> {
  await api(url, '/api/debug/metrics/reset', { method: 'POST' });
}

/** Signs in the admin, creates a live episode, connects a staff socket joined to it. */
export async function liveShow(url: string, opts: { premoderation?: boolean } = {}): Promise<{ cookie: string; episodeId: string; code: string; host: Client }> {
  const cookie = await signIn(url);
  const ep = await createLiveEpisode(url, cookie, opts.premoderation ?? false);
  const host = await staffSocket(url, cookie);
  await must(host, 'episode:join', { episodeId: ep.id, as: 'staff' });
  return { cookie, episodeId: ep.id, code: ep.code, host };
}

export async function submitQuestions(host: Client, episodeId: string, n: number, label = 'Pertanyaan'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const q = await must(host, 'question:submit', { episodeId, text: `${label} ${i + 1}: bagaimana rencana perbaikan saluran air di dusun kami tahun depan?`, channel: 'sms', name: null, location: null });
    ids.push(q.id);
  }
  return ids;
}

/** The stored state of an episode as staff see it (votes per question). */
export async function staffView(url: string, cookie: string, episodeId: string) {
  const r = await api(url, `/api/episodes/${episodeId}`, { cookie });
  if (r.status !== 200) throw new Error(`episode ${episodeId}: ${r.status} ${r.text}`);
  return r.json as { episode: { status: string; listenerCount: number }; questions: Array<{ id: string; status: string; votes: number }> };
}

