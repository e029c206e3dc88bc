// The admin switches a new station from the sample to its real kabupaten in real Chromium:
// province → kabupaten/kota from the official Kemendagri codes, a confirmation with the
// counts, then a rename and an addition in the region editor, then "Hapus contoh".
// Screenshots: test-output/screenshots/district-switch*.png (copied by hand to web/docs/).
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api } from '../support/server.ts';
import { seriousA11yProblems } from '../support/axe.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const c = browserStudio({ sample: true });

describe('own district in the staff settings', { timeout: 60_000 }, () => {
  it('switches from the sample to Kabupaten Sleman, edits a region, and removes the sample', async () => {
    const { ctx, page, errors } = await c.open('/staff', { cookie: c.admin });
    await page.click('[data-testid=tab-district]');
    await expect.poll(() => page.locator('[data-testid=sample-now]').innerText(), WAIT).toContain('Kabupaten Giriwangi (contoh), kode 99.01');
    await expect.poll(() => page.locator('#official-province option').count(), WAIT).toBe(39);

    await page.selectOption('#official-province', '34');
    await expect.poll(() => page.locator('#official-kabupaten option').count(), WAIT).toBe(6);
    await page.selectOption('#official-kabupaten', '34.04');
    const preview = page.locator('[data-testid=official-preview]');
    await expect.poll(() => preview.innerText(), WAIT).toBe('Kabupaten Sleman (34.04), Daerah Istimewa Yogyakarta: 17 kecamatan, 86 desa/kelurahan, zona WIB.');
    await page.click('[data-testid=official-use]');
    const confirm = page.locator('[data-testid=official-confirm]');
    const said = await confirm.innerText();
    expect(said).toContain('17 kecamatan dan 86 desa/kelurahan');
    expect(said).toContain('(3 kecamatan, 9 desa/kelurahan)');
    expect(said).toContain('Kabupaten Giriwangi (contoh) minggir');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'district-switch-confirm');

    await page.click('[data-testid=official-yes]');
    await expect.poll(() => page.locator('[data-testid=regions-count]').innerText(), WAIT).toBe('17 kecamatan, 86 desa/kelurahan');
    await expect.poll(() => page.locator('[data-testid=flash-ok]').innerText(), WAIT).toContain('Sekarang memakai Kabupaten Sleman: 17 kecamatan, 86 desa/kelurahan.');
    expect(await page.locator('[data-testid=sample-now]').count()).toBe(0);
    expect(await page.locator('[data-testid=current-now]').innerText()).toBe('Sekarang memakai Kabupaten Sleman (34.04).');
    expect(await page.inputValue('#official-kabupaten')).toBe('');
    expect(await page.inputValue('#district-name')).toBe('Kabupaten Sleman');
    const district = (await api(c.url, '/api/district')).json;
    expect([district.district.name, district.district.code, district.counts.kecamatan, district.counts.desa]).toEqual(['Kabupaten Sleman', '34.04', 17, 86]);
    // The sample usulan on the desk keep their place names.
    const desk = (await api(c.url, '/api/aspirations', { cookie: c.admin })).json.aspirations as Array<{ kecamatanName: string }>;
    expect(new Set(desk.map((a) => a.kecamatanName))).toEqual(new Set(['Kaliwening', 'Girimulyo', 'Lerengsari']));
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'district-switch');

    // Rename the first desa of Gamping in place, then add one.
    await page.locator('[data-testid=regions] details').first().locator('summary').click();
    await page.click('button[aria-label="Ubah nama: Balecatur (34.04.01.2001)"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rename-input');
    await page.fill('#rename-input', 'Balecatur Lor');
    await page.click('[data-testid=rename-form] button[type=submit]');
    await expect.poll(async () => (await api(c.url, '/api/district')).json.district.kecamatan[0].desa[0].name, WAIT).toBe('Balecatur Lor');
    await page.fill('#add-region-code', '34.04.01.2099');
    await page.fill('#add-region-name', 'Sidomulyo Baru');
    await page.click('[data-testid=region-add] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=regions-count]').innerText(), WAIT).toBe('17 kecamatan, 87 desa/kelurahan');
    await page.fill('#add-region-code', '34.04.01.2099');
    await page.fill('#add-region-name', 'Lagi');
    await page.click('[data-testid=region-add] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=region-add-error]').innerText(), WAIT).toContain('sudah ada');

    // Hapus contoh: the confirmation names what goes.
    await page.click('[data-testid=sample-remove]');
    const what = await page.locator('[data-testid=sample-confirm]').innerText();
    expect(what).toContain('“Air bersih untuk desa-desa di lereng gunung”');
    expect(what).toContain('“Jalan desa rusak: siapa yang memperbaiki?”');
    expect(what).toMatch(/\d+ usulan contoh/);
    expect(what).toContain('Kabupaten Giriwangi (contoh), kode 99.01, yang sudah minggir');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'district-sample-remove');
    await page.click('[data-testid=sample-yes]');
    await expect.poll(() => page.locator('[data-testid=sample-removal]').count(), WAIT).toBe(0);
    expect((await api(c.url, '/api/district/sample', { cookie: c.admin })).json.sample).toBeNull();
    expect((await api(c.url, '/api/aspirations', { cookie: c.admin })).json.aspirations).toEqual([]);
    // The duplicate's 409 is logged by Chromium itself; nothing else may be.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    await ctx.close();
  });
});
