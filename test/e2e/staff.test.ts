// The staff page against a real server and real Chromium: an admin signs in through the
// form, manages an account, sets up an episode (the page's checks and the server's
// refusals both shown in words, nothing saved on a refusal) and starts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { context, screenshot, watchErrors } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { ADMIN_PASSWORD, api, signIn } from '../support/server.ts';
import { seriousA11yProblems } from '../support/axe.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const c = browserStudio();

/**
 * Page errors, less the browser's note on each refusal this test provokes on purpose
 * (who-am-I before sign-in, a wrong password, a taken username, twin speaker names).
 */
function real(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|409)/.test(e));
}

async function episodeCount(): Promise<number> {
  return (await api(c.url, '/api/episodes', { cookie: c.admin })).json.episodes.length;
}

async function signInThroughPage(page: Page, password: string): Promise<void> {
  await page.fill('#signin-username', 'admin');
  await page.fill('#signin-password', password);
  await page.click('form button[type=submit]');
}

describe('staff page, as the admin', { timeout: 60_000 }, () => {
  // One browser tab through the steps, as an admin would use it.
  let ctx: BrowserContext;
  let page: Page;
  let errors: string[];
  let id: string;

  beforeAll(async () => {
    ctx = await context(c.browser, c.url);
    page = await ctx.newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('signs in through the form, after the server refuses a wrong password', async () => {
    await page.goto('/staff');
    await page.locator('#signin-username').waitFor();
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'staff-signin-desktop');

    // A wrong password: the server's words, and still signed out.
    await signInThroughPage(page, 'bukan-sandinya');
    await expect.poll(() => page.locator('[data-testid=signin-error]').innerText(), WAIT).toContain('Nama pengguna atau kata sandi salah.');
    await signInThroughPage(page, ADMIN_PASSWORD);
    await page.locator('[data-testid=episode-list]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('.me').innerText(), WAIT).toContain('Admin Stasiun');
  });

  it('creates a staff account, changes its role, resets its password and disables it', async () => {
    // The page's own checks first, then the server's.
    await page.click('nav >> text=Akun petugas');
    await page.locator('[data-testid=staff-table]').waitFor();
    await page.fill('#new-username', 'Siti Aminah');
    await page.fill('#new-password', 'pendek');
    await page.click('[data-testid=staff-form] button[type=submit]');
    await expect.poll(() => page.locator('#new-username-problem').innerText(), WAIT).toContain('Nama pengguna tidak sesuai aturan.');
    await expect.poll(() => page.locator('#new-password-problem').innerText(), WAIT).toContain('Kata sandi minimal 8 karakter.');
    await expect.poll(() => page.locator('#new-name-problem').innerText(), WAIT).toContain('Isi nama.');
    await page.fill('#new-username', 'siti.penyiar');
    await page.fill('#new-name', 'Siti Aminah');
    await page.selectOption('#new-role', 'host');
    await page.fill('#new-password', 'sandi-siti-123');
    await page.click('[data-testid=staff-form] button[type=submit]');
    const row = page.locator('tr[data-username="siti.penyiar"]');
    await row.waitFor();
    expect(await row.locator('select').inputValue()).toBe('host');
    // The same username again: the server refuses, in its own words.
    await page.fill('#new-username', 'siti.penyiar');
    await page.fill('#new-name', 'Siti Lain');
    await page.fill('#new-password', 'sandi-lain-123');
    await page.click('[data-testid=staff-form] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=staff-form-error]').innerText(), WAIT).toContain('Nama pengguna sudah dipakai.');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'staff-accounts-desktop');

    // Change role, reset the password, disable: each checked on the server.
    await row.locator('select').selectOption('screener');
    await expect.poll(async () => (await api(c.url, '/api/staff', { cookie: c.admin })).json.staff.find((s: { username: string }) => s.username === 'siti.penyiar').role, WAIT).toBe('screener');
    await row.locator('button', { hasText: 'Atur ulang kata sandi' }).click();
    await row.locator('input[type=password]').fill('sandi-baru-siti-1');
    await row.locator('button', { hasText: 'Simpan kata sandi' }).click();
    await expect.poll(() => page.locator('[data-testid=flash-ok]').innerText(), WAIT).toContain('Kata sandi siti.penyiar diganti');
    await signIn(c.url, 'siti.penyiar', 'sandi-baru-siti-1');
    await row.locator('button', { hasText: 'Nonaktifkan' }).click();
    await expect.poll(() => row.locator('.badge').innerText(), WAIT).toBe('Nonaktif');
    expect((await api(c.url, '/api/session', { method: 'POST', body: { username: 'siti.penyiar', password: 'sandi-baru-siti-1' } })).status).toBe(401);
  });

  it('creates an episode through the form; a refusal is shown in words and creates nothing', async () => {
    // A new episode. Empty required fields: the page says so and sends nothing.
    await page.click('nav >> text=Episode');
    await page.click('button:has-text("Episode baru")');
    await page.locator('[data-testid=episode-form]').waitFor();
    const before = await episodeCount();
    await page.click('[data-testid=episode-form] button[type=submit]');
    await expect.poll(() => page.locator('#ep-title-problem').innerText(), WAIT).toBe('Wajib diisi.');
    await expect.poll(() => page.locator('[data-testid=episode-form-error]').innerText(), WAIT).toContain('Periksa isian yang ditandai.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ep-series');

    await page.fill('#ep-series', 'OBROLAN SORE – Warga Bertanya');
    await page.fill('#ep-partners', 'Karang Taruna Mekarsari x Radio Swara Kali FM');
    await page.fill('#ep-number', '14');
    await page.fill('#ep-place', 'Studio Radio Swara Kali FM');
    await page.fill('#ep-title', 'Pupuk bersubsidi untuk petani');
    await page.fill('#ep-recordingUrl', 'https://example.org/rekaman/obrolan-sore-14');
    await page.fill('#ep-date', '2026-10-03');
    await page.fill('#ep-time', '19:00');
    await page.selectOption('#ep-zone', 'Asia/Makassar');
    await page.getByLabel('Pada jam').check();
    await page.fill('#ep-endTime', '21:00');
    await page.fill('#ep-host-0', 'Nur Aini');
    await page.click('button:has-text("Tambah pemandu")');
    await page.fill('#ep-host-1', "Yohanes O'Neil");
    await page.fill('#speaker-0-full', 'Ir. Agus Salim, M.P.');
    await page.fill('#speaker-0-short', 'Pak Agus');
    await page.fill('#speaker-0-position', 'Kepala Bidang Sarana');
    await page.fill('#speaker-0-agency', 'Dinas Pertanian');
    await page.click('button:has-text("Tambah pembicara")');
    await page.fill('#speaker-1-full', 'Agus Wibowo');
    await page.fill('#speaker-1-short', 'pak agus');
    await page.uncheck('#ep-premod');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'staff-episode-form-desktop');

    // Two speakers with one on-air name: only the server knows that rule; its message shows and nothing is created.
    await page.click('[data-testid=episode-form] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=episode-form-error]').innerText(), WAIT).toContain('Nama panggilan pembicara harus berbeda satu sama lain.');
    expect(await episodeCount()).toBe(before);

    await page.fill('#speaker-1-short', 'Mas Wibowo');
    await page.click('[data-testid=episode-form] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=flash-ok]').innerText(), WAIT).toContain('Episode “Pupuk bersubsidi untuk petani” dibuat.');
    expect(await episodeCount()).toBe(before + 1);
    const card = page.locator('[data-testid=episode-list] li', { hasText: 'Pupuk bersubsidi untuk petani' });
    id = (await card.getAttribute('data-episode-id'))!;
    expect(await card.innerText()).toContain('Sabtu, 3 Oktober 2026');
    expect(await card.innerText()).toContain('WITA');
    const saved = (await api(c.url, `/api/episodes/${id}`, { cookie: c.admin })).json.episode;
    expect(saved).toMatchObject({
      series: 'OBROLAN SORE – Warga Bertanya', partners: 'Karang Taruna Mekarsari x Radio Swara Kali FM', number: 14,
      title: 'Pupuk bersubsidi untuk petani', place: 'Studio Radio Swara Kali FM', status: 'draft',
      startsAt: '2026-10-03T11:00:00.000Z', endsAt: '2026-10-03T13:00:00.000Z', timeZone: 'Asia/Makassar',
      recordingUrl: 'https://example.org/rekaman/obrolan-sore-14', hosts: ['Nur Aini', "Yohanes O'Neil"], premoderation: false,
    });
    expect(saved.speakers.map((s: { shortName: string; agency: string }) => [s.shortName, s.agency])).toEqual([['Pak Agus', 'Dinas Pertanian'], ['Mas Wibowo', '']]);
  });

  it('edits the episode, starts it, switches to English and signs out', async () => {
    const saved = (await api(c.url, `/api/episodes/${id}`, { cookie: c.admin })).json.episode;
    const card = page.locator(`[data-testid=episode-list] li[data-episode-id="${id}"]`);
    // Edit: the form comes back filled in, and the change is saved.
    await card.locator('button', { hasText: 'Ubah' }).click();
    await expect.poll(() => page.locator('#ep-title').inputValue(), WAIT).toBe('Pupuk bersubsidi untuk petani');
    expect(await page.locator('#ep-zone').inputValue()).toBe('Asia/Makassar');
    expect(await page.locator('#ep-time').inputValue()).toBe('19:00');
    await page.fill('#ep-title', 'Pupuk bersubsidi: tepat sasaran?');
    await page.click('[data-testid=episode-form] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=episode-list]').innerText(), WAIT).toContain('Pupuk bersubsidi: tepat sasaran?');
    const edited = (await api(c.url, `/api/episodes/${id}`, { cookie: c.admin })).json.episode;
    expect(edited.speakers.map((s: { id: string }) => s.id)).toEqual(saved.speakers.map((s: { id: string }) => s.id));

    // Start it from the list.
    const live = page.locator(`[data-episode-id="${id}"]`);
    await live.locator('button', { hasText: 'Mulai' }).click();
    await expect.poll(() => live.locator('.badge').innerText(), WAIT).toBe('Sedang berlangsung');
    expect((await api(c.url, `/api/episodes/${id}`, { cookie: c.admin })).json.episode.status).toBe('live');
    for (const link of ['host', 'screener', 'notulis']) expect(await live.locator(`a[href="/${link}/${id}"]`).count()).toBe(1);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'staff-episodes-desktop');

    // English on request; dates follow.
    await page.click('button[data-lang=en]');
    await expect.poll(() => live.locator('.badge').innerText(), WAIT).toBe('Live');
    expect(await live.innerText()).toMatch(/Saturday,? 3 October 2026/);
    await page.click('button[data-lang=id]');

    // Sign out: the form again, and the session is gone on the server too.
    await page.click('button:has-text("Keluar")');
    await page.locator('#signin-username').waitFor();
    const cookies = await ctx.cookies();
    expect(cookies.find((c) => c.name === 'kentongan_session')?.value ?? '').toBe('');
    expect(real(errors)).toEqual([]);
  });
});

