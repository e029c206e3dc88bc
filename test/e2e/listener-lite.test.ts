// A listener whose phone runs no JavaScript (Opera Mini, KaiOS, a browser with it switched off)
// opens the join link /j/CODE as read on air: the <noscript> refresh takes Chromium with
// JavaScript disabled to the light page, where it asks a question (the screener gets it),
// supports an approved one and answers the poll, every form a plain post and a reload. On a
// 360 px phone, a 320 px one and a 240×320 KaiOS screen, with nothing wider than the screen.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { must } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { XSS, injected } from '../support/xss.ts';

const c = browserStudio({}, { crew: true });

const noScript = (width: number, height: number) =>
  c.browser.newContext({ ...PHONE, viewport: { width, height }, baseURL: c.url, javaScriptEnabled: false, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });

async function fits(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describe('the listener page without JavaScript', () => {
  it('lands from /j/CODE, asks, supports an approved question and answers the poll', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    await joinStaff(c.host, ep.id);
    const approved = await must(c.screener, 'question:submit', {
      episodeId: ep.id, channel: 'sms', name: 'Pak Darto', location: 'Kalisari',
      text: 'Bank sampah di desa kami sudah jalan dua tahun, tapi pengepulnya sering telat datang. Apakah dinas bisa membantu mencarikan pengepul tetap untuk kecamatan?',
    });
    await must(c.screener, 'question:submit', { episodeId: ep.id, channel: 'phone', name: null, location: null, text: 'Jam berapa pasar dibersihkan setiap hari?' });
    const poll = await must(c.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });

    const ctx = await noScript(360, 740);
    try {
      const page = await ctx.newPage();
      await page.goto(`/j/${ep.code}`);
      await page.waitForURL(`**/j/${ep.code}/ringan`);
      await page.getByRole('heading', { level: 1, name: 'Sampah pasar dan bank sampah desa' }).waitFor();
      expect(await page.getByRole('heading', { name: /Antrean pertanyaan \(2\)/ }).count()).toBe(1);
      await screenshot(page, 'lite-360-open');

      // Ask: it waits for the screener, and the page says so.
      await page.getByLabel(/Pertanyaan Anda/).fill('Kapan truk sampah mulai lewat RT 05? Sudah tiga minggu sampah menumpuk di pinggir jalan.');
      await page.getByLabel(/Nama/).fill('Bu Sri');
      await page.getByLabel(/Desa\/kecamatan/).fill('Mekarsari');
      await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
      await page.waitForURL(/\?pesan=ok_pending$/);
      await page.getByText('Terkirim. Pertanyaan Anda menunggu moderasi.').waitFor();
      const mine = page.locator('h2:text("Pertanyaan saya") + ul li');
      expect(await mine.innerText()).toMatch(/Kapan truk sampah mulai lewat RT 05\?[\s\S]*menunggu moderasi/);
      const staff = await joinStaff(c.screener, ep.id);
      const asked = staff.questions.find((q) => q.text.startsWith('Kapan truk sampah'))!;
      expect(asked).toMatchObject({ status: 'pending', channel: 'web', askerName: 'Bu Sri', askerLocation: 'Mekarsari' });

      // Support the approved question: the button turns into "Batalkan dukungan".
      const item = page.locator(`li#q-${approved.id}`);
      await item.getByRole('button', { name: 'Dukung' }).click();
      await page.waitForURL(new RegExp(`pesan=ok_voted#q-${approved.id}$`));
      await item.getByText('✓ Anda mendukung').waitFor();
      expect(await item.innerText()).toContain('1 dukungan');
      expect(await item.getByRole('button', { name: 'Batalkan dukungan' }).count()).toBe(1);
      expect(c.server.app.store.get(ep.id)!.questions.find((q) => q.id === approved.id)!.voters).toHaveLength(1);

      // Answer the poll.
      await page.getByLabel('Cukup Puas').check();
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await page.waitForURL(/pesan=ok_answered$/);
      await page.getByText('Jawaban Anda tercatat.').waitFor();
      expect(await page.getByLabel('Cukup Puas').isChecked()).toBe(true);
      expect(Object.values(c.server.app.store.get(ep.id)!.polls!.find((p) => p.id === poll.id)!.answers)).toEqual([2]);

      // The screener approves the question; a reload shows it in the queue and as approved.
      await must(c.screener, 'question:approve', { episodeId: ep.id, questionId: asked.id });
      await must(c.host, 'question:air', { episodeId: ep.id, questionId: approved.id });
      await page.getByRole('link', { name: 'Muat ulang' }).click();
      await page.locator('.air').getByText('Bank sampah di desa kami').waitFor();
      expect(await mine.innerText()).toContain('disetujui');
      expect(await page.locator(`li#q-${asked.id}`).count()).toBe(1);
      await fits(page, 360);
      await screenshot(page, 'lite-360-after');
    } finally {
      await ctx.close();
    }
  });

  it('fits a 320 px phone and a 240×320 KaiOS screen, and listener text stays text', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    await joinStaff(c.host, ep.id);
    for (const x of XSS.slice(0, 12)) await must(c.screener, 'question:submit', { episodeId: ep.id, channel: 'web', name: x, location: x, text: x });
    await must(c.screener, 'question:submit', { episodeId: ep.id, channel: 'sms', name: 'Warga', location: null, text: `Tautan panjang tanpa spasi: https://contoh.desa.id/${'sangat-panjang-'.repeat(12)}` });
    await must(c.host, 'poll:open', { episodeId: ep.id, kind: 'single', question: 'Jalan mana yang diperbaiki dulu?', options: ['Cibening', 'Kadumanis', 'Mekarjaya'], showResults: true });
    for (const [w, h, name] of [[320, 568, 'lite-320'], [240, 320, 'lite-kaios-240']] as const) {
      const ctx = await noScript(w, h);
      try {
        const page = await ctx.newPage();
        await page.goto(`/j/${ep.code}`);
        await page.waitForURL(`**/j/${ep.code}/ringan`);
        await page.getByLabel(/Pertanyaan Anda/).fill(XSS[1]!);
        await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
        await page.waitForURL(/pesan=ok_pending$/);
        await page.locator('h2:text("Pertanyaan saya") + ul li').getByText(XSS[1]!).waitFor();
        expect(await injected(page)).toEqual([]);
        await fits(page, w);
        await screenshot(page, name);
        // What the phone shows on its first screen, and at the queue (full-page shots of a
        // 240 px page are too tall to read).
        await page.screenshot({ path: `test-output/screenshots/${name}-screen.png` });
        await page.locator('#antrean').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-output/screenshots/${name}-queue.png` });
      } finally {
        await ctx.close();
      }
    }
  });
});
