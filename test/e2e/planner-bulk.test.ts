// Field-trial bug (issue 10 §2): the planner's bulk status change hit earlier selections.
// Tick A → "Ditinjau"; tick B → "Diteruskan" changed A and B; tick C → "Ditolak" with a
// reason sent the reason to A's listener too. Real server, real listener sockets (the
// submitters, who hear about their own usulan), real Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { plannerCookie } from '../support/planning.ts';
import type { AspirationView, DeskView } from '../../server/contract/planner.ts';

const WAIT = { timeout: 10_000, interval: 50 };
const EPISODE = 'sample-draft-08';
const PLACE = { dimension: 'living', kecamatan: '99.01.01', desa: '99.01.01.2002' };

const c = browserStudio({ sample: true });
let planner: string;
const sockets: Client[] = [];
const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
/** What each submitter's own page was told about their usulan ('aspiration:mine'). */
const heard: Record<'a' | 'b' | 'c', AspirationView[]> = { a: [], b: [], c: [] };

beforeAll(async () => {
  const admin = c.admin;
  planner = await plannerCookie(c.url, admin);
  const started = await api(c.url, `/api/episodes/${EPISODE}/start`, { method: 'POST', cookie: admin });
  if (started.status !== 200) throw new Error(started.text);
  const texts = { a: 'Saluran air Dusun Krajan dibersihkan', b: 'Posyandu Tegalsari diberi timbangan baru', c: 'Gapura desa dicat ulang' };
  for (const key of ['a', 'b', 'c'] as const) {
    const { socket } = await listener(c.url);
    sockets.push(socket);
    await must(socket, 'episode:join', { episodeId: EPISODE });
    ids[key] = (await must(socket, 'aspiration:submit', { episodeId: EPISODE, ...PLACE, text: texts[key], problem: 'Usulan warga.' })).id;
    socket.on('aspiration:mine', ({ aspiration }) => heard[key].push(aspiration));
  }
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
});

async function byId(id: string): Promise<DeskView> {
  return (await api(c.url, `/api/aspirations/${id}`, { cookie: planner })).json.aspiration;
}

const row = (page: Page, id: string) => page.locator(`tr[data-aspiration-id="${id}"]`);
/** The page has taken in the answer (its list reloaded), not only the server. */
const shows = (page: Page, id: string, status: string) => expect.poll(() => row(page, id).locator('[data-testid=status]').innerText(), WAIT).toBe(status);
const statuses = async () => Promise.all([ids.a, ids.b, ids.c].map(async (id) => (await byId(id)).status));

