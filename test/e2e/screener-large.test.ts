// Issue 9, item 3 (web part): 1,000 pending questions, created through the real server.
// The screener page used to list every other question inside every card (merge targets
// and look-alike suggestions): 1,000 pending made a page of about a million DOM nodes.
// Now it shows a page of 50 per list and builds merge choices only for the card whose
// merge control is open. Figures (nodes, time to first render): test/bench/screener-page.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';
import { testClock } from '../support/clock.ts';

const WAIT = { timeout: 20_000, interval: 100 };
const PENDING = 1_000;
/** A page of 50 cards, each a few dozen nodes, plus the console around it. */
const MAX_NODES = 6_000;

// Ten listeners asking 100 questions each within seconds is a flood the moderation flags
// call "terlalu cepat" (and the screener would see it grouped apart): the server's clock moves
// 15 s per question, so each listener asks once every 150 s, as on a long, busy show.
const clock = testClock('2026-10-03T12:00:00.000Z');
const c = browserStudio({ now: clock.now, rateLimits: RELAXED_LIMITS, pendingCaps: { pendingPerListener: 1_000, pendingPerEpisode: 1_000 } }, { crew: true });
let ep: { id: string; code: string };
const sockets: Client[] = [];
const ids: string[] = [];

beforeAll(async () => {
  // The default caps hold 300 pending per episode; raised here to show the page copes with far more.
  ep = await createLiveEpisode(c.url, c.admin); // pre-moderation on: listeners' questions wait
  for (let l = 0; l < 10; l++) {
    const { socket } = await listener(c.url);
    sockets.push(socket);
    await must(socket, 'episode:join', { episodeId: ep.id });
  }
  for (let i = 0; i < PENDING; i++) {
    const q = await must(sockets[i % sockets.length]!, 'question:ask', { episodeId: ep.id, text: `Pertanyaan ${i + 1}: kapan jalan di dusun ${i % 37} diperbaiki dan berapa anggarannya?` });
    ids.push(q.id);
    clock.advance(0.25);
  }
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
});

describe('the screener page with 1,000 pending questions', () => {
  it('shows a page of them, stays small, merges on demand and approves through the UI', async () => {
    const { ctx, page, errors } = await c.open(`/screener/${ep.id}`, { cookie: c.screenerCookie });
    const cards = page.locator('[data-testid=pending] > li');
    await expect.poll(() => cards.count(), WAIT).toBe(50);
    // Oldest first; the heading counts them all; the rest is a click away.
    expect(await page.locator('[data-testid=pending] .qtext').first().innerText()).toContain('Pertanyaan 1:');
    expect(await page.locator('#incoming-h').innerText()).toContain(`(${PENDING})`);
    expect(await page.locator('[data-testid=flagged-group]').count()).toBe(0);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    expect(nodes).toBeLessThan(MAX_NODES);
    // No card lists merge targets until its merge control is opened: then only that one.
    expect(await page.locator('[data-testid=pending] select').count()).toBe(0);
    const second = page.locator(`article[data-question-id="${ids[1]}"]`);
    await second.locator('[data-testid=merge-open]').click();
    await expect.poll(() => page.locator('[data-testid=pending] select').count(), WAIT).toBe(1);
    expect(await second.locator('select option').count()).toBe(PENDING); // 999 others + the placeholder
    await second.locator('[data-testid=merge-open]').click();
    // Approving one through the UI works and the list moves up.
    await page.locator(`article[data-question-id="${ids[0]}"]`).locator('button', { hasText: 'Setujui' }).click();
    await expect.poll(async () => {
      const r = await api(c.url, `/api/episodes/${ep.id}`, { cookie: c.admin });
      return (r.json.questions as Array<{ id: string; status: string }>).find((q) => q.id === ids[0])?.status;
    }, WAIT).toBe('approved');
    await expect.poll(() => page.locator('#incoming-h').innerText(), WAIT).toContain(`(${PENDING - 1})`);
    expect(await cards.count()).toBe(50);
    // The next page on demand.
    await page.locator('[data-testid=pending-more]').click();
    await expect.poll(() => cards.count(), WAIT).toBe(100);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'screener-1000-pending');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);
});
