// A listener's first visit on a slow mobile link: how many compressed bytes of JS and CSS
// the page needs, and how long until the listener can ask and see the queue; then the same
// for a phone without JavaScript, on the light page (/j/CODE/ringan) and by the join link.
// Run: npm run bench:page   (RUNS=5 for more samples; SKIP_WEB_BUILD=1 reuses the last private
// build in test-output/bench-web; VERBOSE=1 prints the request waterfall)
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { PHONE, launchBrowser } from '../support/browser.ts';
import { must, startServer } from '../support/server.ts';
import { createLiveEpisode, crew } from '../support/show.ts';
import { replaceSection } from './lib/results-file.ts';
import { SLOW_3G } from './lib/network.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const NETWORK = SLOW_3G;
const BUDGET = { kb: 60, seconds: 3 };
/** The page without JavaScript (issue 13): its whole weight, HTML and inline CSS, with a 20-question queue. */
const LITE_BUDGET_KB = 15;

interface Run {
  usableMs: number;
  assets: Array<{ url: string; raw: number; gzip: number; wire: number; encoding: string | null }>;
}

const ms = (seconds: number) => `${seconds.toFixed(2)}s`.padStart(6);

async function coldLoad(browser: Browser, url: string): Promise<Run> {
  // A new context has an empty cache and no stored token: a first-time listener.
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);

  const wire = new Map<string, number>();
  const urls = new Map<string, string>();
  const started = new Map<string, number>();
  const waterfall: string[] = [];
  let t0 = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    t0 ||= e.timestamp;
    started.set(e.requestId, e.timestamp);
  });
  cdp.on('Network.webSocketCreated', (e) => waterfall.push(`  websocket created`.padEnd(14) + ` ${e.url}`));
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const u = urls.get(e.requestId);
    if (u) wire.set(u, e.encodedDataLength);
    const from = started.get(e.requestId);
    if (u && from !== undefined) waterfall.push(`  ${ms(from - t0)} → ${ms(e.timestamp - t0)}  ${new URL(u).pathname}${new URL(u).search.slice(0, 40)}`);
  });
  const pending: Array<Promise<Run['assets'][number]>> = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(
      res.body().then((body) => ({
        url: new URL(res.url()).pathname,
        raw: body.length,
        gzip: gzipSync(body).length,
        wire: 0,
        encoding: res.headers()['content-encoding'] ?? null,
      })),
    );
  });

  await page.goto(url, { waitUntil: 'commit' });
  // Usable: the ask form can be typed into and the queue is on screen. performance.now()
  // counts from the start of navigation, so the figure includes DNS, HTML, JS, socket and join.
  const usableMs = await page.waitForFunction(() => {
    const ask = document.querySelector<HTMLTextAreaElement>('#ask-text');
    const ready = ask && !ask.closest('fieldset')?.disabled && document.querySelector('#queue li');
    return ready ? performance.now() : false;
  }, undefined, { polling: 20, timeout: 60_000 }).then((h) => h.jsonValue() as Promise<number>);

  // An asset whose body cannot be read fails the run: leaving it out would understate the size.
  const assets = await Promise.all(pending);
  for (const a of assets) a.wire = wire.get(new URL(a.url, url).href) ?? 0;
  if (process.env.VERBOSE) console.log(`waterfall (s from first request), usable at ${ms(usableMs / 1000)}:\n${waterfall.join('\n')}`);
  await ctx.close();
  return { usableMs, assets };
}

interface LiteRun { bytes: number; requests: number; fcpMs: number; url: string }

/** A cold load with JavaScript off: every byte received (headers included) and the first paint. */
async function liteLoad(browser: Browser, url: string): Promise<LiteRun> {
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID', javaScriptEnabled: false });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; requests++; });
  await page.goto(url, { waitUntil: 'commit' });
  // /j/CODE goes on to the light page by its <noscript> refresh: wait for that page's own load.
  await page.waitForURL('**/ringan', { waitUntil: 'load', timeout: 30_000 });
  const fcpMs = await page.waitForFunction(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? e.startTime : false;
  }, undefined, { polling: 50, timeout: 10_000 }).then((h) => h.jsonValue() as Promise<number>)
    // Chromium sometimes records no paint entry for a page without JavaScript: n/a, not guessed.
    .catch(() => Number.NaN);
  const landed = page.url();
  await ctx.close();
  return { bytes, requests, fcpMs, url: landed };
}

