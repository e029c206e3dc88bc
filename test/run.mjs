#!/usr/bin/env node
// Runs the whole suite and ends with the plain line CI reads: "N passed, N failed"
// (Vitest's own summary is not a format CI knows). The type check (tsc + svelte-check,
// strict) counts as one test: Vitest strips types without checking them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

mkdirSync('test-output', { recursive: true });
const report = 'test-output/vitest.json';
if (existsSync(report)) rmSync(report);
const typecheck = process.argv.length > 2 ? null : spawnSync('npm', ['run', '--silent', 'typecheck'], { stdio: 'inherit' });
if (typecheck) console.log(typecheck.status === 0 ? '\n✓ typecheck (tsc + svelte-check)\n' : '\n✗ typecheck (tsc + svelte-check) failed\n');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A suite that failed to load counts as a failure even when no test inside it ran.
  for (const s of r.testResults ?? []) if (s.status === 'failed' && (s.assertionResults ?? []).length === 0) failed++;
} else {
  failed = 1;
}
if (typecheck) typecheck.status === 0 ? passed++ : failed++;
const code = run.status !== 0 || failed > 0 || passed === 0 ? 1 : 0;
if (code !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code);
