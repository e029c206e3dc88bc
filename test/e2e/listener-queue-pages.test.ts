// Issue 9, item 9 (web part): the listener page gets the first 50 approved questions with
// the join and loads the rest with "lihat lebih banyak" (episode:questions), in rank order.
import { beforeAll, describe, expect, it } from 'vitest';
import { browserStudio } from '../support/e2e.ts';
import { must } from '../support/server.ts';
import { SHOW_EPISODE, createLiveEpisode } from '../support/show.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';

const WAIT = { timeout: 20_000, interval: 100 };
const QUESTIONS = 120;

const c = browserStudio({ rateLimits: RELAXED_LIMITS }, { crew: true });
let ep: { id: string; code: string };

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie, { ...SHOW_EPISODE, premoderation: false });
  for (let i = 0; i < QUESTIONS; i++) {
    await must(c.screener, 'question:submit', { episodeId: ep.id, text: `Pertanyaan nomor ${i + 1} dari SMS`, channel: 'sms', name: null, location: null });
  }
}, 60_000);

describe('listener page with a long queue', () => {
  it('shows the first page, counts them all, and loads the rest in order on demand', async () => {
    const { ctx, page, errors } = await c.open(`/j/${ep.code}`, { phone: true });
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
