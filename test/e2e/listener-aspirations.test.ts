// The listener's usulan and polls on a phone, against a real server (with the sample
// district, Kabupaten Giriwangi) and real Chromium: the usulan form with its kecamatan →
// desa lists, page and server checks and consent; supports; the own usulan following the
// planner's desk; the poll answered with one tap, results when shown, a refused answer
// rolled back; and the studio screen showing the poll's results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { context, screenshot, watchErrors } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { StaffSnapshot } from '../../server/contract/views.ts';
import type { StaffExtras } from '../../server/contract/events.ts';

const WAIT = { timeout: 10_000, interval: 50 };
// The sample district's codes.
const KALIWENING = '99.01.01';
const TEGALSARI = '99.01.01.2002';
const GIRIMULYO = '99.01.02';
const NGADIREJO = '99.01.02.2001';

const c = browserStudio({ sample: true, rateLimits: RELAXED_LIMITS }, { crew: true });
let ep: { id: string; code: string };
const sockets: Client[] = [];
/** The phone of the listener who writes usulan; the later tests follow it. */
let writer: Awaited<ReturnType<typeof phone>>;
const ids: { withContact?: string; withoutContact?: string; other?: string } = {};

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
});

/** A fresh phone (own storage, so its own listener token) that counts its requests for the district's lists. */
async function phone() {
  const ctx = await context(c.browser, c.url, { phone: true });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  const district = { requests: 0 };
  page.on('request', (r) => void (new URL(r.url()).pathname === '/api/district' && district.requests++));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { ctx, page, errors, district };
}

async function open(page: Page): Promise<void> {
  await page.goto(`/j/${ep.code}`);
  await page.locator('main[data-ready]').waitFor({ timeout: 20_000 });
  await page.locator('[data-testid=connection][data-status=online]').waitFor({ state: 'attached', timeout: 15_000 });
}

/** Page errors, less the failed loads a page makes by design while the phone is offline. */
const real = (errors: string[]) => errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'));

async function staff(): Promise<StaffSnapshot & StaffExtras> {
  return joinStaff(c.host, ep.id) as Promise<StaffSnapshot & StaffExtras>;
}

async function deskContact(id: string) {
  const r = await api(c.url, `/api/aspirations/${id}`, { cookie: c.admin });
  return r.json.aspiration as { contact: { name: string | null; phone: string | null } | null; rtRw: string | null; desa: string; dimension: string };
}

async function setStatus(id: string, status: string, reason?: string) {
  const r = await api(c.url, '/api/aspirations/status', { method: 'POST', cookie: c.admin, body: { ids: [id], status, reason } });
  expect(r.status, r.text).toBe(200);
}

const optionTexts = (select: Locator) => select.locator('option').allTextContents();
const mineItem = (page: Page, text: string) => page.getByTestId('my-usulan').filter({ hasText: text });
const card = (page: Page, text: string) => page.getByTestId('usulan-list').locator('li', { hasText: text });
const supportButton = (scope: Locator) => scope.getByRole('button', { name: /^(Dukung|Didukung) \d+ dukungan$/ });
const pollOption = (page: Page, option: string) => page.locator(`[data-testid=poll-option][data-option="${option}"]`);
const percents = (page: Page) => page.getByTestId('poll-percent').allTextContents();

async function fillPlace(page: Page, kecamatan: string, desa: string) {
  await page.selectOption('#usulan-dimension', 'living');
  await page.selectOption('#usulan-kecamatan', kecamatan);
  await page.selectOption('#usulan-desa', desa);
}

