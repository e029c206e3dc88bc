// npm run bench [-- --quick] [scenario …] [--workers n] [--out file] [--set scenario.param=n …]
// Starts the real server as its own process, drives it from load-generator processes over
// loopback, prints a table and writes test-output/bench.json. Scenarios: join, vote, floor,
// crash, export, reconnect, flood (default: all, in that order).
//
// Issue 15 asks for the figures both ways, each a full run recorded in its own section of
// test/bench/RESULTS.md:
//   npm run bench                     storms from 4 generator processes (section "bench")
//   npm run bench -- --workers 1      storms from one generator process (section "bench-one-generator")
// The pool always holds at least two processes: the join burst and the reconnect herd use all of them.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { Pool } from './lib/pool.ts';
import { openFilesLimit } from './lib/proc.ts';
import { table } from './lib/report.ts';
import { replaceSection } from './lib/results-file.ts';
import type { ScenarioResult } from './lib/report.ts';
import type { BenchContext } from './lib/context.ts';
import { round } from './lib/stats.ts';
import { joinStorm } from './scenarios/join.ts';
import { floor, voteStorm } from './scenarios/vote.ts';
import { crash } from './scenarios/crash.ts';
import { exportLarge } from './scenarios/export.ts';
import { reconnectStorm } from './scenarios/reconnect.ts';
import { flood } from './scenarios/flood.ts';

