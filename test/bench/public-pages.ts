// The public pages as a citizen's cheap phone on slow 3G meets them, and what 10,000 readers
// a minute cost the server. For each page: bytes transferred (every request, headers
// included: the HTML with its inline CSS is the whole page) and first contentful paint, cold.
// Then the server (its own process, CPU read from /proc) answers a stream of episode-page
// views from returning readers (cookie, 304 or cached gzip) and first-time readers (new
// token, a counted view). Figures print and go into test/bench/RESULTS.md (section public).
// Run: npm run bench:page   (or: npx tsx test/bench/public-pages.ts; RUNS=5 for more samples)
import { request, Agent } from 'node:http';
import type { Browser } from 'playwright-core';
import { PHONE, launchBrowser } from '../support/browser.ts';
import { folders, startKentongan } from './lib/target.ts';
import type { Target } from './lib/target.ts';
import { replaceSection } from './lib/results-file.ts';
import { SLOW_3G } from './lib/network.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const BUDGET = { kb: 30, fcpSeconds: 2 };
const VIEWS = Number(process.env.VIEWS ?? 10_000);

interface Load { bytes: number; fcpMs: number; requests: number }

async function coldLoad(browser: Browser, url: string, javaScript: boolean): Promise<Load> {
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID', javaScriptEnabled: javaScript });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; requests++; });
  await page.goto(url, { waitUntil: 'load' });
  // Paint timing is there with JavaScript off too: evaluate runs in the page's utility world.
  const fcpMs = await page.waitForFunction(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? e.startTime : false;
  }, undefined, { polling: 50, timeout: 10_000 }).then((h) => h.jsonValue() as Promise<number>)
    // Chromium sometimes records no paint entry for a page without JavaScript: reported as n/a, not guessed.
    .catch(() => Number.NaN);
  await ctx.close();
  return { bytes, fcpMs, requests };
}

/** GETs `n` pages at `concurrency` over keep-alive; returns the server CPU they cost and the statuses. */
async function stream(t: Target, path: string, n: number, headersOf: (i: number) => Record<string, string>, concurrency = 16) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = new Map<number, number>();
  let bytes = 0;
  let next = 0;
  const cpu0 = t.cpu();
  const t0 = performance.now();
  const one = (i: number) => new Promise<void>((resolve, reject) => {
    const req = request(`${t.url}${path}`, { agent, headers: { 'accept-encoding': 'gzip', ...headersOf(i) } }, (res) => {
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => { statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1); resolve(); });
    });
    req.on('error', reject);
    req.end();
  });
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await one(next++);
  }));
  const seconds = (performance.now() - t0) / 1000;
  // /proc counts in clock ticks (10 ms): a short stream is read to ±10 ms.
  const cpuMs = (t.cpu() - cpu0) * 1000;
  agent.destroy();
  return { perSecond: n / seconds, cpuMsPer1000: (cpuMs / n) * 1000, statuses: [...statuses].map(([s, c]) => `${s}×${c}`).join(' '), kbEach: bytes / n / 1024 };
}

