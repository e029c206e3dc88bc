// Two readers of the sample episode's page on a 360 px phone answer "Bagaimana Tanggapan
// Anda?": one with JavaScript off (the form posts and the page comes back with the results),
// one with it on (the answer is sent in the background and the results replace the form
// without a reload). Each sees the counts, the views, and that a second answer is refused.
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { SAMPLE_EPISODES } from '../../server/domain/sample.ts';

const PATH = '/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung';

const c = browserStudio({ sample: true, station: { name: 'Suara Giri FM' } }, { crew: true });

const results = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the reader poll on a phone', () => {
  it('takes an answer without JavaScript, shows the results and refuses a second one', async () => {
    const ctx = await c.browser.newContext({ ...PHONE, baseURL: c.url, javaScriptEnabled: false, locale: 'id-ID' });
    try {
      const page = await ctx.newPage();
      await page.goto(PATH);
      const poll = page.locator('#tanggapan');
      await poll.getByRole('heading', { name: 'Bagaimana Tanggapan Anda?' }).waitFor();
      await expect.poll(() => poll.locator('.dilihat').textContent()).toBe('1 Dilihat');
      await poll.getByLabel('Puas', { exact: true }).check();
      await poll.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await page.waitForURL(`**${PATH}#tanggapan`);
      await poll.getByText('Terima kasih, tanggapan Anda sudah tercatat.').waitFor();
      expect(results(await poll.locator('ul.hasil').innerText())).toBe('Sangat Puas 0 % Puas 100 % Cukup Puas 0 % Tidak Puas 0 %');
      expect(await poll.getByText('1 tanggapan pembaca').count()).toBe(1);
      expect(await page.locator('#tanggapan-form').count()).toBe(0);
      // The page's own form is gone; a reader who posts the old one again (back button) is told so.
      await page.goBack();
      const back = page.locator('#tanggapan-form');
      if (await back.count()) {
        await back.getByLabel('Tidak Puas').check();
        await back.getByRole('button', { name: 'Kirim tanggapan' }).click();
        await page.getByText('Anda sudah memberi tanggapan untuk siaran ini').waitFor();
      }
      // Reloads are not new views.
      await page.goto(PATH);
      await page.goto(PATH);
      expect(await page.locator('.dilihat').textContent()).toBe('1 Dilihat');
    } finally {
      await ctx.close();
    }
  });

  it('takes an answer with JavaScript in place, without a reload', async () => {
    const { page, errors, close } = await c.open(PATH, { phone: true });
    try {
      const poll = page.locator('#tanggapan');
      await poll.getByRole('heading', { name: 'Bagaimana Tanggapan Anda?' }).waitFor();
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      await poll.getByLabel('Sangat Puas').check();
      await poll.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await page.locator('#tanggapan ul.hasil').waitFor();
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      await page.getByText('Terima kasih, tanggapan Anda sudah tercatat.').waitFor();
      expect(results(await page.locator('#tanggapan ul.hasil').innerText())).toBe('Sangat Puas 50 % Puas 50 % Cukup Puas 0 % Tidak Puas 0 %');
      await page.getByText('2 tanggapan pembaca').waitFor();
      expect(await page.locator('#tanggapan .dilihat').textContent()).toMatch(/^2 Dilihat$/);
      await page.locator('#tanggapan').scrollIntoViewIfNeeded();
      await page.locator('#tanggapan').screenshot({ path: 'test-output/screenshots/reader-poll-phone.png' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // The CSP lets the fetch through (connect-src 'self') and blocks nothing the page needs.
      expect(errors).toEqual([]);
      // A reload shows the results, not the form.
      await page.reload();
      await page.locator('#tanggapan ul.hasil').waitFor();
      expect(await page.locator('#tanggapan-form').count()).toBe(0);
    } finally {
      await close();
    }
  });

  it("shows the host both polls' figures: the readers' on the episode's Statistik page", async () => {
    const { page, errors, close } = await c.open(`/stats/${SAMPLE_EPISODES.finished}`, { cookie: c.hostCookie, phone: true });
    try {
      const panel = page.getByTestId('reader-stats');
      await panel.getByTestId('reader-views').waitFor();
      expect(await panel.getByTestId('reader-views').textContent()).toContain('2');
      const bars = (await panel.locator('li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(bars).toEqual(['Sangat Puas 50 % (1)', 'Puas 50 % (1)', 'Cukup Puas 0 % (0)', 'Tidak Puas 0 % (0)']);
      await panel.getByText('2 tanggapan pembaca').waitFor();
      await panel.screenshot({ path: 'test-output/screenshots/analytics-reader.png' });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
