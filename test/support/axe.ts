import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

/** Runs axe-core in the page and returns the serious and critical findings, readable in a failed assertion. */
export async function seriousA11yProblems(page: Page | Frame): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does
  // not govern: a <script> tag with axe inline would be refused by script-src 'self'.
  axeSource ??= readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    // Only violations: collecting passes and incomplete results doubles the run on a slow CI machine.
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
