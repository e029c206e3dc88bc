// The field-trial bug "the host's on-air box shows only the text" (issue 10 §2), in real
// Chromium against a real server. The box must name the asker (or say there is none),
// the place and the channel in words, and count the time on air from the server's
// onAirAt — also on a studio laptop whose clock is 37 minutes fast. Page time is
// Playwright's fake clock: the test moves it, it never sleeps.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { context, screenshot, watchErrors } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { must } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';

const WAIT = { timeout: 10_000, interval: 50 };
/** The host's laptop clock runs this far ahead of the server's. */
const LAPTOP_AHEAD_MS = 37 * 60_000 + 13_000;
const TEXT = 'Kapan jalan tani di Dusun Krajan diperbaiki? Musim panen sudah dekat.';
// Markup in a listener's name and place must stay text.
const NAME = 'Bu Sri <b>Rahayu</b>';
const PLACE = 'Desa Mekarsari <img src=x onerror="window.__pwned=1">';

const c = browserStudio({}, { crew: true });
let ep: { id: string };

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.admin);
});

const seconds = (mmss: string) => {
  const [m, s] = mmss.split(':').map(Number) as [number, number];
  return m * 60 + s;
};

async function openHost(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const ctx = await context(c.browser, c.url, { cookie: c.hostCookie });
  const page = await ctx.newPage();
  // The laptop's clock is wrong before the page even loads; time still flows until paused.
  await page.clock.install({ time: Date.now() + LAPTOP_AHEAD_MS });
  const errors = watchErrors(page);
  await page.goto(`/host/${ep.id}`);
  await page.locator('[data-testid=connection]', { hasText: 'Terhubung' }).waitFor({ timeout: 30_000 });
  return { page, errors, close: () => ctx.close() };
}

describe('the host\'s on-air box', () => {
  it('shows asker, place, channel and a running time by the server\'s clock', async () => {
    const { page, errors, close } = await openHost();
    const q = await must(c.screener, 'question:submit', { episodeId: ep.id, text: TEXT, channel: 'whatsapp', name: NAME, location: PLACE });
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: q.id });

    const box = page.locator('section.onair');
    await expect.poll(() => box.locator('[data-testid=on-air]').innerText(), WAIT).toBe(TEXT);
    expect(await box.locator('[data-testid=on-air-asker]').innerText()).toBe(NAME);
    expect(await box.locator('[data-testid=on-air-place]').innerText()).toBe(PLACE);
    expect(await box.locator('[data-testid=on-air-channel]').innerText()).toBe('WhatsApp');
    expect(await box.locator('b, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Just aired: a few seconds at most, not the laptop's 37 minutes.
    const time = box.locator('[data-testid=on-air-time]');
    await expect.poll(async () => seconds(await time.innerText()), WAIT).toBeLessThanOrEqual(5);
    // The show's own clock goes by the server too: started seconds ago, not 37 minutes.
    await expect.poll(async () => seconds(await page.locator('[data-testid=elapsed]').innerText()), WAIT).toBeLessThan(60);

    // Stop the page's clock, then move it on by 1:05.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const before = seconds(await time.innerText());
    await page.clock.fastForward('01:05');
    await expect.poll(async () => seconds(await time.innerText()), WAIT).toBe(before + 65);
    expect(await time.innerText()).toMatch(/^01:0\d$/);
    await screenshot(page, 'host-on-air');
    await box.screenshot({ path: 'test-output/screenshots/host-on-air-box.png' });

    // English words for the same question (clicks need the page's animation frames: let time flow again).
    await page.clock.resume();
    await page.locator('button[data-lang=en]').click();
    expect(await box.locator('[data-testid=on-air-channel]').innerText()).toBe('WhatsApp');
    expect(await box.locator('dt').allInnerTexts()).toEqual(['Asked by', 'From', 'Via', 'On air for']);
    expect(errors).toEqual([]);
    await close();
  });

  it('says "tanpa nama" and names the channel in words for an anonymous phone call', async () => {
    const { page, close } = await openHost();
    await must(c.host, 'question:answered', { episodeId: ep.id, questionId: (await must(c.host, 'episode:join', { episodeId: ep.id, as: 'staff' })).questions.find((x) => x.status === 'on_air')!.id });
    const q = await must(c.screener, 'question:submit', { episodeId: ep.id, text: 'Penelepon: bagaimana daftar pelatihan kompos?', channel: 'phone', name: null, location: null });
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: q.id });
    const box = page.locator('section.onair');
    await expect.poll(() => box.locator('[data-testid=on-air-channel]').innerText(), WAIT).toBe('Telepon');
    expect(await box.locator('[data-testid=on-air-asker]').innerText()).toBe('Tanpa nama');
    expect(await box.locator('[data-testid=on-air-place]').innerText()).toBe('Tidak disebut');
    await close();
  });
});