/** A live episode as the light page's budget is stated: 20 questions of ~490 characters, one on air, an open poll. */
async function liteEpisode(url: string, c: Awaited<ReturnType<typeof crew>>): Promise<{ id: string; code: string }> {
  const ep = await createLiveEpisode(url, c.hostCookie);
  const words = 'jalan desa rusak parah sejak musim hujan kemarin dan warga sudah melapor ke kecamatan tetapi belum ada perbaikan sama sekali padahal anak sekolah lewat setiap pagi bagaimana rencana dinas pekerjaan umum untuk tahun depan apakah ada anggaran dari dana desa atau kabupaten'.split(' ');
  let seed = 7;
  const ids: string[] = [];
  for (let i = 0; i < 21; i++) {
    let text = '';
    while (text.length < 480) text += `${words[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % words.length]} `;
    ids.push((await must(c.screener, 'question:submit', { episodeId: ep.id, text: `${text.slice(0, 490).trim()}?`, channel: 'sms', name: `Warga ${i}`, location: 'Desa Kalisari, Kecamatan Mekarjaya' })).id);
  }
  await must(c.host, 'question:air', { episodeId: ep.id, questionId: ids[0]! });
  await must(c.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction', showResults: true });
  return ep;
}

async function main(): Promise<void> {
  // A private build: a test run elsewhere rebuilding dist/web must not swap files mid-measurement.
  const webDir = resolve('test-output/bench-web');
  const configFile = process.env.VITE_CONFIG ?? 'vite.config.ts';
  if (process.env.SKIP_WEB_BUILD !== '1') await build({ configFile, logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
  const server = await startServer({ sample: false, webDir });
  const c = await crew(server.url);
  const ep = await createLiveEpisode(server.url, c.hostCookie);
  // A realistic mid-show page: a dozen questions in the queue, one on air.
  const qs = [];
  for (let i = 1; i <= 12; i++) {
    qs.push(await must(c.screener, 'question:submit', { episodeId: ep.id, text: `Pertanyaan warga nomor ${i} tentang sampah pasar dan bank sampah di desa kami, kapan ada tindak lanjut?`, channel: 'sms', name: 'Warga', location: 'Desa Kalisari' }));
  }
  await must(c.host, 'question:air', { episodeId: ep.id, questionId: qs[0]!.id });

  const lite = await liteEpisode(server.url, c);

  const browser = await launchBrowser();
  const runs: Run[] = [];
  const liteDirect: LiteRun[] = [];
  const liteVia: LiteRun[] = [];
  const browserVersion = browser.version();
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser, `${server.url}/j/${ep.code}`));
    for (let i = 0; i < RUNS; i++) liteDirect.push(await liteLoad(browser, `${server.url}/j/${lite.code}/ringan`));
    for (let i = 0; i < RUNS; i++) liteVia.push(await liteLoad(browser, `${server.url}/j/${lite.code}`));
  } finally {
    await browser.close();
    for (const s of [c.host, c.screener, c.notulis]) s.disconnect();
    await server.stop();
  }

  const lines: string[] = [];
  const say = (line: string) => { console.log(line); lines.push(line); };
  const first = runs[0]!;
  const kb = (n: number) => (n / 1024).toFixed(1);
  say(`Listener page /j/${ep.code}, cold, ${NETWORK.downloadThroughput * 8 / 1000} kbit/s down/up, ${NETWORK.latency} ms latency`);
  say('\nJS + CSS loaded (bytes):');
  // The server gzips what is worth it (compression's 1 KB threshold): "on wire" is what the browser received, headers included.
  say('  asset'.padEnd(48) + 'raw'.padStart(9) + 'gzip'.padStart(9) + 'on wire'.padStart(10) + '  sent as');
  for (const a of first.assets) say(`  ${a.url}`.padEnd(48) + String(a.raw).padStart(9) + String(a.gzip).padStart(9) + String(a.wire).padStart(10) + `  ${a.encoding ?? 'identity'}`);
  const raw = first.assets.reduce((s, a) => s + a.raw, 0);
  const gz = first.assets.reduce((s, a) => s + a.gzip, 0);
  const onWire = first.assets.reduce((s, a) => s + a.wire, 0);
  say(`  total`.padEnd(48) + String(raw).padStart(9) + String(gz).padStart(9) + String(onWire).padStart(10));

  const times = runs.map((r) => r.usableMs).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  say(`\n(a) compressed JS+CSS (gzip of each asset loaded): ${kb(gz)} KB  (budget ${BUDGET.kb} KB) ${gz <= BUDGET.kb * 1024 ? 'OK' : 'OVER'}`);
  say(`    transferred (CDP encodedDataLength, HTTP headers included): ${kb(onWire)} KB  (budget ${BUDGET.kb} KB) ${onWire <= BUDGET.kb * 1024 ? 'OK' : 'OVER'}`);
  say(`(b) time until usable, ${RUNS} cold loads: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}; median ${(median / 1000).toFixed(2)} s  (budget ${BUDGET.seconds} s) ${median <= BUDGET.seconds * 1000 ? 'OK' : 'OVER'}`);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const fcp = (rs: LiteRun[]) => {
    const painted = rs.map((r) => r.fcpMs).filter((x) => !Number.isNaN(x));
    return painted.length ? `${(med(painted) / 1000).toFixed(2)} s${painted.length < rs.length ? ` (${painted.length}/${rs.length} painted)` : ''}` : 'n/a';
  };
  const liteKb = med(liteDirect.map((r) => r.bytes)) / 1024;
  say(`(c) light page without JavaScript /j/${lite.code}/ringan, 20 questions of ~490 characters, one on air, an open poll, cold, JavaScript off:`);
  say(`    transferred ${liteKb.toFixed(1)} KB in ${liteDirect[0]!.requests} request (HTTP headers included)  (budget ${LITE_BUDGET_KB} KB) ${liteKb <= LITE_BUDGET_KB ? 'OK' : 'OVER'}; first paint ${fcp(liteDirect)}`);
  say(`    by the join link /j/${lite.code} (its <noscript> refresh): ${(med(liteVia.map((r) => r.bytes)) / 1024).toFixed(1)} KB in ${liteVia[0]!.requests} requests, light page painted at ${fcp(liteVia)} (landed on ${new URL(liteVia[0]!.url).pathname})`);
  if (RUNS >= 3 && !process.env.VITE_CONFIG) {
    await replaceSection('page', [
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:page\` (Chromium ${browserVersion}, headless, network emulated by CDP):`,
      '', '```', ...lines.map((l) => l.replace(/^\n/, '')), '```',
    ].join('\n'));
    console.log('RESULTS.md: page figures rewritten');
  }
}

await main();
