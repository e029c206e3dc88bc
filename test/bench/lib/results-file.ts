// test/bench/RESULTS.md holds the latest full-mode figures. Each benchmark rewrites only
// its own section, between <!-- NAME:start --> and <!-- NAME:end -->, so the analysis
// written around the figures stays put.
import { readFile, writeFile } from 'node:fs/promises';

export const RESULTS_FILE = 'test/bench/RESULTS.md';

export async function replaceSection(name: string, body: string, file = RESULTS_FILE): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = await readFile(file, 'utf8').catch(() => '# Benchmark results\n');
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
}
