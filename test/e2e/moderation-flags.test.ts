// The moderation flags as the crew meets them, in real Chromium against a real server, with
// listeners as real sockets. Pre-moderation is off: an insult is held for the screener with
// its reason on the card, and is on no listener's page; a clean question goes straight to the
// queue with no chip; the screener approves the insult anyway (one click) and the host sees
// its chip in the queue and on air, while the listener's page never shows a flag. A spam
// usulan carries its chips on the screener's list and the planner's desk, and the screener
// rejects it. The admin saves the word lists; a too-short word is refused in the server's
// words with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openListener, screenshot, settle } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import type { OpenedPage } from '../support/e2e.ts';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';
import { plannerCookie } from '../support/planning.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { StaffSnapshot } from '../../server/contract/views.ts';

const WAIT = { timeout: 10_000, interval: 50 };
const INSULT = 'Dasar pejabat goblok, anjing semua!';
const CLEAN = 'Kapan jalan di RT 03/05 diperbaiki?';
const SPAM_USULAN = 'BELI PULSA MURAH!!! Hubungi wa.me/6281234567890';
// The sample district's codes (Kabupaten Giriwangi).
const PLACE = { dimension: 'living', kecamatan: '99.01.01', desa: '99.01.01.2002' };

const c = browserStudio({ sample: true }, { crew: true });
let ep: { id: string; code: string };
let planner: string;
const sockets: Client[] = [];
const ids: Record<string, string> = {};
let screener: OpenedPage;
let host: OpenedPage;
let fanPage: OpenedPage;

/** A listener socket of its own for each message: one sender posting fast is a flag of its own. */
async function fan(): Promise<Client> {
  const { socket } = await listener(c.url);
  await must(socket, 'episode:join', { code: ep.code });
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie, { ...SHOW_EPISODE, premoderation: false });
  planner = await plannerCookie(c.url, c.admin);
  [screener, host, fanPage] = await Promise.all([
    c.open(`/screener/${ep.id}`, { cookie: c.screenerCookie, console: true }),
    c.open(`/host/${ep.id}`, { cookie: c.hostCookie, console: true }),
    c.open(null, { phone: true }),
  ]);
  await openListener(fanPage.page, ep.code);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all([screener, host, fanPage].map((p) => p?.close()));
});

async function snapshot(): Promise<StaffSnapshot> {
  return (await api(c.url, `/api/episodes/${ep.id}`, { cookie: c.admin })).json as StaffSnapshot;
}

const card = (page: Page, id: string | undefined): Locator => page.locator(`article[data-question-id="${id}"]`);
const chips = (where: Locator): Promise<string[]> => where.locator('[data-testid=flag]').allInnerTexts();

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => scrollTo(0, 0));
  await screenshot(page, name);
}

