// Sums a heap snapshot (BENCH_HEAP_SIGNAL=1, then kill -USR2 <server pid>) by what holds the
// memory: self size and count per object kind and constructor name, largest first.
//   npx tsx test/bench/tools/read-heap.ts FILE.heapsnapshot [top]
// (A 20,000-listener snapshot is ~400 MB: give it room, NODE_OPTIONS=--max-old-space-size=16000.)
import { readFileSync } from 'node:fs';

const [file, top = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: read-heap.ts FILE.heapsnapshot [top]');
  process.exit(2);
}
const s = JSON.parse(readFileSync(file, 'utf8')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
const fields = s.snapshot.meta.node_fields;
const types = s.snapshot.meta.node_types[0];
const [ti, ni, si] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
const sums = new Map<string, [number, number]>();
let total = 0;
for (let i = 0; i < s.nodes.length; i += fields.length) {
  const type = types[s.nodes[i + ti]!]!;
  const label = type.includes('string') ? '(string)' : type === 'code' ? '(code)' : s.strings[s.nodes[i + ni]!]!.slice(0, 60);
  const key = `${type}: ${label}`;
  const sum = sums.get(key) ?? [0, 0];
  sum[0]++;
  sum[1] += s.nodes[i + si]!;
  sums.set(key, sum);
  total += s.nodes[i + si]!;
}
console.log(`live heap ${(total / 1e6).toFixed(1)} MB`);
console.log('      MB    count  kind: name');
[...sums].sort((a, b) => b[1][1] - a[1][1]).slice(0, Number(top))
  .forEach(([k, [n, size]]) => console.log(`${(size / 1e6).toFixed(2).padStart(8)} ${String(n).padStart(8)}  ${k}`));