const SCENARIOS: Record<string, (ctx: BenchContext) => Promise<ScenarioResult>> = {
  join: joinStorm, vote: voteStorm, floor, crash, export: exportLarge, reconnect: reconnectStorm, flood,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sets = new Map<string, number>();
args.forEach((a, i) => {
  if (a !== '--set') return;
  const [k, v] = (args[i + 1] ?? '').split('=');
  if (!k || v === undefined || !Number.isFinite(Number(v))) { console.error(`--set needs name=number, got "${args[i + 1]}"`); process.exit(2); }
  sets.set(k, Number(v));
});
const valued = new Set([opt('--workers'), opt('--out'), ...args.filter((_, i) => args[i - 1] === '--set')].filter(Boolean));
const chosen = args.filter((a) => !a.startsWith('--') && !valued.has(a));
for (const c of chosen) if (!SCENARIOS[c]) { console.error(`unknown scenario "${c}"; choose from ${Object.keys(SCENARIOS).join(', ')}`); process.exit(2); }
const names = chosen.length ? chosen : Object.keys(SCENARIOS);
// --workers n: how many load-generator processes send the vote storms (the vote scenario and
// the floor's storm). The pool holds at least two, for the join burst and the reconnect herd
// (one process holds < 20,000 sockets here); with --workers 1 the second one is idle during storms.
const workers = Number(opt('--workers') ?? (quick ? 2 : 4));
if (!Number.isInteger(workers) || workers < 1) { console.error(`--workers needs a whole number ≥ 1, got "${opt('--workers')}"`); process.exit(2); }
const out = opt('--out') ?? 'test-output/bench.json';

// Ten thousand sockets need ten thousand descriptors in the server and across the load
// generators: raise the soft limit to the hard one (children inherit it) by re-executing.
const files = openFilesLimit();
if (files.soft < 30_000 && files.soft < files.hard && !process.env.BENCH_ULIMIT_RAISED) {
  const r = spawnSync('sh', ['-c', `ulimit -n ${files.hard === Infinity ? 65536 : files.hard} && exec "$0" "$@"`, process.execPath, ...process.execArgv, process.argv[1]!, ...args], {
    stdio: 'inherit', env: { ...process.env, BENCH_ULIMIT_RAISED: '1' },
  });
  process.exit(r.status ?? 1);
}
if (files.soft < 12_000) console.error(`note: open files limit is ${files.soft}; the join burst and the 10,000-listener reconnect herd may fail (raise it with ulimit -n).`);

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
// A late acknowledgement timing out somewhere must not end the whole run: log it, carry on.
process.on('unhandledRejection', (err) => log(`unhandled: ${(err as Error)?.message ?? err}`));
/** How much of the time runnable tasks waited for a CPU (Linux PSI): other work on the machine skews every figure. */
function cpuPressure(): number | null {
  try {
    return Number(/avg60=([0-9.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? NaN);
  } catch {
    return null;
  }
}
const pressureAtStart = cpuPressure();
const loadAtStart = loadavg().map((x) => round(x, 2));
if ((pressureAtStart ?? 0) > 20) log(`note: the CPUs are busy with other work (PSI cpu some avg60 = ${pressureAtStart} %): latencies will be inflated`);
const started = new Date();
const pool = await Pool.start(Math.max(2, workers));
const ctx: BenchContext = { pool, generators: pool.subset(workers), quick, log, param: (name, q, f) => sets.get(name) ?? (quick ? q : f) };
/** Which set-up ran, for the header line and RESULTS.md. */
const setup = `${pool.size} load-generator processes (join burst, reconnect herd, crash); vote and floor storms from ${workers === 1 ? 'one of them' : workers === pool.size ? 'all of them' : `${workers} of them`}`;
const results: ScenarioResult[] = [];
let failed = false;
try {
  for (const name of names) {
    log(`— ${name}${quick ? ' (quick)' : ''}`);
    try {
      const r = await SCENARIOS[name]!(ctx);
      results.push(r);
      log(`${name} done in ${r.seconds} s`);
    } catch (err) {
      failed = true;
      log(`${name} failed: ${(err as Error).stack ?? err}`);
      results.push({ name, title: name, params: {}, rows: [{ metric: 'error', value: String((err as Error).message).slice(0, 200) }], figures: {}, notes: [], seconds: 0 });
    }
  }
} finally {
  await pool.close();
}

// Against the bare floor measured in the same run (issue 15): CPU per vote ≤ 2× the floor's
// CPU per ack, RSS peak ≤ 1.25× the floor's, for the storm and for the join burst — compared
// only when both ran with the same shape and the same generators.
interface FloorFigures {
  joinBurst?: { listeners: number; seconds: number; generators: number; allInSeconds: number; serverCpuSeconds: number; rssPeakMB: number };
  storm?: { listeners: number; rate: number; seconds: number; generators: number; cpuMsPer1000: number; rssPeakMB: number };
}
const scenario = (name: string) => results.find((r) => r.name === name && Object.keys(r.figures).length > 0);
const floorFigures = scenario('floor')?.figures as FloorFigures | undefined;
const sameShape = (a: Record<string, unknown>, b: object, keys: string[]) => keys.every((k) => a[k] === (b as Record<string, unknown>)[k]);
const times = (x: number) => `${x}×`;
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 && Number.isFinite(a / b) ? round(a / b, 2) : null);
const voteResult = scenario('vote');
if (voteResult && floorFigures?.storm) {
  const f = floorFigures.storm;
  const v = voteResult.figures as { cpuMsPer1000?: number; rssPeakMB?: number };
  if (sameShape(voteResult.params, f, ['listeners', 'rate', 'seconds', 'generators'])) {
    const cpu = ratio(v.cpuMsPer1000, f.cpuMsPer1000);
    const rss = ratio(v.rssPeakMB, f.rssPeakMB);
    if (cpu !== null) voteResult.rows.push({ metric: 'CPU per vote ÷ floor CPU per ack', value: times(cpu), target: '≤ 2×', pass: cpu <= 2 });
    if (rss !== null) voteResult.rows.push({ metric: `RSS peak ÷ floor storm RSS peak (${f.rssPeakMB} MB)`, value: times(rss), target: '≤ 1.25×', pass: rss <= 1.25 });
    Object.assign(voteResult.figures, { cpuRatioToFloor: cpu, rssRatioToFloor: rss });
  } else voteResult.notes.push('not compared with the floor: its storm had another shape or other generators');
}
const joinResult = scenario('join');
if (joinResult && floorFigures?.joinBurst) {
  const f = floorFigures.joinBurst;
  const j = joinResult.figures as { allInSeconds?: number; serverCpuSeconds?: number; rssPeakMB?: number };
  if (sameShape(joinResult.params, f, ['listeners', 'seconds', 'generators'])) {
    const rss = ratio(j.rssPeakMB, f.rssPeakMB);
    const cpu = ratio(j.serverCpuSeconds, f.serverCpuSeconds);
    const time = ratio(j.allInSeconds, f.allInSeconds);
    if (rss !== null) joinResult.rows.push({ metric: `RSS peak ÷ floor join burst RSS peak (${f.rssPeakMB} MB)`, value: times(rss), target: '≤ 1.25×', pass: rss <= 1.25 });
    joinResult.rows.push({ metric: `server CPU / time until all in ÷ floor join burst (${f.serverCpuSeconds} s / ${round(f.allInSeconds, 1)} s)`, value: `${cpu ?? '–'}× / ${time ?? '–'}×` });
    Object.assign(joinResult.figures, { rssRatioToFloor: rss, cpuRatioToFloor: cpu, timeRatioToFloor: time });
  } else joinResult.notes.push("not compared with the floor: its join burst had another count, ramp or generators");
}

const machine = {
  cores: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGB: round(totalmem() / 1024 ** 3, 1),
  node: process.version, platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
  cpuPressureAvg60: { start: pressureAtStart, end: cpuPressure() },
};
const report = {
  date: started.toISOString(), seconds: round((Date.now() - started.getTime()) / 1000, 1), mode: quick ? 'quick' : 'full',
  command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`, workers, generators: { pool: pool.size, storms: workers, setup }, machine,
  scenarios: Object.fromEntries(results.map((r) => [r.name, { title: r.title, params: r.params, figures: r.figures, rows: r.rows, notes: r.notes, seconds: r.seconds }])),
};
await mkdir(dirname(out), { recursive: true });
await writeFile(out, JSON.stringify(report, null, 2));
console.log(`\nKentongan bench, ${report.mode} mode, ${started.toISOString()} — ${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GB, Node ${machine.node}, ${setup}`);
console.log(`load average ${loadAtStart.join(' ')} → ${machine.loadAverageAtEnd.join(' ')}; CPU pressure (PSI some avg60) ${pressureAtStart ?? '?'} % → ${machine.cpuPressureAvg60.end ?? '?'} %`);
console.log(table(results));
for (const r of results) for (const n of r.notes) console.log(`${r.name}: ${n}`);
console.log(`\nfigures: ${out}  (${report.seconds} s)`);
// A full run of every scenario is the record: its figures replace those in RESULTS.md, in the
// section of its set-up, so the four-generator and one-generator runs are both kept.
if (!quick && chosen.length === 0 && sets.size === 0 && !failed) {
  const gb = (n: number) => round(n, 1);
  const section = workers === 4 ? 'bench' : workers === 1 ? 'bench-one-generator' : `bench-${workers}-generators`;
  await replaceSection(section, [
    `Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${report.command}\` (${report.seconds} s): ${machine.cores} cores (${machine.cpu}), ${gb(machine.memoryGB)} GB, Node ${machine.node}, ${setup}, on the same machine.`,
    `Load average ${loadAtStart.join(' ')} → ${machine.loadAverageAtEnd.join(' ')}; CPU pressure (PSI some avg60) ${pressureAtStart ?? '?'} % → ${machine.cpuPressureAvg60.end ?? '?'} %.`,
    '',
    table(results),
    '',
    ...results.flatMap((r) => r.notes.map((n) => `- ${r.name}: ${n}`)),
  ].join('\n'));
  console.log(`RESULTS.md: figures rewritten (section "${section}")`);
}
process.exit(failed ? 1 : 0);
