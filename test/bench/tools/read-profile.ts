// Reads a V8 CPU profile (BENCH_CPU_PROF=dir npm run bench -- …) the way RESULTS.md quotes it:
// per function, the share of the busy samples it was on the stack (inclusive) and on top
// (self), optionally within a window of seconds from the profile's start, optionally only
// functions whose "name file:line" matches a pattern.
//   npx tsx test/bench/tools/read-profile.ts FILE.cpuprofile [fromS] [toS] [pattern] [top]
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

const [file, from = '0', to = '1e9', pattern = '', top = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: read-profile.ts FILE.cpuprofile [fromSeconds] [toSeconds] [pattern] [top]');
  process.exit(2);
}
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const inclusive = new Map<string, number>();
const self = new Map<string, number>();
const perSecond = new Map<number, [number, number]>();
let t = p.startTime;
let busy = 0;
p.samples.forEach((id, i) => {
  t += p.timeDeltas[i] ?? 0;
  const second = Math.floor((t - p.startTime) / 1e6);
  const node = byId.get(id)!;
  const idle = node.callFrame.functionName === '(idle)';
  const s = perSecond.get(second) ?? [0, 0];
  s[idle ? 1 : 0]++;
  perSecond.set(second, s);
  if (idle || second < Number(from) || second >= Number(to)) return;
  busy++;
  self.set(name(node), (self.get(name(node)) ?? 0) + 1);
  const seen = new Set<string>();
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
    const k = name(byId.get(x)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
  }
});
console.log(`busy % per second: ${[...perSecond].map(([s, [b, i]]) => `${s}:${Math.round((100 * b) / (b + i))}`).join(' ')}`);
console.log(`window ${from}–${to} s: ${busy} busy samples`);
const re = pattern ? new RegExp(pattern) : null;
for (const [title, m] of [['inclusive', inclusive], ['self', self]] as const) {
  console.log(`-- ${title}`);
  [...m].filter(([k]) => !re || re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(top))
    .forEach(([k, v]) => console.log(`${((100 * v) / busy).toFixed(1).padStart(5)} ${k}`));
}
