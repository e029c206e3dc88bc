// Issue 9, item 9 (web part): the listener page gets the first 50 approved questions with
// the join and loads the rest with "lihat lebih banyak" (episode:questions), in rank order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { context, launchBrowser, watchErrors } from '../support/browser.ts';
import { must, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { SHOW_EPISODE, createLiveEpisode, crew } from '../support/show.ts';
import type { Crew } from '../support/show.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';

const WAIT = { timeout: 20_000, interval: 100 };
const QUESTIONS = 120;

let server: TestServer;
let browser: Browser;
let c: Crew;
let ep: { id: string; code: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ sample: false, rateLimits: RELAXED_LIMITS }), launchBrowser()]);
  c = await crew(server.url);
  ep = await createLiveEpisode(server.url, c.hostCookie, { ...SHOW_EPISODE, premoderation: false });
  for (let i = 0; i < QUESTIONS; i++) {
    await must(c.screener, 'question:submit', { episodeId: ep.id, text: `Pertanyaan nomor ${i + 1} dari SMS`, channel: 'sms', name: null, location: null });
  }
}, 60_000);

afterAll(async () => {
  for (const s of [c?.host, c?.screener, c?.notulis]) s?.disconnect();
  await browser?.close();
  await server?.stop();
});

describe('listener page with a long queue', () => {
  it('shows the first page, counts them all, and loads the rest in order on demand', async () => {
    const ctx = await context(browser, server.url, { phone: true });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`/j/${ep.code}`);
    await page.locator('main[data-ready]').waitFor({ timeout: 20_000 });
    const items = page.locator('[data-testid=queue] > li');
    await expect.poll(() => items.count(), WAIT).toBe(50);
    expect(await page.locator('#queue-h').innerText()).toContain(`(${QUESTIONS})`);
    const more = page.locator('[data-testid=queue-more]');
    expect(await more.innerText()).toContain(`${QUESTIONS - 50} lagi`);
    await more.click();
    await expect.poll(() => items.count(), WAIT).toBe(100);
    await more.click();
    await expect.poll(() => items.count(), WAIT).toBe(QUESTIONS);
    expect(await more.count()).toBe(0);
    // Nobody voted: oldest first, all of them, none twice.
    const texts = await page.locator('[data-testid=queue] > li').evaluateAll((lis) => lis.map((li) => /nomor (\d+)/.exec(li.textContent ?? '')?.[1]));
    expect(texts).toEqual(Array.from({ length: QUESTIONS }, (_, i) => String(i + 1)));
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);
});
