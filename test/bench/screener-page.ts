// Issue 9, item 3 (web part): the screener page with N pending questions in real Chromium.
// Prints DOM nodes, cards shown and the time until the list is on screen.
//   npx tsx test/bench/screener-page.ts [repo dir] [--pending 1000]
// The repo dir (default: this checkout) must hold a built web app (dist/web, `npm run build`);
// pass a clone at an older commit to compare.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { io as connect } from 'socket.io-client';
import { launchBrowser } from '../support/browser.ts';
import { createLiveEpisode, must, signIn } from './lib/client.ts';
import type { Client } from './lib/client.ts';
import { folders, spawnScript } from './lib/target.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--pending');
const PENDING = at >= 0 ? Number(args[at + 1]) : 1_000;
const repo = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '.');

mkdirSync(join('test-output', 'screenshots'), { recursive: true });
const f = await folders();
const server = await spawnScript(join(repo, 'server/main.ts'), {
  ...f.env, WEB_DIR: join(repo, 'dist/web'), LISTENER_RATE_LIMIT: '100000/10', STAFF_RATE_LIMIT: '100000/10', FSYNC: '0',
});
const browser = await launchBrowser();
try {
  const cookie = await signIn(server.url);
  const ep = await createLiveEpisode(server.url, cookie, true);
  const sockets: Client[] = [];
  for (let i = 0; i < 10; i++) {
    const s: Client = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise((res) => s.once('connect', () => res(null)));
    await must(s, 'episode:join', { episodeId: ep.id });
    sockets.push(s);
  }
  for (let i = 0; i < PENDING; i++) {
    await must(sockets[i % sockets.length]!, 'question:ask', { episodeId: ep.id, text: `Pertanyaan ${i + 1}: kapan jalan di dusun ${i % 37} diperbaiki dan berapa anggarannya?` });
  }
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, baseURL: server.url, locale: 'id-ID' });
  const [name, value] = cookie.split('=') as [string, string];
  await ctx.addCookies([{ name, value, url: server.url }]);
  const page = await ctx.newPage();
  const t0 = performance.now();
  await page.goto(`/screener/${ep.id}`);
  await page.locator('#incoming-h', { hasText: `(${PENDING})` }).waitFor({ timeout: 600_000 });
  await page.locator('[data-testid=pending] > li').first().waitFor({ timeout: 600_000 });
  // One frame later the list is painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const rendered = performance.now() - t0;
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const cards = await page.locator('[data-testid=pending] > li').count();
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  console.log(`web app: ${repo}/dist/web`);
  console.log(`screener page, ${PENDING} pending questions`);
  console.log(`time from navigation to the list on screen  ${(rendered / 1000).toFixed(2)} s`);
  console.log(`DOM nodes                                    ${nodes}`);
  console.log(`cards shown                                  ${cards}`);
  console.log(`page JS heap                                 ${(heap / 2 ** 20).toFixed(0)} MB`);
  // What the screener sees first (the viewport, not the whole page), to look at.
  await page.screenshot({ path: join('test-output', 'screenshots', `screener-bench-${PENDING}.png`) });
  for (const s of sockets) s.disconnect();
  await ctx.close();
} finally {
  await browser.close();
  await server.stop();
  await f.remove();
}
