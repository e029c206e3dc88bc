// Rows of figures, printed as a table and kept as JSON.

export interface Row {
  metric: string;
  value: string | number | null;
  unit?: string;
  target?: string;
  /** true met, false missed, undefined: no target. */
  pass?: boolean;
}

export interface ScenarioResult {
  name: string;
  title: string;
  params: Record<string, unknown>;
  rows: Row[];
  figures: Record<string, unknown>;
  notes: string[];
  seconds: number;
}

export function table(results: ScenarioResult[]): string {
  const lines: string[] = [];
  const head = ['scenario', 'metric', 'value', 'target', ''];
  const body: string[][] = [];
  for (const r of results) {
    r.rows.forEach((row, i) => {
      const value = row.value === null ? '–' : `${row.value}${row.unit ? ` ${row.unit}` : ''}`;
      body.push([i === 0 ? r.name : '', row.metric, value, row.target ?? '', row.pass === undefined ? '' : row.pass ? 'ok' : 'MISSED']);
    });
  }
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  lines.push(fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(fmt));
  return lines.join('\n');
}