describe('usulan and polls on the listener page', { timeout: 60_000 }, () => {
  it('submits an usulan: desa filtered by kecamatan, the page\'s and the server\'s messages, consent', async () => {
    writer = await phone();
    const { page, district } = writer;
    await open(page);
    // The district's lists are not part of the first load.
    expect(district.requests).toBe(0);
    await page.getByRole('button', { name: 'Tulis usulan' }).click();
    await page.getByTestId('usulan-form').waitFor();
    await expect.poll(() => page.locator('#usulan-dimension').isEnabled(), WAIT).toBe(true);
    expect(district.requests).toBe(1);

    // Empty: the page says so and sends nothing.
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    expect(await page.locator('#usulan-text-error').textContent()).toBe('Tulis usulan Anda dulu.');
    expect(await page.locator('#usulan-problem-error').textContent()).toBe('Tulis masalah yang ingin diselesaikan.');
    expect(await page.locator('#usulan-desa-error').textContent()).toBe('Pilih desa/kelurahan.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('usulan-text');
    expect(await page.locator('#usulan-text').getAttribute('aria-invalid')).toBe('true');

    // Kecamatan first; the desa list holds only its desa, so a mismatch cannot be chosen.
    expect(await page.locator('#usulan-desa').isDisabled()).toBe(true);
    await page.selectOption('#usulan-kecamatan', KALIWENING);
    expect(await optionTexts(page.locator('#usulan-desa'))).toEqual(['— pilih —', 'Kaliwening', 'Sumberrejo', 'Tegalsari']);
    await expect(page.selectOption('#usulan-desa', NGADIREJO, { timeout: 500 })).rejects.toThrow();
    await page.selectOption('#usulan-desa', TEGALSARI);
    await page.selectOption('#usulan-kecamatan', GIRIMULYO);
    expect(await page.locator('#usulan-desa').inputValue()).toBe('');
    expect(await optionTexts(page.locator('#usulan-desa'))).toEqual(['— pilih —', 'Kauman', 'Ngadirejo', 'Banyuurip']);

    const text = 'Lampu penerangan di jalan menuju Pasar Tegalsari';
    await page.getByLabel('Usulan Anda').fill(text);
    await page.getByLabel('Masalah yang ingin diselesaikan').fill('Jalan gelap sesudah magrib, pedagang pulang pasar rawan jatuh.');
    await fillPlace(page, KALIWENING, TEGALSARI);
    // RT/RW is the server's to check: its message is shown as it is, on the field it is about.
    await page.locator('#usulan-rtrw').fill('12345');
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    await expect.poll(() => page.getByTestId('usulan-refused').textContent(), WAIT).toBe('Usulan belum terkirim: RT/RW tidak valid. Tulis seperti 003/005.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), WAIT).toBe('usulan-rtrw');
    expect(await page.locator('#usulan-rtrw').getAttribute('aria-invalid')).toBe('true');
    expect((await staff()).aspirations).toEqual([]);

    // Name and phone only appear (and are only sent) with consent.
    expect(await page.locator('#usulan-name').count()).toBe(0);
    await page.locator('#usulan-rtrw').fill('3/5');
    await page.getByLabel('Saya bersedia dihubungi tentang usulan ini').check();
    await page.locator('#usulan-name').fill('Bu Sri');
    await page.getByLabel('Nomor telepon (boleh dikosongkan)').fill('0812 3456 7890');
    await screenshot(page, 'listener-usulan-form-phone');
    await page.getByRole('button', { name: 'Kirim usulan' }).click();

    await expect.poll(() => mineItem(page, text).getAttribute('data-status'), WAIT).toBe('baru');
    expect(await page.getByTestId('usulan-sent').textContent()).toContain('Usulan terkirim');
    expect(await page.getByTestId('usulan-form').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Tulis usulan');
    expect(await mineItem(page, text).textContent()).toContain('Smart Living · Tegalsari, Kec. Kaliwening · RT/RW 003/005');
    ids.withContact = (await staff()).aspirations.find((a) => a.text === text)!.id;
    expect(await deskContact(ids.withContact)).toMatchObject({ contact: { name: 'Bu Sri', phone: '081234567890' }, rtRw: '003/005', desa: TEGALSARI, dimension: 'living' });

    // Consent ticked, a name typed, then consent taken back: nothing personal is sent.
    const evil = '<img src=x onerror=alert(1)> Sumur bor untuk RT 2';
    await page.getByRole('button', { name: 'Tulis usulan' }).click();
    await page.getByLabel('Usulan Anda').fill(evil);
    await page.getByLabel('Masalah yang ingin diselesaikan').fill('Air sumur warga kering tiap kemarau.');
    await fillPlace(page, GIRIMULYO, NGADIREJO);
    await page.getByLabel('Saya bersedia dihubungi tentang usulan ini').check();
    await page.locator('#usulan-name').fill('Pak Joko');
    await page.getByLabel('Saya bersedia dihubungi tentang usulan ini').uncheck();
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    await expect.poll(() => mineItem(page, evil).getAttribute('data-status'), WAIT).toBe('baru');
    ids.withoutContact = (await staff()).aspirations.find((a) => a.text === evil)!.id;
    expect((await deskContact(ids.withoutContact)).contact).toBeNull();
    // Listener text stays text.
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(district.requests).toBe(1);
    await screenshot(page, 'listener-usulan-mine-phone');
    expect(writer.errors).toEqual([]);
  });

  it('supports another listener\'s usulan once, and follows its own usulan as the planners move it', async () => {
    const { socket } = await listener(c.url);
    sockets.push(socket);
    const other = await must(socket, 'aspiration:submit', {
      episodeId: ep.id, text: 'Perbaikan talud sungai di Dusun Krajan', problem: 'Talud retak, sawah tergerus tiap banjir.',
      dimension: 'environment', kecamatan: KALIWENING, desa: TEGALSARI, rtRw: '2/1',
    });
    ids.other = other.id;

    const b = await phone();
    await open(b.page);
    const item = card(b.page, other.text);
    await item.waitFor();
    // Place names arrive with the district's lists once the usulan are on screen.
    await item.scrollIntoViewIfNeeded();
    await expect.poll(() => item.textContent(), WAIT).toContain('Smart Environment · Tegalsari, Kec. Kaliwening · RT/RW 002/001');
    const tab = await b.ctx.newPage();
    await open(tab);

    await supportButton(item).click();
    expect(await supportButton(item).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await staff()).aspirations.find((a) => a.id === other.id)?.supports, WAIT).toBe(1);
    await expect.poll(() => card(writer.page, other.text).getByTestId('supports').textContent(), WAIT).toBe('1');
    // The other tab did not know: the server's already_supported leaves it supported, counted once, without alarm.
    const inTab = card(tab, other.text);
    await expect.poll(() => inTab.getByTestId('supports').textContent(), WAIT).toBe('1');
    await supportButton(inTab).click();
    await expect.poll(() => supportButton(inTab).getAttribute('aria-busy'), WAIT).toBe('false');
    expect(await supportButton(inTab).getAttribute('aria-pressed')).toBe('true');
    expect(await inTab.getByTestId('supports').textContent()).toBe('1');
    expect(await tab.getByTestId('notices').textContent()).toBe('');
    expect((await staff()).aspirations.find((a) => a.id === other.id)?.supports).toBe(1);

    // The planner's desk moves the writer's usulan; the writer's phone follows in words.
    const mine = mineItem(writer.page, 'Lampu penerangan');
    const status = () => mine.getByTestId('usulan-status').textContent();
    await setStatus(ids.withContact!, 'ditinjau');
    await expect.poll(status, WAIT).toBe('ditinjau');
    await setStatus(ids.withContact!, 'diteruskan');
    await expect.poll(status, WAIT).toBe('diteruskan ke musrenbang');
    await setStatus(ids.withContact!, 'ditolak', 'Sudah masuk rencana kerja dinas tahun 2027.');
    await expect.poll(status, WAIT).toBe('ditolak');
    expect(await mine.textContent()).toContain('Alasan: Sudah masuk rencana kerja dinas tahun 2027.');
    // Others no longer see a rejected usulan.
    await expect.poll(() => card(b.page, 'Lampu penerangan').count(), WAIT).toBe(0);
    const merged = await api(c.url, '/api/aspirations/merge', { method: 'POST', cookie: c.admin, body: { sourceIds: [ids.withoutContact], targetId: other.id } });
    expect(merged.status, merged.text).toBe(200);
    const sumur = mineItem(writer.page, 'Sumur bor');
    await expect.poll(() => sumur.getByTestId('usulan-status').textContent(), WAIT).toBe('digabung');
    expect(await sumur.textContent()).toContain('Digabung dengan usulan serupa');
    await screenshot(writer.page, 'listener-usulan-status-phone');
    expect([...writer.errors, ...b.errors]).toEqual([]);
    await b.ctx.close();
  });

  it('answers the poll with one tap, sees results when shown, rolls back a refused answer; the studio shows the results', async () => {
    const { page, ctx } = writer;
    const voters: Client[] = [];
    for (let i = 0; i < 3; i++) voters.push((await listener(c.url)).socket);
    sockets.push(...voters);
    const studioCtx = await context(c.browser, c.url);
    const studio = await studioCtx.newPage();
    const studioErrors = watchErrors(studio);
    await studio.goto(`/studio/${ep.code}`);
    await studio.getByTestId('queue').waitFor();

    const poll = await must(c.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });
    const pollCard = page.getByTestId('poll');
    await expect.poll(() => pollCard.locator('.question').textContent(), WAIT).toBe('Bagaimana Tanggapan Anda?');
    expect((await page.getByTestId('poll-option').allTextContents()).map((s) => s.trim())).toEqual(['Sangat Puas', 'Puas', 'Cukup Puas', 'Tidak Puas']);
    expect(await pollCard.textContent()).toContain('Hasil ditampilkan bila pemandu membukanya.');
    const counts = async () => (await staff()).polls.find((p) => p.id === poll.id)?.counts;

    await pollOption(page, 'Puas').click();
    expect(await pollOption(page, 'Puas').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(counts, WAIT).toEqual([0, 1, 0, 0]);
    await pollOption(page, 'Sangat Puas').click();
    await expect.poll(counts, WAIT).toEqual([1, 0, 0, 0]);
    expect(await pollOption(page, 'Puas').getAttribute('aria-pressed')).toBe('false');
    expect(await pollOption(page, 'Sangat Puas').getAttribute('aria-pressed')).toBe('true');
    await must(voters[0]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 1 });
    await must(voters[1]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 1 });
    // Hidden results stay hidden on the phone and on the studio screen.
    expect(await percents(page)).toEqual([]);
    expect(await studio.getByTestId('studio-poll').count()).toBe(0);

    await must(c.host, 'poll:results', { episodeId: ep.id, pollId: poll.id, visible: true });
    await expect.poll(() => percents(page), WAIT).toEqual(['33%', '67%', '0%', '0%']);
    expect(await page.getByTestId('poll-total').textContent()).toBe('Jumlah suara: 3');
    const board = studio.getByTestId('studio-poll');
    await expect.poll(() => board.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-percent'))), WAIT).toEqual(['33', '67', '0', '0']);
    expect(await board.textContent()).toContain('Bagaimana Tanggapan Anda?');
    // Live: another answer moves both screens.
    await must(voters[2]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 2 });
    await expect.poll(() => percents(page), WAIT).toEqual(['25%', '50%', '25%', '0%']);
    await expect.poll(() => board.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-percent'))), WAIT).toEqual(['25', '50', '25', '0']);
    // Large enough to read across the studio.
    expect(await board.locator('.pct').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(28);
    await screenshot(page, 'listener-poll-phone');
    await screenshot(studio, 'studio-poll-desktop');

    // A tap made offline reaches a poll the host has closed meanwhile: rolled back, with the server's words.
    await ctx.setOffline(true);
    await page.locator('[data-testid=connection][data-status=offline]').waitFor({ state: 'attached' });
    await pollOption(page, 'Tidak Puas').click();
    expect(await pollOption(page, 'Tidak Puas').getAttribute('aria-pressed')).toBe('true');
    await must(c.host, 'poll:close', { episodeId: ep.id, pollId: poll.id });
    await ctx.setOffline(false);
    await expect.poll(() => page.getByTestId('notices').textContent(), WAIT).toContain(
      'Jawaban jajak pendapat tidak tersimpan: Jajak pendapat sudah ditutup; jawaban tidak bisa dikirim atau diubah lagi.',
    );
    await expect.poll(() => pollOption(page, 'Sangat Puas').getAttribute('aria-pressed'), WAIT).toBe('true');
    expect(await pollOption(page, 'Tidak Puas').getAttribute('aria-pressed')).toBe('false');
    expect(await pollCard.getAttribute('data-status')).toBe('closed');
    expect(await counts()).toEqual([1, 2, 1, 0]);
    // Closed, the studio goes back to the queue.
    await expect.poll(() => studio.getByTestId('queue').count(), WAIT).toBe(1);
    expect(studioErrors).toEqual([]);
    await studioCtx.close();

    // With everything open (poll, form, lists), nothing serious for axe.
    await page.getByRole('button', { name: 'Tulis usulan' }).click();
    await page.getByTestId('usulan-form').waitFor();
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    await page.getByLabel('Saya bersedia dihubungi tentang usulan ini').check();
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'listener-usulan-all-phone');

    // English too.
    await page.getByRole('button', { name: 'EN English' }).click();
    expect(await pollCard.locator('h2').textContent()).toBe('Poll');
    expect(await page.getByTestId('usulan-form').locator('h3').textContent()).toBe('New proposal');
    expect(await mineItem(page, 'Lampu penerangan').getByTestId('usulan-status').textContent()).toBe('rejected');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'ID Bahasa Indonesia' }).click();
    expect(real(writer.errors)).toEqual([]);
  });
});