describe('bulk status on the planner\'s desk', { timeout: 60_000 }, () => {
  it('changes only the usulan ticked for this action, names them before, and clears the selection after', async () => {
    const { ctx, page, errors } = await c.open('/planner', { cookie: planner });
    await row(page, ids.a).waitFor();

    // A → Ditinjau.
    await row(page, ids.a).locator('input[type=checkbox]').check();
    await page.selectOption('#bulk-status', 'ditinjau');
    await page.click('[data-testid=bulk] button[type=submit]');
    await confirmIfAsked(page, [ids.a], ['baru', 'baru', 'baru']);
    await expect.poll(statuses, WAIT).toEqual(['ditinjau', 'baru', 'baru']);
    await shows(page, ids.a, 'Ditinjau');
    // After the action, what stays ticked (checked at the end: nothing).
    const ticked = [await page.locator('[data-testid=desk-table] tbody input[type=checkbox]:checked').count()];

    // B → Diteruskan: A stays "Ditinjau".
    await row(page, ids.b).locator('input[type=checkbox]').check();
    await page.selectOption('#bulk-status', 'diteruskan');
    await page.click('[data-testid=bulk] button[type=submit]');
    await confirmIfAsked(page, [ids.b], ['ditinjau', 'baru', 'baru']);
    await expect.poll(statuses, WAIT).toEqual(['ditinjau', 'diteruskan', 'baru']);
    await shows(page, ids.b, 'Diteruskan ke musrenbang');
    ticked.push(await page.locator('[data-testid=desk-table] tbody input[type=checkbox]:checked').count());

    // C → Ditolak with a reason: only C's listener hears the reason.
    await row(page, ids.c).locator('input[type=checkbox]').check();
    await page.selectOption('#bulk-status', 'ditolak');
    await page.fill('#bulk-reason', 'Bukan kewenangan kabupaten.');
    await page.click('[data-testid=bulk] button[type=submit]');
    await confirmIfAsked(page, [ids.c], ['ditinjau', 'diteruskan', 'baru']);
    await expect.poll(statuses, WAIT).toEqual(['ditinjau', 'diteruskan', 'ditolak']);
    await shows(page, ids.c, 'Ditolak');
    await expect.poll(() => heard.c.at(-1)?.rejectReason, WAIT).toBe('Bukan kewenangan kabupaten.');
    expect(heard.a.map((a) => a.status)).toEqual(['ditinjau']);
    expect(heard.a.some((a) => a.rejectReason)).toBe(false);
    expect(heard.b.map((a) => a.status)).toEqual(['diteruskan']);
    expect((await byId(ids.a)).rejectReason).toBeNull();
    ticked.push(await page.locator('[data-testid=desk-table] tbody input[type=checkbox]:checked').count());
    expect(ticked).toEqual([0, 0, 0]);
    expect(await page.locator('[data-testid=selected-count]').innerText()).toBe('0 dipilih');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('names every usulan in the confirmation, and lets a row change its own status', async () => {
    const { ctx, page, errors } = await c.open('/planner', { cookie: planner });
    await row(page, ids.a).waitFor();

    // Two ticked: the confirmation names both (text and id) and the count; "Batal" changes nothing.
    await row(page, ids.a).locator('input[type=checkbox]').check();
    await row(page, ids.b).locator('input[type=checkbox]').check();
    await page.selectOption('#bulk-status', 'baru');
    await page.click('[data-testid=bulk] button[type=submit]');
    const dialog = page.locator('[data-testid=bulk-confirm]');
    await dialog.waitFor();
    expect(await dialog.locator('h3').innerText()).toBe('Ubah status usulan berikut menjadi “Baru”? (2 usulan)');
    // In the table's order (the same support, oldest first).
    expect(await dialog.locator('[data-testid=bulk-confirm-item]').allInnerTexts()).toEqual([
      `Saluran air Dusun Krajan dibersihkan ${ids.a}`, `Posyandu Tegalsari diberi timbangan baru ${ids.b}`,
    ]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bulk-confirm-yes');
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'planner-bulk-confirm');
    // Unticking one while asked makes the question stale: it closes, nothing changes.
    await row(page, ids.b).locator('input[type=checkbox]').uncheck();
    await dialog.waitFor({ state: 'detached' });
    expect(await statuses()).toEqual(['ditinjau', 'diteruskan', 'ditolak']);
    await row(page, ids.a).locator('input[type=checkbox]').uncheck();

    // A row's own control: "Ditolak" wants the reason, then changes that row only.
    await row(page, ids.b).locator('input[type=checkbox]').check(); // ticked for something else: untouched
    await row(page, ids.a).locator('[data-testid=row-status]').click();
    await row(page, ids.a).locator('select').selectOption('ditolak');
    await row(page, ids.a).locator('[data-testid=row-status-form] button[type=submit]').click();
    await expect.poll(() => row(page, ids.a).locator('.field-error').innerText(), WAIT).toBe('Alasan penolakan wajib diisi.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`row-status-${ids.a}-reason`);
    await row(page, ids.a).locator(`#row-status-${ids.a}-reason`).fill('Sudah dikerjakan desa tahun ini.');
    await row(page, ids.a).locator('[data-testid=row-status-form] button[type=submit]').click();
    await expect.poll(statuses, WAIT).toEqual(['ditolak', 'diteruskan', 'ditolak']);
    await shows(page, ids.a, 'Ditolak');
    await expect.poll(() => heard.a.at(-1)?.rejectReason, WAIT).toBe('Sudah dikerjakan desa tahun ini.');
    expect(heard.b.map((a) => a.status)).toEqual(['diteruskan']);
    expect(await row(page, ids.b).locator('input[type=checkbox]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

/**
 * The confirmation names what it will change; the test reads it and confirms. Before the
 * fix there was no confirmation: the click changed statuses at once, so this waits for
 * whichever comes first, the confirmation or a change on the server, and the statuses
 * are then checked by the test.
 */
async function confirmIfAsked(page: Page, expected: string[], before: string[]): Promise<void> {
  const dialog = page.locator('[data-testid=bulk-confirm]');
  let asked = false;
  await expect.poll(async () => (asked = await dialog.isVisible()) || (await statuses()).join() !== before.join(), WAIT).toBe(true);
  if (!asked) return;
  expect(await dialog.locator('[data-testid=bulk-confirm-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(expected);
  await dialog.locator('button[type=submit]').click();
}
