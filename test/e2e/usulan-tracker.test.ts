// A citizen on a 360 px phone with JavaScript off: from the archive's navigation to the usulan
// tracker, filtering by kecamatan with the plain form, and on to the show an usulan was raised
// in. A listener's usulan that is markup stays text, with JavaScript off and on.
// Screenshots: test-output/screenshots/usulan-phone*.png (web/docs/usulan-phone.png is copied by hand:
// a run must not dirty the checkout).
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, screenshot, settle } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { must } from '../support/client.ts';
import { joinStaff } from '../support/show.ts';
import { SAMPLE_EPISODES } from '../../server/domain/sample.ts';

const XSS = '<img src=x onerror=alert(1)>';
const EPISODE_PATH = '/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung';

const c = browserStudio({ sample: true, station: { name: 'Suara Giri FM' } }, { crew: true });

beforeAll(async () => {
  // A call typed in after the show by the screener, its text a piece of markup.
  await joinStaff(c.screener, SAMPLE_EPISODES.finished);
  await must(c.screener, 'aspiration:enter', {
    episodeId: SAMPLE_EPISODES.finished, channel: 'phone', text: `Taman baca ${XSS}`, problem: `Anak-anak tidak punya tempat membaca ${XSS}`,
    dimension: 'society', kecamatan: '99.01.03', desa: '99.01.03.2001',
  });
});

describe('the usulan tracker on a phone', () => {
  it('leads from the navigation to the tracker, filters by kecamatan and follows an usulan to its show, without JavaScript', async () => {
    const ctx = await c.browser.newContext({ ...PHONE, baseURL: c.url, javaScriptEnabled: false, locale: 'id-ID' });
    try {
      const page = await ctx.newPage();
      // The home page is the Svelte app (nothing without JavaScript); the archive's frame has the navigation.
      await page.goto('/arsip');
      await page.getByRole('navigation', { name: 'Bagian situs' }).getByRole('link', { name: 'Usulan warga' }).click();
      await page.waitForURL('**/usulan');
      await page.getByRole('heading', { name: 'Usulan warga', level: 1 }).waitFor();
      expect(await page.locator('article.u').count()).toBe(8);
      // Listener text as text: the markup is shown, no image element was made from it.
      await page.getByRole('heading', { name: `Taman baca ${XSS}`, level: 2 }).waitFor();
      expect(await page.locator('main img').count()).toBe(0);
      // What a phone shows first (the form and the first cards); the whole page beside it.
      await page.screenshot({ path: 'test-output/screenshots/usulan-phone.png' });
      await screenshot(page, 'usulan-phone-full');
      // A card with a merged duplicate inside it, and the one whose text is markup.
      await page.locator('article.u').first().screenshot({ path: 'test-output/screenshots/usulan-card-merged.png' });
      await page.locator('article.u', { hasText: 'Taman baca' }).screenshot({ path: 'test-output/screenshots/usulan-card-xss.png' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await page.getByLabel('Kecamatan').selectOption({ label: 'Lerengsari' });
      await page.getByRole('button', { name: 'Saring' }).click();
      await page.waitForURL('**/usulan?kecamatan=99.01.03*');
      await page.getByText(/\d+ dari \d+ usulan cocok/).waitFor();
      const places = await page.locator('article.u > p.meta:nth-of-type(2)').allInnerTexts();
      expect(places.length).toBe(4);
      for (const p of places) expect(p).toContain('Kec. Lerengsari');
      expect(await page.getByLabel('Kecamatan').inputValue()).toBe('99.01.03');
      await screenshot(page, 'usulan-phone-filtered');

      const card = page.locator('article.u', { hasText: 'Pelatihan BUMDes' });
      await card.getByText('Diteruskan ke musrenbang', { exact: false }).first().waitFor();
      await card.getByRole('link', { name: /SUARA DESA.*Eps\. 7/ }).click();
      await page.waitForURL(`**${EPISODE_PATH}`);
      await page.getByText('Hal-hal penting dalam diskusi').waitFor();
    } finally {
      await ctx.close();
    }
  });

  it('keeps the markup as text with JavaScript on too: no dialog, no page error', async () => {
    const { page, errors, dialogs, close } = await c.open('/usulan?dimensi=society', { phone: true, dialogs: true });
    try {
      await page.getByRole('heading', { name: `Taman baca ${XSS}`, level: 2 }).waitFor();
      await page.getByText(`Permasalahan: Anak-anak tidak punya tempat membaca ${XSS}`).waitFor();
      await settle(page);
      expect(dialogs).toEqual([]);
      expect(await page.locator('main img').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
