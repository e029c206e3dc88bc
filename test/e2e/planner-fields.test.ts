// Issue 10 §3: volume, satuan, perkiraan biaya and OPD tujuan were exported but could not
// be filled anywhere. In real Chromium on a real server with the sample: the admin keeps
// the OPD list on the staff page, the planner fills the fields on a row (errors in words
// next to the field), filters by "Dukungan minimal", and the CSV carries both.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { context, screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api } from '../support/server.ts';
import { plannerCookie } from '../support/planning.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { DeskView } from '../../server/contract/planner.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const c = browserStudio({ sample: true });
let planner: string;

beforeAll(async () => {
  planner = await plannerCookie(c.url, c.admin);
});

async function desk(query = ''): Promise<DeskView[]> {
  return (await api(c.url, `/api/aspirations${query}`, { cookie: planner })).json.aspirations;
}
const row = (page: Page, id: string) => page.locator(`tr[data-aspiration-id="${id}"]`);
const rowIds = (page: Page) => page.locator('[data-testid=desk-table] tbody tr[data-aspiration-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-aspiration-id')));

describe('the planner fills volume, satuan, perkiraan biaya and OPD tujuan', { timeout: 90_000 }, () => {
  it('the admin adds an OPD; a doubled name is refused in words and changes nothing', async () => {
    const { ctx, page, errors } = await c.open('/staff', { cookie: c.admin });
    await page.click('[data-testid=tab-district]');
    const list = page.locator('#opd-list');
    await list.waitFor();
    expect((await list.inputValue()).split('\n')).toContain('Dinas PUPR');
    const before = (await api(c.url, '/api/opd')).json.opd as string[];

    await list.fill(`${await list.inputValue()}\ndinas pupr`);
    await page.click('[data-testid=opd-settings] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=opd-problem]').innerText(), WAIT).toContain('"dinas pupr" tertulis dua kali');
    expect((await api(c.url, '/api/opd')).json.opd).toEqual(before);

    await list.fill([...before, 'Dinas Perikanan'].join('\n'));
    await page.click('[data-testid=opd-settings] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=flash-ok]').innerText(), WAIT).toContain(`Daftar OPD disimpan (${before.length + 1} OPD)`);
    expect((await api(c.url, '/api/opd')).json.opd).toEqual([...before, 'Dinas Perikanan']);
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await ctx.close();
  });

  it('fills the fields on a row, shows rupiah as "Rp 15.000.000", refuses bad values in words, filters by support and exports both', async () => {
    const { ctx, page, errors } = await c.open('/planner', { cookie: planner });
    const [first, second] = await desk();
    await row(page, first!.id).waitFor();

    // The top usulan: typed as people write it.
    await row(page, first!.id).locator('[data-testid=plan-open]').click();
    const form = page.locator(`[data-testid=plan-${first!.id}]`);
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`plan-${first!.id}-volume`);
    await form.getByLabel('Volume').fill('12,5');
    await form.getByLabel('Satuan').fill('Meter');
    await form.getByLabel('Perkiraan biaya (Rp)').fill('15000000');
    await form.getByLabel('OPD tujuan').focus(); // leaving the field shows the amount as documents write it
    await expect.poll(() => form.getByLabel('Perkiraan biaya (Rp)').inputValue(), WAIT).toBe('Rp 15.000.000');
    expect(await form.locator('#plan-' + first!.id + '-opd option').allInnerTexts()).toContain('Dinas Perikanan');
    await form.getByLabel('OPD tujuan').selectOption('Dinas PUPR');
    await form.locator('button[type=submit]').click();
    await expect.poll(async () => (await desk()).find((a) => a.id === first!.id)?.plan, WAIT)
      .toEqual({ volume: 12.5, satuan: 'meter', perkiraanBiaya: 15_000_000, opdTujuan: 'Dinas PUPR' });
    await expect.poll(() => row(page, first!.id).locator('[data-testid=plan-summary]').innerText(), WAIT).toMatch(/12,5 meter\s+Rp 15\.000\.000\s+Dinas PUPR/);
    await expect.poll(() => page.locator('[data-testid=flash-ok]').innerText(), WAIT).toBe('Rencana usulan disimpan.');

    // The second: wrong values get words next to their field, the first wrong one gets focus, nothing is saved.
    await row(page, second!.id).locator('[data-testid=plan-open]').click();
    const bad = page.locator(`[data-testid=plan-${second!.id}]`);
    await bad.getByLabel('Volume').fill('-3');
    await bad.getByLabel('Satuan').fill('unit');
    await bad.getByLabel('Perkiraan biaya (Rp)').fill('Rp 15.000,50');
    await bad.locator('button[type=submit]').click();
    await expect.poll(() => bad.locator('[data-testid=plan-problem-volume]').innerText(), WAIT).toContain('Angkanya harus lebih dari nol.');
    expect(await bad.locator('[data-testid=plan-problem-biaya]').innerText()).toContain('Tulis dalam rupiah penuh, tanpa sen.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`plan-${second!.id}-volume`);
    expect(await bad.getByLabel('Volume').getAttribute('aria-invalid')).toBe('true');
    expect((await desk()).find((a) => a.id === second!.id)?.plan).toEqual({ volume: null, satuan: null, perkiraanBiaya: null, opdTujuan: null });
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'planner-desk-fields');
    await bad.getByRole('button', { name: 'Tutup' }).click();

    // "Dukungan minimal": the table, the address bar and the export links follow it.
    await page.fill('[data-testid=f-min-support]', '10');
    const expected = (await desk('?minSupport=10')).map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan((await desk()).length);
    await expect.poll(() => rowIds(page), WAIT).toEqual(expected);
    expect(page.url()).toContain('minSupport=10');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const rows = parse(await readFile((await download.path())!, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['ID Usulan']!.replace(/^'(?=-)/, ''))).toEqual(expected);
    expect(rows.find((r) => r['ID Usulan']!.replace(/^'(?=-)/, '') === first!.id)).toMatchObject({
      Volume: '12.5', Satuan: 'meter', 'Perkiraan Biaya': '15000000', 'OPD Tujuan': 'Dinas PUPR',
    });
    // Not a number: said next to the field, and no minimum is applied.
    await page.fill('[data-testid=f-min-support]', 'sepuluh');
    await expect.poll(() => page.locator('#f-min-problem').innerText(), WAIT).toBe('Tulis angka bulat, mis. 5.');
    await expect.poll(async () => (await rowIds(page)).length, WAIT).toBe((await desk()).length);
    expect(errors).toEqual([]);
    await ctx.close();

    // On a phone the plan fields stack and nothing runs off the side.
    const small = await context(c.browser, c.url, { cookie: planner, phone: true });
    const phone = await small.newPage();
    await phone.goto('/planner');
    await row(phone, first!.id).locator('[data-testid=plan-open]').click();
    await phone.locator(`[data-testid=plan-${first!.id}]`).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.locator(`[data-testid=plan-${first!.id}]`).scrollIntoViewIfNeeded();
    await phone.locator(`tr[data-aspiration-id="${first!.id}"]`).screenshot({ path: 'test-output/screenshots/planner-fields-phone-row.png' });
    await phone.locator(`#plan-row-${first!.id}`).screenshot({ path: 'test-output/screenshots/planner-fields-phone.png' });
    expect(await seriousA11yProblems(phone)).toEqual([]);
    await small.close();
  });
});
