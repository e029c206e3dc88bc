// The field trial's English gaps, as a listener and an admin meet them in Chromium:
// "1 supporters", "Pertanyaan Anda kini: …" left in Indonesian after switching, and
// server errors (a taken username) shown in Indonesian on an English page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { context, openListener, watchErrors } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { ADMIN_PASSWORD, must } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const c = browserStudio({}, { crew: true });

async function phone(): Promise<{ page: Page; errors: string[] }> {
  const ctx = await context(c.browser, c.url, { phone: true });
  const page = await ctx.newPage();
  return { page, errors: watchErrors(page) };
}

const open = openListener;

describe('English', { timeout: 60_000 }, () => {
  it('counts supporters in the singular and plural, and words the status change anew after switching', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    const { page, errors } = await phone();
    await open(page, ep.code);

    const text = 'Kapan bank sampah desa buka setiap minggu?';
    await page.getByLabel('Pertanyaan Anda').fill(text);
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    const mine = page.getByTestId('mine').filter({ hasText: text });
    await expect.poll(() => mine.getAttribute('data-status'), WAIT).toBe('pending');

    const q = (await joinStaff(c.screener, ep.id)).questions.find((x) => x.text === text)!;
    await must(c.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    const live = page.locator('section[aria-labelledby=mine-h] [aria-live=polite]');
    await expect.poll(() => live.textContent(), WAIT).toBe('Pertanyaan Anda kini: disetujui.');

    // Switching language words the same announcement in English.
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => live.textContent(), WAIT).toBe('Your question is now: approved.');

    const card = page.locator('#queue li', { hasText: text });
    await card.getByRole('button', { name: /^Support 0 supporters$/ }).click();
    await expect.poll(() => card.getByRole('button', { name: /^Supported 1 supporter$/ }).count(), WAIT).toBe(1);
    const other = await phone();
    await other.page.addInitScript(() => localStorage.setItem('kentongan.lang', 'en'));
    await open(other.page, ep.code);
    const there = other.page.locator('#queue li', { hasText: text });
    await there.getByRole('button', { name: /^Support 1 supporter$/ }).click();
    await expect.poll(() => card.getByRole('button', { name: /^Supported 2 supporters$/ }).count(), WAIT).toBe(1);
    expect([...errors, ...other.errors]).toEqual([]);
  });

  it("shows the server's refusal of a taken username in English", async () => {
    const ctx = await context(c.browser, c.url);
    const page = await ctx.newPage();
    await page.addInitScript(() => localStorage.setItem('kentongan.lang', 'en'));
    await page.goto('/staff');
    await page.fill('#signin-username', 'admin');
    await page.fill('#signin-password', ADMIN_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.locator('[data-testid=episode-list]').waitFor({ state: 'attached' });
    await page.click('nav >> text=Staff accounts');
    await page.locator('[data-testid=staff-table]').waitFor();
    await page.fill('#new-username', 'host');
    await page.fill('#new-name', 'Another host');
    await page.fill('#new-password', 'sandi-lain-123');
    await page.click('[data-testid=staff-form] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=staff-form-error]').innerText(), WAIT).toBe('That username is already taken.');
  });
});
