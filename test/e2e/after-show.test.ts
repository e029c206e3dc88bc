// After the show in Chromium: the notulis corrects a question's heading and the recording
// link in the console of the ended episode and sees what changed; the public notula page
// shows the corrected heading and "Diperbarui"; the listener page of the ended episode
// links to that notula.
import { beforeAll, describe, expect, it } from 'vitest';
import { context, screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, must } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';

const RAW = 'SMS: pak jln ke pasar kpn dibenerin <b>parah</b>';
const HEADING = 'Kapan jalan ke pasar diperbaiki?';

const c = browserStudio({}, { crew: true });
let ep: { id: string; code: string };
let qid = '';

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie);
  for (const s of [c.host, c.screener, c.notulis]) await joinStaff(s, ep.id);
  qid = (await must(c.screener, 'question:submit', { episodeId: ep.id, text: RAW, channel: 'sms', name: null, location: null })).id;
  await must(c.host, 'question:air', { episodeId: ep.id, questionId: qid });
  await must(c.notulis, 'note:add', { episodeId: ep.id, questionId: qid, by: { kind: 'agency', label: 'DPUPR' }, text: 'Diperbaiki bulan depan.' });
  const ended = await api(c.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: c.hostCookie });
  expect(ended.status).toBe(200);
}, 60_000);

describe('after the show', () => {
  it('the notulis corrects a heading and the recording link; the notula and the listener page follow', async () => {
    const { ctx, page, errors } = await c.open(`/notulis/${ep.id}`, { cookie: c.notulisCookie });
    const panel = page.getByTestId('after-show');
    await panel.waitFor({ timeout: 30_000 });

    const form = page.getByTestId(`heading-${qid}`);
    // The listener's words are shown as text, markup and all.
    await expect.poll(() => form.locator('.qtext').innerText(), { timeout: 10_000 }).toBe(RAW);
    await form.getByLabel('Judul di notula').fill(HEADING);
    await form.getByRole('button', { name: 'Simpan judul' }).click();
    await page.getByText(`Judul diubah: «${RAW}» → «${HEADING}»`).waitFor({ timeout: 10_000 });

    // A javascript: link is refused in words; an https link is saved.
    await page.getByLabel('Tautan rekaman').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Simpan tautan rekaman' }).click();
    await page.getByText('Tautan harus diawali http:// atau https://.').waitFor();
    await page.getByLabel('Tautan rekaman').fill('https://arsip.example.org/rekaman-lengkap.mp3');
    await page.getByRole('button', { name: 'Simpan tautan rekaman' }).click();
    await page.getByText('Tautan rekaman disimpan: https://arsip.example.org/rekaman-lengkap.mp3').waitFor();

    // Notes can be corrected (not deleted) after the end.
    const note = page.locator('li.note', { hasText: 'Diperbaiki bulan depan.' });
    expect(await note.getByRole('button', { name: /^Hapus/ }).count()).toBe(0);

    // Nothing goes on air after the end and no note is added: no on-air box, no composer;
    // the notes sit under the corrected heading.
    expect(await page.locator('#onair-h').count()).toBe(0);
    expect(await page.locator('#note-text').count()).toBe(0);
    await expect.poll(() => page.getByTestId(`notes-for-${qid}`).locator('h3').innerText(), { timeout: 10_000 }).toContain(HEADING);

    const log = page.getByTestId('edit-log');
    await expect.poll(() => log.locator('li').count(), { timeout: 10_000 }).toBe(2);
    expect(await log.innerText()).toContain(HEADING);
    await screenshot(page, 'after-show-notulis');
    expect(errors).toEqual([]);

    // The public notula page (no session) prints the corrected heading, escaped words nowhere as markup.
    const pub = await context(c.browser, c.url);
    const notula = await pub.newPage();
    await notula.goto(`/api/episodes/${ep.id}/notula.html`);
    await notula.getByRole('heading', { name: HEADING }).waitFor();
    expect(await notula.getByText(RAW).count()).toBe(0);
    expect(await notula.locator('b', { hasText: 'parah' }).count()).toBe(0);
    await notula.getByText(/Diperbarui .* \(2 koreksi\)/).waitFor();
    await screenshot(notula, 'after-show-notula');

    // The listener page of the ended episode links to it.
    const phone = await context(c.browser, c.url, { phone: true });
    const lp = await phone.newPage();
    await lp.goto(`/j/${ep.code}`);
    const link = lp.getByTestId('notula-link');
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute('href')).toBe(`/arsip/e/${ep.id}`);
    await link.click();
    await lp.getByRole('heading', { name: HEADING }).waitFor();
    // A screener reads the correction history but gets no editors.
    const sc = await context(c.browser, c.url, { cookie: c.screenerCookie });
    const sp = await sc.newPage();
    await sp.goto(`/notulis/${ep.id}`);
    await sp.getByTestId('edit-log').waitFor({ timeout: 30_000 });
    expect(await sp.getByTestId('after-show').count()).toBe(0);
    expect(await sp.getByRole('button', { name: 'Simpan judul' }).count()).toBe(0);
    await ctx.close();
    await pub.close();
    await phone.close();
    await sc.close();
  }, 120_000);
});
