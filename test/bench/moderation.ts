// What flagging costs per incoming question: textFlags + contextFlags over the labelled
// corpus (test/domain/moderation/corpus), each item read among the episode's last 50, as
// the server would on every question, usulan and SMS. Goal: ≤ 0.2 ms per question. Also
// the time to build a lexicon (once per admin change) and the corpus figures, so one
// section of test/bench/RESULTS.md ("flags") holds both. Printed; no timing is asserted.
// Run: npm run bench:flags   (PASSES=… for more passes over the corpus; --no-write to skip RESULTS.md)
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildLexicon, contextFlags, sameTextKey, textFlags, type Posting } from '../../server/domain/moderation/flags.ts';
import { CORPUS } from '../domain/moderation/corpus/index.ts';
import { measure, RECENT, summary } from '../domain/moderation/measure.ts';
import { replaceSection } from './lib/results-file.ts';

const PASSES = Number(process.env.PASSES ?? 40);
const GOAL_US = 200;

/** Wall-clock µs per question, and CPU µs per question (the fairer figure on a shared machine). */
interface Timing { mean: number; p50: number; p99: number; max: number; cpu: number }

function timing(samples: number[], cpuUs: number): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1]!, cpu: cpuUs / s.length };
}

/** Every corpus text in turn as a new item, `keep` saying whether recent items carry their key. */
let sink = 0; // flags counted, so the work cannot be optimised away

function run(keep: boolean): Timing {
  const times: number[] = [];
  const recent: Posting[] = [];
  let at = 0;
  let cpu = process.cpuUsage();
  for (let pass = 0; pass < PASSES; pass++) {
    if (pass === 1) { times.length = 0; cpu = process.cpuUsage(); } // the first pass warms the JIT
    CORPUS.forEach((sample, i) => {
      at += 20_000;
      const t0 = performance.now();
      const text = `${sample.text} ${pass}`;
      const base = { author: `p${i % 97}`, at, text };
      const item: Posting = keep ? { ...base, key: sameTextKey(text) } : base;
      sink += textFlags(text).length + contextFlags(item, recent.slice(-RECENT)).length;
      times.push((performance.now() - t0) * 1000);
      recent.push(item);
      if (recent.length > RECENT * 4) recent.splice(0, recent.length - RECENT);
    });
  }
  const used = process.cpuUsage(cpu);
  return timing(times, used.user + used.system);
}

function lexiconMs(): number {
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) buildLexicon({ add: ['kadal buntung', `kata${i}`], remove: ['sial'] });
  return (performance.now() - t0) / 20;
}

const f = measure(CORPUS);
const later = measure(CORPUS.filter((s) => s.tags.includes('later')));
const withKeys = run(true);
const withoutKeys = run(false);
const build = lexiconMs();
const us = (x: number) => `${x.toFixed(1)} µs`;
const line = (name: string, t: Timing) =>
  `${name.padEnd(41)} CPU ${us(t.cpu)} per question (goal ≤ ${GOAL_US} µs: ${t.cpu <= GOAL_US ? 'ok' : 'MISSED'}); wall p50 ${us(t.p50)}, mean ${us(t.mean)}, p99 ${us(t.p99)}, max ${us(t.max)}`;

const lines = [
  summary(f),
  `later batch: ${summary(later)}`,
  line('textFlags + contextFlags, keys kept', withKeys),
  line('textFlags + contextFlags, keys not kept', withoutKeys),
  `buildLexicon (once per admin change)      ${build.toFixed(2)} ms`,
  `${(PASSES - 1) * CORPUS.length} questions timed (${sink} flags), each among the last ${RECENT}; ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
];
console.log(lines.join('\n'));

if (!process.argv.includes('--no-write')) {
  await replaceSection('flags', [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:flags\`:`,
    '', '```', ...lines, '```',
  ].join('\n'));
  console.log('RESULTS.md: flags figures rewritten');
}