async function main(): Promise<void> {
  const f = await folders('kentongan-bench-public-');
  const t = await startKentongan(f, { SAMPLE: '1', STATION_NAME: 'Suara Giri FM' });
  const lines: string[] = [];
  const say = (line: string) => { console.log(line); lines.push(line); };
  let browserVersion = '';
  try {
    const archive = await (await fetch(`${t.url}/arsip`)).text();
    const episode = /<ol class="eps"><li><h3><a href="([^"]+)"/.exec(archive)?.[1];
    if (!episode) throw new Error('the sample episode is not in /arsip');
    const pages = ['/arsip', episode];
    // Only once they are server-rendered public pages (not the web app's fallback page).
    for (const p of ['/usulan', '/data']) if ((await (await fetch(`${t.url}${p}`)).text()).includes('<header class="site">')) pages.push(p);

    const browser = await launchBrowser();
    browserVersion = browser.version();
    say(`Public pages, cold, ${SLOW_3G.downloadThroughput * 8 / 1000} kbit/s down/up, ${SLOW_3G.latency} ms latency, 360 px phone, ${RUNS} loads each (median):`);
    say('  page'.padEnd(44) + 'JS'.padStart(4) + 'requests'.padStart(10) + 'transferred'.padStart(13) + 'FCP'.padStart(9));
    let worstKb = 0;
    let worstFcp = 0;
    try {
      for (const p of pages) {
        for (const js of [true, false]) {
          const runs: Load[] = [];
          for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser, `${t.url}${p}`, js));
          const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
          const kb = med(runs.map((r) => r.bytes)) / 1024;
          const painted = runs.map((r) => r.fcpMs).filter((x) => !Number.isNaN(x));
          const fcp = painted.length ? med(painted) / 1000 : Number.NaN;
          worstKb = Math.max(worstKb, kb);
          if (!Number.isNaN(fcp)) worstFcp = Math.max(worstFcp, fcp);
          const name = p.length > 40 ? `${p.slice(0, 37)}…` : p;
          say(`  ${name}`.padEnd(44) + (js ? 'on' : 'off').padStart(4) + String(runs[0]!.requests).padStart(10) + `${kb.toFixed(1)} KB`.padStart(13) + (Number.isNaN(fcp) ? 'n/a' : `${fcp.toFixed(2)} s`).padStart(9) + (painted.length < runs.length ? ` (${painted.length}/${runs.length} painted)` : ''));
        }
      }
    } finally {
      await browser.close();
    }
    say(`(a) largest transfer ${worstKb.toFixed(1)} KB (budget ${BUDGET.kb} KB) ${worstKb <= BUDGET.kb ? 'OK' : 'OVER'}; slowest FCP ${worstFcp.toFixed(2)} s (budget ${BUDGET.fcpSeconds} s) ${worstFcp <= BUDGET.fcpSeconds ? 'OK' : 'OVER'}`);

    // Returning readers: one cookie each (a view counted once a day), so most answers are cached pages.
    const first = await fetch(`${t.url}${episode}`);
    const cookies: string[] = [];
    for (let i = 0; i < 200; i++) {
      const r = await fetch(`${t.url}${episode}`);
      cookies.push(r.headers.get('set-cookie')!.split(';')[0]!);
    }
    void first;
    const returning = await stream(t, episode, VIEWS, (i) => ({ cookie: cookies[i % cookies.length]! }));
    const fresh = await stream(t, episode, Math.round(VIEWS / 5), () => ({}));
    const list = await stream(t, '/arsip', VIEWS, () => ({}));
    say(`(b) server CPU (its process, /proc) per 1,000 views, concurrency 16, keep-alive, gzip:`);
    say(`    episode page, returning readers (cookie): ${returning.cpuMsPer1000.toFixed(0)} ms; ${returning.perSecond.toFixed(0)} views/s; ${returning.kbEach.toFixed(1)} KB each; ${returning.statuses}`);
    say(`    episode page, first-time readers (new token, counted view): ${fresh.cpuMsPer1000.toFixed(0)} ms; ${fresh.perSecond.toFixed(0)} views/s; ${fresh.statuses}`);
    say(`    /arsip: ${list.cpuMsPer1000.toFixed(0)} ms; ${list.perSecond.toFixed(0)} views/s; ${list.statuses}`);
    say(`    10,000 views a minute of the episode page ≈ ${(returning.cpuMsPer1000 * 10 / 60_000 * 100).toFixed(1)} % of one core`);
  } finally {
    await t.stop();
    await f.remove();
  }
  if (RUNS >= 3) {
    await replaceSection('public', [
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:page\` (Chromium ${browserVersion}, headless, network emulated by CDP; the load generator shares the machine's two cores):`,
      '', '```', ...lines, '```',
    ].join('\n'));
    console.log('RESULTS.md: public page figures rewritten');
  }
}

await main();