describe('staff page, elsewhere', { timeout: 60_000 }, () => {
  it('shows the sign-in form on a phone', async () => {
    const { ctx, page, errors } = await c.open('/staff', { phone: true });
    await page.locator('#signin-username').waitFor();
    await screenshot(page, 'staff-signin-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(real(errors)).toEqual([]);
    await ctx.close();
  });

  it('fits a phone screen', async () => {
    const { ctx, page, errors } = await c.open('/staff', { phone: true, cookie: c.admin });
    await page.locator('[data-testid=episode-list]').waitFor({ state: 'attached' });
    await screenshot(page, 'staff-episodes-phone');
    // Nothing wider than the screen: no sideways scrolling for a screener on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.click('button:has-text("Episode baru")');
    await page.locator('[data-testid=episode-form]').waitFor();
    await screenshot(page, 'staff-episode-form-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.click('nav >> text=Akun petugas');
    await page.locator('[data-testid=staff-table]').waitFor();
    await screenshot(page, 'staff-accounts-phone');
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(real(errors)).toEqual([]);
    await ctx.close();
  });

  it('returns to the console that asked for a sign-in', async () => {
    const ctx = await context(c.browser, c.url);
    const page = await ctx.newPage();
    await page.goto('/staff?next=%2Fstaff%3Fcame%3Dback');
    await signInThroughPage(page, ADMIN_PASSWORD);
    await page.waitForURL(/came=back/, { timeout: 10_000 });
    // Another site is never a destination.
    await page.goto('/staff?next=%2F%2Fevil.example%2F');
    await page.locator('[data-testid=episode-list]').waitFor({ state: 'attached' });
    expect(new URL(page.url()).host).toBe(new URL(c.url).host);
    await ctx.close();
  });
});
