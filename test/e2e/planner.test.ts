// The planner's desk and the district settings against a real server (with the sample
// district and usulan) and real Chromium, while listeners (real sockets) send and
// support usulan in a live episode: filter, search, merge, bulk status, notes, the CSV
// the musrenbang gets, and the admin's region import refusing a malformed line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, listener, must, signIn } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { plannerCookie } from '../support/planning.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { DeskView } from '../../server/contract/planner.ts';

const WAIT = { timeout: 10_000, interval: 50 };
const EPISODE = 'sample-draft-08';
const TEGALSARI = { kecamatan: '99.01.01', desa: '99.01.01.2002' };

const c = browserStudio({ sample: true });
let planner: string;
const listeners: Client[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  planner = await plannerCookie(c.url, c.admin);
  const started = await api(c.url, `/api/episodes/${EPISODE}/start`, { method: 'POST', cookie: c.admin });
  if (started.status !== 200) throw new Error(started.text);
  for (let i = 0; i < 3; i++) listeners.push((await listener(c.url)).socket);
  const [l1, l2, l3] = listeners as [Client, Client, Client];
  for (const l of listeners) await must(l, 'episode:join', { episodeId: EPISODE }); // supports need the episode joined
  const send = (l: Client, input: Record<string, unknown>) =>
    must(l, 'aspiration:submit', { episodeId: EPISODE, dimension: 'living', ...TEGALSARI, ...input } as never);
  ids.jalan = (await send(l1, { text: 'Perbaikan jalan berlubang di Tegalsari', problem: 'Jalan desa berlubang, motor sering jatuh.' })).id;
  ids.twin = (await send(l3, { text: 'Jalan Tegalsari yang berlubang ditambal', problem: 'Lubang jalan membahayakan anak sekolah.' })).id;
  ids.lampu = (await send(l2, {
    text: 'Lampu penerangan jalan di tikungan Krajan', problem: 'Tikungan gelap, rawan kecelakaan malam hari.', dimension: 'environment',
    name: 'Bu Warsini', phone: '0812 3456 7890', consent: true, rtRw: '3/5',
  })).id;
  // A cell that a spreadsheet would run as a formula.
  ids.spam = (await send(l3, { text: '=HYPERLINK("http://contoh.test","Klik promo pulsa")', problem: 'Promo', dimension: 'economy' })).id;
  // Listener 2 supports both duplicates: after the merge it must count once.
  for (const l of [l1, l2]) await must(l, 'aspiration:support', { aspirationId: ids.jalan });
  for (const l of [l2, l3]) await must(l, 'aspiration:support', { aspirationId: ids.twin });
});

afterAll(async () => {
  for (const l of listeners) l.disconnect();
});

async function desk(query = ''): Promise<DeskView[]> {
  return (await api(c.url, `/api/aspirations${query}`, { cookie: planner })).json.aspirations;
}

async function byId(id: string): Promise<DeskView> {
  return (await api(c.url, `/api/aspirations/${id}`, { cookie: planner })).json.aspiration;
}

async function open(cookie: string, path: string, phone = false) {
  const { ctx, page, errors } = await c.open(path, { cookie, phone });
  return { ctx, page, errors };
}

const rowIds = (page: Page) => page.locator('[data-testid=desk-table] tbody tr[data-aspiration-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-aspiration-id')));
const row = (page: Page, id: string | undefined) => page.locator(`tr[data-aspiration-id="${id}"]`);

/** Waits until the table shows exactly the rows the API gives for the same filters. */
async function tableMatches(page: Page, query: string): Promise<string[]> {
  const expected = (await desk(query)).map((a) => a.id);
  await expect.poll(() => rowIds(page), WAIT).toEqual(expected);
  return expected;
}

