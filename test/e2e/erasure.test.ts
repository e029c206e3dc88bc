// Erasure in real Chromium against a real server: a listener on a phone deletes their data
// with "Hapus data saya" after a confirmation that names what goes; a planner removes a
// contact on the desk; the admin reads the audit log, which other roles cannot open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, call, listener, must, staffSocket } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { plannerCookie } from '../support/planning.ts';
import { seriousA11yProblems } from '../support/axe.ts';

const WAIT = { timeout: 10_000, interval: 50 };
const EPISODE = 'sample-draft-08';
const TEGALSARI = { dimension: 'living', kecamatan: '99.01.01', desa: '99.01.01.2002' };

const c = browserStudio({ sample: true });
let planner: string;
let staff: Client;
const sockets: Client[] = [];

beforeAll(async () => {
  planner = await plannerCookie(c.url, c.admin);
  const started = await api(c.url, `/api/episodes/${EPISODE}/start`, { method: 'POST', cookie: c.admin });
  if (started.status !== 200) throw new Error(started.text);
  staff = await staffSocket(c.url, c.admin);
  await must(staff, 'episode:join', { episodeId: EPISODE, as: 'staff' });
});

afterAll(async () => {
  for (const s of [...sockets, staff]) s?.disconnect();
});

async function open(cookie: string, path: string, phone = false) {
  const { ctx, page, errors } = await c.open(path, { cookie, phone });
  return { ctx, page, errors };
}

