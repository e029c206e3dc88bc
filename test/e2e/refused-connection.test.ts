// Issue 9, item 3: a phone whose network already brought in too many new listeners is
// refused in the handshake. The listener page must say so in words (Indonesian, English),
// with when to retry, and connect by itself once the server lets it.
import { afterAll, describe, expect, it } from 'vitest';
import { context, watchErrors } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { listener, signIn } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';

let t = Date.parse('2026-12-05T12:00:00.000Z');
// One new listener per 5 s window from this address, on a clock the test moves.
const c = browserStudio({ now: () => new Date(t), addressLimits: { newTokens: { points: 1, seconds: 5 } } });
const sockets: Client[] = [];

afterAll(async () => {
  for (const s of sockets) s.disconnect();
});

describe('a refused handshake on the listener page', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`says why in ${lang === 'id' ? 'Indonesian' : 'English'} and connects once allowed`, async () => {
      t += 5_000; // a fresh window
      const admin = await signIn(c.url);
      const ep = await createLiveEpisode(c.url, admin);
      sockets.push((await listener(c.url)).socket); // uses this window's one new token
      const ctx = await context(c.browser, c.url, { phone: true });
      if (lang === 'en') await ctx.addInitScript(() => localStorage.setItem('kentongan.lang', 'en'));
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(`/j/${ep.code}`);
      const refused = page.getByTestId('connection-refused');
      await refused.waitFor({ timeout: 15_000 });
      const text = await refused.innerText();
      if (lang === 'id') expect(text).toMatch(/jaringan Anda.*Coba lagi dalam 5 detik.*mencoba lagi sendiri/s);
      // The English error words come a moment after the page (fetched only for English): the text follows.
      else await expect.poll(() => refused.innerText(), { timeout: 10_000, interval: 50 }).toMatch(/your network.*Try again in 5 seconds.*try again by itself/s);
      // The window turns; the page retries by itself after the 5 s the server named.
      t += 5_000;
      await page.locator('[data-testid=connection][data-status=online]').waitFor({ state: 'attached', timeout: 20_000 });
      expect(await page.getByTestId('connection-refused').count()).toBe(0);
      expect(errors.filter((e) => !/WebSocket|ERR_|websocket/i.test(e))).toEqual([]);
      await ctx.close();
    }, 60_000);
  }
});