// One walk through the desk, as a planner works: ~25 s here, up to ~45 s on a busy two-core machine.
describe('the planner\'s desk', { timeout: 90_000 }, () => {
  it('filters, searches, merges duplicates, changes status in bulk, takes notes and exports the rows shown', async () => {
    // From the staff page, the planner finds the desk.
    const { ctx, page, errors } = await open(planner, '/staff');
    await page.click('[data-testid=planner-link]');
    await page.waitForURL('**/planner');
    await page.locator('[data-testid=desk-table]').waitFor();
    const all = await tableMatches(page, '');
    expect(all).toHaveLength(11); // the sample's 7 (one of them rejected) and the 4 new ones
    expect(all[0]).toBe((await desk())[0]!.id);

    // Counts: chart and table per dimension and per kecamatan, zeros included.
    const dims = page.locator('[data-testid=counts-dimension] table tbody tr');
    expect(await dims.count()).toBe(6);
    expect(await page.locator('[data-testid=counts-dimension] tfoot').innerText()).toMatch(/11/);
    expect(await page.locator('[data-testid=counts-kecamatan] .chart li').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Kaliwening\s+7 usulan/)]),
    );

    // Filters: dimension, kecamatan then desa, episode, date, and back.
    await page.selectOption('#f-dimension', 'living');
    await tableMatches(page, '?dimension=living');
    await page.selectOption('#f-kecamatan', '99.01.01');
    await page.selectOption('#f-desa', TEGALSARI.desa);
    const tegalsari = await tableMatches(page, `?dimension=living&kecamatan=99.01.01&desa=${TEGALSARI.desa}`);
    expect(tegalsari).toEqual(expect.arrayContaining([ids.jalan, ids.twin]));
    expect(page.url()).toContain('desa=99.01.01.2002');
    await page.click('button:has-text("Hapus saringan")');
    await tableMatches(page, '');
    await page.selectOption('#f-episode', EPISODE);
    expect(await tableMatches(page, `?episode=${EPISODE}`)).toHaveLength(4);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    await page.fill('#f-from', today);
    await page.locator('#f-from').dispatchEvent('change');
    expect(await tableMatches(page, `?episode=${EPISODE}&from=${today}`)).toHaveLength(4);
    await page.click('button:has-text("Hapus saringan")');

    // Full-text search, accent- and case-insensitive, every word.
    await page.fill('#f-q', 'JALAN bérlubang');
    expect(await tableMatches(page, '?q=jalan%20berlubang')).toEqual(expect.arrayContaining([ids.jalan, ids.twin]));

    // Merge the two duplicates; listener 2 supported both and counts once.
    await row(page, ids.jalan).locator('input[type=checkbox]').check();
    await row(page, ids.twin).locator('input[type=checkbox]').check();
    expect(await page.locator('[data-testid=selected-count]').innerText()).toBe('2 dipilih');
    await page.click('[data-testid=merge-start]');
    await page.locator('#merge-form').getByLabel(/Perbaikan jalan berlubang di Tegalsari/).check();
    await page.click('[data-testid=merge-confirm]');
    await expect.poll(async () => (await byId(ids.twin!)).status, WAIT).toBe('digabung');
    expect(await byId(ids.jalan!)).toMatchObject({ supports: 3, mergedFrom: [ids.twin] });
    expect((await byId(ids.twin!)).mergedInto).toBe(ids.jalan);
    await expect.poll(() => page.locator('[data-testid=flash-ok]').innerText(), WAIT).toContain('Dukungan sekarang 3');
    await expect.poll(() => rowIds(page), WAIT).toEqual([ids.jalan]);
    expect(await row(page, ids.jalan).locator('[data-testid=supports]').innerText()).toBe('3');
    // Merged ones are still there to see, with the status filter.
    await page.selectOption('#f-status', 'digabung');
    await expect.poll(() => row(page, ids.twin).innerText(), WAIT).toContain('Digabung ke: Perbaikan jalan berlubang di Tegalsari');
    await page.click('button:has-text("Hapus saringan")');
    await tableMatches(page, '');

    // Bulk status: two at once to "ditinjau"; "ditolak" is refused without a reason, then done with one.
    await row(page, ids.jalan).locator('input[type=checkbox]').check();
    await row(page, ids.lampu).locator('input[type=checkbox]').check();
    await page.selectOption('#bulk-status', 'ditinjau');
    await page.click('[data-testid=bulk] button[type=submit]');
    await page.click('#bulk-confirm-yes'); // the confirmation names both (see planner-bulk.test.ts)
    await expect.poll(async () => [(await byId(ids.jalan!)).status, (await byId(ids.lampu!)).status], WAIT).toEqual(['ditinjau', 'ditinjau']);
    await expect.poll(() => row(page, ids.lampu).locator('[data-testid=status]').innerText(), WAIT).toBe('Ditinjau');
    // Done: nothing stays ticked for the next action.
    expect(await page.locator('[data-testid=selected-count]').innerText()).toBe('0 dipilih');
    await row(page, ids.spam).locator('input[type=checkbox]').check();
    await page.selectOption('#bulk-status', 'ditolak');
    await page.click('[data-testid=bulk] button[type=submit]');
    expect(await page.locator('[data-testid=reason-problem]').innerText()).toBe('Alasan penolakan wajib diisi.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bulk-reason');
    expect((await byId(ids.spam!)).status).toBe('baru');
    await page.fill('#bulk-reason', 'Iklan, bukan usulan pembangunan.');
    await page.click('[data-testid=bulk] button[type=submit]');
    await page.click('#bulk-confirm-yes');
    await expect.poll(async () => (await byId(ids.spam!)).rejectReason, WAIT).toBe('Iklan, bukan usulan pembangunan.');
    await expect.poll(() => row(page, ids.spam).innerText(), WAIT).toContain('Alasan: Iklan, bukan usulan pembangunan.');

    // A planner's note.
    await row(page, ids.lampu).locator('button', { hasText: 'Catatan (0)' }).click();
    await page.fill(`#note-${ids.lampu}-text`, 'Cek ke Dinas Perhubungan: tiang PJU bisa masuk anggaran perubahan.');
    await page.click(`[data-testid=notes-${ids.lampu}] button[type=submit]`);
    await expect.poll(async () => (await byId(ids.lampu!)).notes.map((n) => n.text), WAIT).toEqual(['Cek ke Dinas Perhubungan: tiang PJU bisa masuk anggaran perubahan.']);
    await expect.poll(() => page.locator(`[data-testid=notes-${ids.lampu}]`).innerText(), WAIT).toContain('Perencana BAPPEDA');
    // Contact data only where the listener consented.
    expect(await row(page, ids.lampu).innerText()).toContain('0812-3456-7890');
    expect(await row(page, ids.jalan).innerText()).not.toMatch(/08\d\d-/);

    // The CSV: byte order mark, and exactly the rows of the table, in order.
    await page.selectOption('#f-dimension', 'living');
    const shown = await tableMatches(page, '?dimension=living');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(download.suggestedFilename()).toMatch(/^usulan-musrenbang_\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    // An id may start with "-" (nanoid's alphabet): the export keeps it inert with a "'".
    const idOf = (r: Record<string, string>) => r['ID Usulan']!.replace(/^'(?=-)/, '');
    expect(rows.map(idOf)).toEqual(shown);
    const texts = await page.locator('[data-testid=desk-table] tbody tr[data-aspiration-id] .usulan').allInnerTexts();
    expect(rows.map((r) => r.Usulan)).toEqual(texts);
    expect(rows.map((r) => r.No)).toEqual(shown.map((_, i) => String(i + 1)));
    expect(Object.keys(rows[0]!)).not.toContain('Nama Pengusul'); // personal data only when asked for

    // Excel in Indonesian: semicolons; with personal data when ticked; formulas inert.
    await page.selectOption('#f-dimension', '');
    await tableMatches(page, '');
    await page.check('[data-testid=export-personal]');
    const [excel] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv-semicolon]')]);
    const semi = parse(await readFile((await excel.path())!, 'utf8'), { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(semi.map(idOf)).toEqual(await rowIds(page));
    expect(semi.find((r) => idOf(r) === ids.lampu)).toMatchObject({ 'Nama Pengusul': 'Bu Warsini', 'Telepon Pengusul': '0812-3456-7890' });
    expect(semi.find((r) => idOf(r) === ids.spam)?.Usulan?.startsWith("'=")).toBe(true);
    // The table shows the same text as text, never as a link.
    expect(await row(page, ids.spam).locator('a').count()).toBe(0);

    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'planner-desktop');

    // English on request.
    await page.click('button[data-lang=en]');
    await expect.poll(() => page.locator('h1 .console-name').innerText(), WAIT).toMatch(/planner/i);
    await page.click('button[data-lang=id]');
    expect(errors).toEqual([]);
    await ctx.close();

    const small = await open(planner, '/planner', true);
    await small.page.locator('[data-testid=desk-table]').waitFor();
    await small.page.evaluate(() => scrollTo(0, 0));
    await screenshot(small.page, 'planner-phone');
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yProblems(small.page)).toEqual([]);
    await small.ctx.close();
  });

  it('refuses other roles and sends the signed-out to sign in', async () => {
    const anon = await open('', '/planner');
    await expect.poll(() => anon.page.locator('.problem').innerText(), WAIT).toContain('Masuk sebagai perencana atau admin');
    await anon.ctx.close();
    await api(c.url, '/api/staff', { method: 'POST', cookie: c.admin, body: { username: 'notulis', name: 'Notulis', role: 'notulis', password: 'sandi-notulis-1' } });
    const notulis = await open(await signIn(c.url, 'notulis', 'sandi-notulis-1'), '/planner');
    await expect.poll(() => notulis.page.locator('[data-testid=role-note-noview]').innerText(), WAIT).toContain('Peran Anda (Notulis) tidak bisa membuka meja perencana');
    await notulis.ctx.close();
  });
});

