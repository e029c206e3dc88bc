// Export of a large episode: 500 questions, 3,000 notes, 10,000 listeners and 2,000
// aspirations, as the notula Markdown, its HTML page and the planners' musrenbang CSV, in
// process (the pure functions) and over HTTP (the routes a station's website and the
// planner's desk call), with time and memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { exportNotula, renderNotulaHtml } from '../../../server/domain/notula/index.ts';
import { largeShow } from '../lib/large-episode.ts';
import { EpisodeStore } from '../../../server/store/episodes.ts';
import { AspirationStore } from '../../../server/store/aspirations.ts';
import { DistrictStore } from '../../../server/store/district.ts';
import { deskViews, notulaAspirations } from '../../../server/domain/planner.ts';
import { musrenbangCsv, musrenbangRows } from '../../../server/domain/musrenbang.ts';
import { ADMIN_PASSWORD, signIn } from '../lib/client.ts';
import type { BenchContext } from '../lib/context.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { mb, now, round, summarize } from '../lib/stats.ts';
import { folders, startKentongan } from '../lib/target.ts';

function gcNow(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function timeIt(runs: number, fn: () => unknown): ReturnType<typeof summarize> {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn();
    times.push(now() - t);
  }
  return summarize(times);
}

/** Heap growth across one call, from a collected baseline (young-generation GCs during it may hide some). */
function heapOf(fn: () => unknown): number {
  const gc = gcNow();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  const after = process.memoryUsage().heapUsed;
  void kept;
  return after - before;
}

export async function exportLarge(ctx: BenchContext): Promise<ScenarioResult> {
  const began = now();
  const { episode: e, aspirations, district } = largeShow();
  const usulan = () => notulaAspirations(aspirations, district, e.id);
  const notula = () => exportNotula(e, usulan());
  const csvOf = () => musrenbangCsv(musrenbangRows(deskViews(aspirations, district, () => e), true), { personal: true });
  const md = notula();
  const csv = csvOf();
  const runs = ctx.param('export.runs', 5, 30);
  const mdTime = timeIt(runs, notula);
  const htmlTime = timeIt(runs, () => renderNotulaHtml(notula()));
  const csvTime = timeIt(runs, csvOf);
  const mdHeap = heapOf(notula);
  const htmlHeap = heapOf(() => renderNotulaHtml(notula()));
  const csvHeap = heapOf(csvOf);

  // Over HTTP, from the real server with the episode in its data folder.
  const f = await folders('kentongan-export-');
  const store = await EpisodeStore.open({ dataDir: f.env.DATA_DIR!, fsync: false });
  await store.create(e);
  await store.flush();
  const districtStore = await DistrictStore.open({ dataDir: f.env.DATA_DIR!, fsync: false });
  districtStore.set(district);
  await districtStore.commit();
  const aspirationStore = await AspirationStore.open({ dataDir: f.env.DATA_DIR!, fsync: false });
  aspirationStore.list.push(...aspirations);
  await aspirationStore.commit();
  const server = await startKentongan(f);
  const http: Record<string, ReturnType<typeof summarize>> = {};
  let bytes: Record<string, number> = {};
  let rssBefore = 0;
  let rssAfter = 0;
  try {
    const cookie = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    rssBefore = server.memory().rss;
    for (const [kind, path] of [['notula.md', `/api/episodes/${e.id}/notula.md`], ['notula.html', `/api/episodes/${e.id}/notula.html`], ['export.csv', '/api/aspirations/export.csv']] as const) {
      const times: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        const t = now();
        const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${kind}: ${res.status} ${body.slice(0, 200)}`);
        if (i >= 3) times.push(now() - t);
        bytes = { ...bytes, [kind]: Buffer.byteLength(body) };
      }
      http[kind] = summarize(times);
    }
    rssAfter = server.memory().hwm;
  } finally {
    await server.stop();
    await f.remove();
  }

  const rows: ScenarioResult['rows'] = [
    { metric: `episode: ${e.questions.length} questions, ${e.notes.length} notes, ${e.listeners.length} listeners, ${aspirations.length} aspirations`, value: `${mb(Buffer.byteLength(JSON.stringify(e)))} MB JSON` },
    { metric: 'notula Markdown, in process p50 / p95', value: `${mdTime.p50} / ${mdTime.p95}`, unit: 'ms', target: '≤ 100 ms', pass: (mdTime.p95 ?? Infinity) <= 100 },
    { metric: 'musrenbang CSV (2,000 usulan), in process p50 / p95', value: `${csvTime.p50} / ${csvTime.p95}`, unit: 'ms', target: '≤ 100 ms', pass: (csvTime.p95 ?? Infinity) <= 100 },
    { metric: 'notula HTML (marked + sanitize-html, uncached) p50 / p95', value: `${htmlTime.p50} / ${htmlTime.p95}`, unit: 'ms' },
    { metric: 'GET notula.md over HTTP p50 / p95', value: `${http['notula.md']!.p50} / ${http['notula.md']!.p95}`, unit: 'ms', target: '≤ 100 ms', pass: (http['notula.md']!.p95 ?? Infinity) <= 100 },
    { metric: 'GET notula.html over HTTP (rendered once, then cached) p50 / p95', value: `${http['notula.html']!.p50} / ${http['notula.html']!.p95}`, unit: 'ms', target: '≤ 100 ms', pass: (http['notula.html']!.p95 ?? Infinity) <= 100 },
    { metric: 'GET aspirations export.csv over HTTP p50 / p95', value: `${http['export.csv']!.p50} / ${http['export.csv']!.p95}`, unit: 'ms', target: '≤ 100 ms', pass: (http['export.csv']!.p95 ?? Infinity) <= 100 },
    { metric: 'heap growth across one export (Markdown / +HTML / CSV)', value: `${mb(mdHeap)} / ${mb(htmlHeap)} / ${mb(csvHeap)}`, unit: 'MB' },
    { metric: 'server RSS before → peak after the HTTP exports', value: `${mb(rssBefore)} → ${mb(rssAfter)}`, unit: 'MB' },
  ];
  return {
    name: 'export', title: 'Export of a large episode',
    params: { questions: e.questions.length, notes: e.notes.length, listeners: e.listeners.length, aspirations: aspirations.length, runs },
    rows,
    figures: { markdownBytes: Buffer.byteLength(md), csvBytes: Buffer.byteLength(csv), bytes, inProcessMs: { markdown: mdTime, html: htmlTime, csv: csvTime }, httpMs: http, heapBytes: { markdown: mdHeap, html: htmlHeap, csv: csvHeap }, serverRssMB: { before: mb(rssBefore), peakAfter: mb(rssAfter) } },
    notes: [],
    seconds: round((now() - began) / 1000, 1),
  };
}

