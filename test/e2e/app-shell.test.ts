// The app shell shows two lines of its own before any page's code arrives: "loading" and
// "the page could not be loaded". Like every page, they follow the chosen language.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { context } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';

const c = browserStudio();

/** A phone whose stored language is `lang`, with the home page's code held back until `release` is called. */
async function slowHome(lang: 'id' | 'en', outcome: 'arrives' | 'fails'): Promise<{ page: Page; release: () => void }> {
  const ctx = await context(c.browser, c.url, { phone: true });
  await ctx.addInitScript((l) => localStorage.setItem('kentongan.lang', l), lang);
  const page = await ctx.newPage();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/Home-[^/]+\.js$/, async (route) => {
    await held;
    await (outcome === 'arrives' ? route.continue() : route.abort('internetdisconnected'));
  });
  await page.goto('/');
  return { page, release };
}

describe('app shell', { timeout: 60_000 }, () => {
  for (const [lang, loading, failed, label] of [
    ['id', 'Memuat…', 'Halaman gagal dimuat. Periksa koneksi lalu muat ulang.', 'Kode episode'],
    ['en', 'Loading…', 'The page could not be loaded. Check the connection, then reload.', 'Episode code'],
  ] as const) {
    it(`says "loading" and "could not be loaded" in the chosen language (${lang})`, async () => {
      const slow = await slowHome(lang, 'arrives');
      await slow.page.locator('p.loading', { hasText: loading }).waitFor();
      slow.release();
      await slow.page.getByLabel(label).waitFor();
      expect(await slow.page.locator('p.loading').count()).toBe(0);
      expect(await slow.page.evaluate(() => document.documentElement.lang)).toBe(lang);

      const lost = await slowHome(lang, 'fails');
      lost.release();
      expect((await lost.page.getByRole('alert').textContent())?.trim()).toBe(failed);
    });
  }
});