describe('the district settings', { timeout: 60_000 }, () => {
  it('the admin adds a seventh dimension and imports regions; a malformed CSV line is named and changes nothing', async () => {
    const { ctx, page, errors } = await open(c.admin, '/staff');
    await page.click('[data-testid=tab-district]');
    await page.locator('[data-testid=dimensions] li').first().waitFor();
    expect(await page.locator('[data-testid=dimensions] input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'Smart Governance', 'Smart Branding', 'Smart Economy', 'Smart Living', 'Smart Society', 'Smart Environment',
    ]);
    await page.click('button:has-text("Tambah dimensi")');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dim-6');
    await page.keyboard.type('Smart Culture');
    await page.click('[data-testid=district-form] button[type=submit]');
    await expect.poll(async () => (await api(c.url, '/api/district')).json.district.dimensions.length, WAIT).toBe(7);
    expect((await api(c.url, '/api/district')).json.district.dimensions[6]).toEqual({ code: 'culture', name: 'Smart Culture' });

    // A letter O instead of a zero on line 5: the server's message names the line.
    const before = (await api(c.url, '/api/district')).json.counts;
    await page.fill('#regions-paste', 'kode;nama\n99.01.01;Kaliwening\n99.01.01.1001;Kaliwening\n99.01.01.2001;Sumberrejo\n99.01.01.20O2;Tegalsari\n');
    await page.click('[data-testid=region-import] button[type=submit]');
    const shown = page.locator('[data-testid=region-import-error]');
    await expect.poll(() => shown.innerText(), WAIT).toContain('Baris 5');
    expect(await shown.innerText()).toContain('99.01.01.20O2');
    expect((await api(c.url, '/api/district')).json.counts).toEqual(before);

    // The full list with one more desa, from a file as a spreadsheet saves it.
    const current = (await api(c.url, '/api/district/regions.csv')).text;
    await page.setInputFiles('#regions-file', { name: 'wilayah.csv', mimeType: 'text/csv', buffer: Buffer.from(`${current}99.01.03.2004,Sukorejo\r\n`) });
    await page.click('[data-testid=region-import] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=regions-count]').innerText(), WAIT).toBe('3 kecamatan, 10 desa/kelurahan');
    expect(await shown.innerText()).toBe('');
    expect((await api(c.url, '/api/district')).json.counts).toEqual({ dimensions: 7, kecamatan: 3, desa: 10 });

    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'district-desktop');
    // The refused import's 400 is logged by Chromium itself; nothing else may be.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await ctx.close();

    const small = await open(c.admin, '/staff', true);
    await small.page.click('[data-testid=tab-district]');
    await small.page.locator('[data-testid=dimensions] li').nth(6).waitFor();
    await screenshot(small.page, 'district-phone');
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yProblems(small.page)).toEqual([]);
    expect(small.errors).toEqual([]);
    await small.ctx.close();
  });
});