describe('erasure in the browser', () => {
  it('a listener deletes their data from the listener page, after a confirmation naming what goes', async () => {
    const code = c.server.app.store.get(EPISODE)!.code;
    const { ctx, page, errors } = await open('', `/j/${code}`, true);
    await page.locator('main[data-ready]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=connection][data-status=online]').waitFor({ state: 'attached', timeout: 15_000 });
    const ask = async (text: string) => {
      await page.getByLabel('Pertanyaan Anda').fill(text);
      await page.getByLabel('Nama (boleh dikosongkan)').fill('Bu Wati Rahayu');
      await page.getByLabel('Desa/kecamatan (boleh dikosongkan)').fill('Desa Kalisari');
      await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
      await page.getByTestId('mine').filter({ hasText: text }).waitFor(WAIT);
    };
    await ask('Kapan posyandu di Kalisari buka lagi?');
    await ask('Apakah ada bantuan bibit untuk kebun warga?');

    // The same listener (the token this browser keeps) sends an usulan with a contact.
    const token = await page.evaluate(() => localStorage.getItem('kentongan.token'));
    const same = await listener(c.url, token!);
    sockets.push(same.socket);
    await must(same.socket, 'aspiration:submit', { episodeId: EPISODE, text: 'Posyandu keliling ke dusun atas', problem: 'Jauh dari balai desa', ...TEGALSARI, name: 'Bu Wati Rahayu', phone: '0812 9876 5432', consent: true });
    // One question goes on air and is answered: it stays in the public record.
    const ep = c.server.app.store.get(EPISODE)!;
    const aired = ep.questions.find((q) => q.text.startsWith('Apakah ada bantuan bibit'))!;
    await call(staff, 'question:approve', { episodeId: EPISODE, questionId: aired.id });
    await must(staff, 'question:air', { episodeId: EPISODE, questionId: aired.id });
    await must(staff, 'question:answered', { episodeId: EPISODE, questionId: aired.id });

    await page.getByTestId('erase-start').click();
    const plan = page.getByTestId('erase-plan');
    await plan.waitFor(WAIT);
    const items = await plan.locator('li').allTextContents();
    expect(items).toEqual([
      '1 pertanyaan ditarik dan dihapus seluruhnya.',
      '1 pertanyaan yang sudah dibahas di siaran tetap ada (bagian dari catatan siaran), tanpa nama dan asal Anda.',
      '1 usulan ditarik dan dihapus.',
      'Nama dan nomor telepon Anda dihapus dari 1 usulan.',
    ]);
    await page.getByTestId('erase-my-data').scrollIntoViewIfNeeded();
    await screenshot(page, 'erasure-listener-confirm');
    expect(await seriousA11yProblems(page)).toEqual([]);
    // The same confirmation in English.
    await page.getByRole('group', { name: 'Bahasa / Language' }).getByRole('button', { name: 'EN' }).click();
    expect(await plan.locator('li').first().textContent()).toBe('1 question withdrawn and deleted completely.');
    expect(await page.getByTestId('erase-confirm').textContent()).toContain('Yes, delete now');
    await page.getByRole('group', { name: 'Bahasa / Language' }).getByRole('button', { name: 'ID' }).click();
    // Nothing is gone before the listener confirms.
    expect(JSON.stringify(c.server.app.store.get(EPISODE))).toContain('Bu Wati Rahayu');

    await page.getByTestId('erase-confirm').click();
    await page.getByTestId('erase-done').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('mine').count(), WAIT).toBe(0);
    // The ask form forgets the name and place it still held.
    expect(await page.getByLabel('Nama (boleh dikosongkan)').inputValue()).toBe('');
    expect(await page.getByLabel('Desa/kecamatan (boleh dikosongkan)').inputValue()).toBe('');
    await screenshot(page, 'erasure-listener-done');
    await c.server.app.store.flush();
    await c.server.app.aspirations.flush();
    const files = (await readFile(join(c.server.dataDir, 'episodes', `${EPISODE}.json`), 'utf8')) + (await readFile(join(c.server.dataDir, 'aspirations.json'), 'utf8'));
    expect(files).not.toContain('Bu Wati Rahayu');
    expect(files).not.toContain('Kalisari');
    expect(files).not.toContain('Posyandu keliling');
    expect(files).toContain('Apakah ada bantuan bibit untuk kebun warga?');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kentongan.mine.')).map((k) => localStorage.getItem(k)).join(''))).not.toContain('Bu Wati');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a planner removes a contact on the desk, keeping the usulan', async () => {
    const other = await listener(c.url);
    sockets.push(other.socket);
    const u = await must(other.socket, 'aspiration:submit', { episodeId: EPISODE, text: 'Tambal jembatan bambu Tegalsari', problem: 'Papan lapuk', ...TEGALSARI, name: 'Pak Slamet Riyadi', phone: '0813 2222 1111', consent: true });
    const { ctx, page, errors } = await open(planner, '/planner');
    const row = page.locator(`tr[data-aspiration-id="${u.id}"]`);
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('Pak Slamet Riyadi');
    await row.getByTestId('contact-remove').click();
    await expect.poll(() => row.textContent(), WAIT).toContain('Hapus nama dan nomor telepon Pak Slamet Riyadi? Usulannya tetap ada.');
    await screenshot(page, 'erasure-planner-confirm');
    await row.getByTestId('contact-remove-yes').click();
    await expect.poll(() => row.textContent(), WAIT).not.toContain('Pak Slamet Riyadi');
    expect(await row.textContent()).toContain('Tambal jembatan bambu Tegalsari');
    await expect.poll(() => page.getByRole('status').first().textContent(), WAIT).toContain('Kontak pengusul sudah dihapus');
    await screenshot(page, 'erasure-planner-done');
    const r = await api(c.url, `/api/aspirations/${u.id}`, { cookie: planner });
    expect(r.json.aspiration).toMatchObject({ contact: null, text: 'Tambal jembatan bambu Tegalsari' });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the admin reads the audit log; a planner has no such view and the route refuses them', async () => {
    const { ctx, page, errors } = await open(c.admin, '/staff');
    await page.getByTestId('tab-audit').click();
    const log = page.getByTestId('audit-log');
    await log.waitFor(WAIT);
    await expect.poll(() => log.locator('tr[data-action="aspiration.removeContact"]').count(), WAIT).toBe(1);
    expect(await log.locator('tr[data-action="aspiration.removeContact"]').textContent()).toContain('Perencana BAPPEDA');
    expect(await log.locator('tr[data-action="question:air"]').count()).toBe(1);
    expect(await log.locator('tr[data-action="listener.erase"]').textContent()).toContain('Pendengar (tanpa nama)');
    const text = await log.textContent();
    for (const secret of ['Bu Wati', 'Slamet', '0813', 'Kalisari', 'jembatan']) expect(text, secret).not.toContain(secret);
    await screenshot(page, 'erasure-admin-audit');
    expect(errors).toEqual([]);
    await ctx.close();

    const p = await open(planner, '/staff');
    await p.page.getByTestId('planner-link').waitFor(WAIT);
    expect(await p.page.getByTestId('tab-audit').count()).toBe(0);
    expect((await api(c.url, '/api/audit', { cookie: planner })).status).toBe(403);
    await p.ctx.close();
  });
});