describe('moderation flags on the consoles', { timeout: 90_000 }, () => {
  it('holds an insult with its reason for the screener, off every listener page, while a clean question goes to the queue', async () => {
    const insult = await must(await fan(), 'question:ask', { episodeId: ep.id, text: INSULT, name: 'Anonim', location: 'Pasar' });
    const clean = await must(await fan(), 'question:ask', { episodeId: ep.id, text: CLEAN, name: 'Bu Sri', location: 'Desa Tegalsari' });
    expect([insult.status, clean.status]).toEqual(['pending', 'approved']);
    ids.insult = insult.id;
    ids.clean = clean.id;

    const s = screener.page;
    const held = s.locator('[data-testid=flagged-group]');
    await expect.poll(() => held.locator('h3').innerText(), WAIT).toBe('Ditahan untuk dicek: tidak langsung tayang (1)');
    expect(await chips(s.locator('[data-testid=pending-flagged]').locator(`article[data-question-id="${insult.id}"]`))).toEqual(['kata kasar: goblok, anjing']);
    // Nothing else waits, so there is no group of unflagged ones; the clean question is queued, without a chip.
    expect(await s.locator('[data-testid=pending]').count()).toBe(0);
    await card(s, clean.id).waitFor();
    expect(await s.locator('[data-testid=approved]').locator(`article[data-question-id="${clean.id}"]`).count()).toBe(1);
    expect(await chips(card(s, clean.id))).toEqual([]);
    expect(await card(s, insult.id).locator('button', { hasText: 'Setujui' }).count()).toBe(1);

    // The listener sees the clean question and nothing of the insult; the host's queue neither.
    const f = fanPage.page;
    await f.getByText(CLEAN).waitFor(WAIT);
    await expect.poll(() => host.page.locator('[data-testid=list-queue] .qtext').allInnerTexts(), WAIT).toEqual([CLEAN]);
    await settle(f);
    expect(await f.locator('body').innerText()).not.toContain('goblok');
    expect(await chips(host.page.locator('[data-testid=list-queue]'))).toEqual([]);

    expect(screener.errors).toEqual([]);
    expect(await seriousA11yProblems(s)).toEqual([]);
    await shoot(s, 'flags-screener-held');
  });

  it('lets the screener approve it anyway in one click; the host sees its chip in the queue and on air, listeners never a flag', async () => {
    const s = screener.page;
    await card(s, ids.insult).locator('button', { hasText: 'Setujui' }).click();
    await expect.poll(async () => (await snapshot()).questions.find((q) => q.id === ids.insult)?.status, WAIT).toBe('approved');
    await expect.poll(() => s.locator('[data-testid=flagged-group]').count(), WAIT).toBe(0);
    // It keeps its reason in the screener's queue too.
    expect(await chips(s.locator('[data-testid=approved]').locator(`article[data-question-id="${ids.insult}"]`))).toEqual(['kata kasar: goblok, anjing']);

    const h = host.page;
    const row = h.locator(`[data-testid=list-queue] [data-question-id="${ids.insult}"]`);
    await row.waitFor(WAIT);
    expect(await chips(row)).toEqual(['kata kasar: goblok, anjing']);
    expect(await chips(h.locator(`[data-testid=list-queue] [data-question-id="${ids.clean}"]`))).toEqual([]);
    await shoot(h, 'flags-host-queue');

    await row.locator('button', { hasText: 'Udarakan' }).click();
    await expect.poll(() => h.locator('[data-testid=on-air]').innerText(), WAIT).toBe(INSULT);
    expect(await chips(h.locator('section.onair'))).toEqual(['kata kasar: goblok, anjing']);
    await expect.poll(() => chips(s.locator('[data-testid=screener-on-air]')), WAIT).toEqual(['kata kasar: goblok, anjing']);
    expect(await seriousA11yProblems(h)).toEqual([]);
    await shoot(h, 'flags-host-on-air');

    // Approved, the listener now sees the question, never why it was flagged.
    const f = fanPage.page;
    await f.getByText(INSULT).first().waitFor(WAIT);
    expect(await f.locator('body').innerText()).not.toContain('kata kasar');
    expect(await f.locator('[data-testid=flag]').count()).toBe(0);
    expect([...host.errors, ...fanPage.errors]).toEqual([]);
  });

  it('words the chips in English for an English reader', async () => {
    const en = await c.open(null, { cookie: c.screenerCookie });
    await en.page.addInitScript(() => localStorage.setItem('kentongan.lang', 'en'));
    await en.page.goto(`/host/${ep.id}`);
    const onAir = en.page.locator('section.onair [data-testid=flag]');
    await onAir.first().waitFor(WAIT);
    expect(await onAir.allInnerTexts()).toEqual(['abusive words: goblok, anjing']);
    await en.close();
  });

  it('shows a spam usulan\'s chips on the screener\'s list and the planner\'s desk; the screener rejects it with a reason that does not repeat it', async () => {
    const u = await must(await fan(), 'aspiration:submit', { episodeId: ep.id, text: SPAM_USULAN, problem: 'Promo terbatas hari ini', ...PLACE });
    const clean = await must(await fan(), 'aspiration:submit', { episodeId: ep.id, text: 'Perbaikan saluran air di Tegalsari', problem: 'Sawah kering saat kemarau.', ...PLACE });
    const s = screener.page;
    const list = s.locator('[data-testid=flagged-usulan]');
    const item = list.locator(`li[data-aspiration-id="${u.id}"]`);
    await item.waitFor(WAIT);
    expect(await chips(item)).toEqual(['tautan', 'nomor telepon', 'promosi: pulsa']);
    expect(await list.locator(`li[data-aspiration-id="${clean.id}"]`).count()).toBe(0);
    await shoot(s, 'flags-screener-usulan');

    const desk = await c.open('/planner', { cookie: planner });
    const deskRow = desk.page.locator(`tr[data-aspiration-id="${u.id}"]`);
    await deskRow.waitFor(WAIT);
    expect(await chips(deskRow)).toEqual(['tautan', 'nomor telepon', 'promosi: pulsa']);
    expect(await chips(desk.page.locator(`tr[data-aspiration-id="${clean.id}"]`))).toEqual([]);
    await shoot(desk.page, 'flags-planner-desk');
    await deskRow.screenshot({ path: 'test-output/screenshots/flags-planner-row.png' });
    expect(desk.errors).toEqual([]);
    await desk.close();

    await item.locator('button', { hasText: 'Tolak…' }).click();
    expect(await s.locator(`#fu-${u.id}-reason`).inputValue()).toBe('Berisi promosi atau spam.');
    await item.locator('button[type=submit]').click();
    await expect.poll(() => item.count(), WAIT).toBe(0);
    const stored = (await api(c.url, `/api/aspirations/${u.id}`, { cookie: planner })).json.aspiration;
    expect(stored).toMatchObject({ status: 'ditolak', rejectReason: 'Berisi promosi atau spam.' });
    // The list is drawn only while something is flagged.
    expect(await list.count()).toBe(0);
    expect(screener.errors).toEqual([]);
  });

  it('lets the admin save the word lists and refuses a too-short word in the server\'s words, saving nothing', async () => {
    const { page, errors, close } = await c.open('/staff', { cookie: c.admin });
    await page.locator('[data-testid=tab-moderation]').click();
    const add = page.locator('#mw-add');
    await add.waitFor(WAIT);
    expect(await add.inputValue()).toBe('');
    await add.fill('kampungan\n\n  ndeso  ');
    await page.locator('#mw-remove').fill('kampret');
    await page.locator('[data-testid=moderation-words] button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=flash-ok]').innerText(), WAIT).toBe('Daftar kata disimpan: 2 kata tambahan, 1 kata tidak ditandai.');
    expect(await add.inputValue()).toBe('kampungan\nndeso');
    const saved = { add: ['kampungan', 'ndeso'], remove: ['kampret'] };
    expect((await api(c.url, '/api/moderation/words', { cookie: c.admin })).json).toEqual(saved);

    // What arrives next follows the lists.
    const a = await must(await fan(), 'question:ask', { episodeId: ep.id, text: 'Acara ini kampungan sekali' });
    const b = await must(await fan(), 'question:ask', { episodeId: ep.id, text: 'Lampu jalan desa kami mati, dasar kampret semua' });
    const questions = (await snapshot()).questions;
    expect(questions.find((q) => q.id === a.id)?.flags).toEqual(['kata kasar: kampungan']);
    expect(questions.find((q) => q.id === b.id)).not.toHaveProperty('flags');

    await add.fill('kampungan\nok');
    await page.locator('[data-testid=moderation-words] button[type=submit]').click();
    const problem = page.locator('[data-testid=moderation-words-problem]');
    await problem.waitFor(WAIT);
    expect(await problem.innerText()).toBe('Daftar kata tidak valid; tidak ada yang diubah. "ok": 3 sampai 40 huruf.');
    // The list holding the refused word is marked and focused; the earlier success is gone.
    expect(await add.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#mw-remove').getAttribute('aria-invalid')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mw-add');
    expect(await page.locator('[data-testid=flash-ok]').innerText()).toBe('');
    expect((await api(c.url, '/api/moderation/words', { cookie: c.admin })).json).toEqual(saved);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'flags-admin-words');
    // Typing again clears the refusal, which was about what was sent.
    await add.press('End');
    await add.type('x');
    expect(await problem.count()).toBe(0);
    // A word in both lists: both are marked.
    await add.fill('kampungan\nKampret');
    await page.locator('[data-testid=moderation-words] button[type=submit]').click();
    await problem.waitFor(WAIT);
    expect(await problem.innerText()).toBe('Daftar kata tidak valid; tidak ada yang diubah. "Kampret" ada di kedua daftar.');
    expect([await add.getAttribute('aria-invalid'), await page.locator('#mw-remove').getAttribute('aria-invalid')]).toEqual(['true', 'true']);
    expect((await api(c.url, '/api/moderation/words', { cookie: c.admin })).json).toEqual(saved);
    // The refused PUTs are the browser's only console lines; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 400 (Bad Request)'))).toEqual([]);
    expect(errors).toHaveLength(2);
    await close();
  });
});
