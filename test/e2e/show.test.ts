// A whole episode in one real server and one Chromium, every person in their own browser
// context as at a real show: two listeners on phones (one joins by the code typed on the
// home page, one by the link), the screener, the host and the notulis at their desks, and
// the studio screen. Everything is done through the pages; each page is checked for what
// that person should see, and the Markdown the notulis downloads at the end for the show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, PHONE, context, screenshot, watchErrors } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, signIn } from '../support/server.ts';
import { SHOW_EPISODE } from '../support/show.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import { escapeInline } from '../../server/domain/notula/escape.ts';
import type { StaffSnapshot } from '../../server/contract/views.ts';

const WAIT = { timeout: 10_000, interval: 50 };

// Listener A's question carries Markdown and HTML characters: text on every page, escaped in the notula.
const QA = 'Apakah plastik *kresek* dan <b>styrofoam</b> diterima bank sampah desa?';
const QB = 'Kapan truk sampah mulai masuk ke Pasar Kalisari setiap pagi?';
const QP = 'Penelepon: berapa harga kompos dari TPS 3R per karung?';
const NOTE_1 = 'Harga kompos TPS 3R Rp15 ribu per karung, bisa dipesan lewat kader desa';
const NOTE_2 = 'Bank sampah menerima kompos titipan warga dan membantu menjualnya ke petani';
const NOTE_3 = 'Kresek dan styrofoam belum diterima karena belum ada pembeli; pilah dan simpan dulu';
const CLOSING = 'Pilah sampah dari rumah, setor ke bank sampah terdekat.';

const c = browserStudio();
let ep: { id: string; code: string };
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  for (const role of ['host', 'screener', 'notulis'] as const) {
    const r = await api(c.url, '/api/staff', { method: 'POST', cookie: c.admin, body: { username: role, name: `Petugas ${role}`, role, password: `sandi-${role}-123` } });
    if (r.status !== 201) throw new Error(`create ${role}: ${r.text}`);
  }
  // Pre-moderation on: web questions wait for the screener.
  const created = await api(c.url, '/api/episodes', { method: 'POST', cookie: c.admin, body: { ...SHOW_EPISODE, premoderation: true } });
  if (created.status !== 201) throw new Error(`create episode: ${created.text}`);
  ep = { id: created.json.episode.id, code: created.json.episode.code };
  const started = await api(c.url, `/api/episodes/${ep.id}/start`, { method: 'POST', cookie: c.admin });
  if (started.status !== 200) throw new Error(`start: ${started.text}`);
});

afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => {});
});

interface Person { page: Page; errors: string[] }

async function person(opts: { phone?: boolean; cookie?: string } = {}): Promise<Person> {
  const ctx = await context(c.browser, c.url, opts);
  contexts.push(ctx);
  const page = await ctx.newPage();
  return { page, errors: watchErrors(page) };
}

async function staffCookie(role: string): Promise<string> {
  return signIn(c.url, role, `sandi-${role}-123`);
}

async function consoleOnline(page: Page): Promise<void> {
  await page.locator('[data-testid=connection]', { hasText: 'Terhubung' }).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=episode-status]').waitFor();
}

async function listenerReady(page: Page): Promise<void> {
  await page.locator('main[data-ready]').waitFor({ timeout: 20_000 });
  await page.locator('[data-testid=connection][data-status=online]').waitFor({ state: 'attached', timeout: 15_000 });
}

async function snapshot(): Promise<StaffSnapshot> {
  return (await api(c.url, `/api/episodes/${ep.id}`, { cookie: c.admin })).json as StaffSnapshot;
}

function queued(page: Page, text: string): Locator {
  return page.locator('#queue li', { hasText: text });
}

function voteButton(scope: Locator): Locator {
  return scope.getByRole('button', { name: /^(Dukung|Didukung) \d+ dukungan$/ });
}

async function votesShown(page: Page, text: string): Promise<string> {
  return (await queued(page, text).getByTestId('votes').textContent())?.trim() ?? '';
}

function mine(page: Page, text: string): Locator {
  return page.getByTestId('mine').filter({ hasText: text });
}

async function ask(page: Page, text: string, name?: string, place?: string): Promise<void> {
  await page.getByLabel('Pertanyaan Anda').fill(text);
  if (name) await page.getByLabel('Nama (boleh dikosongkan)').fill(name);
  if (place) await page.getByLabel('Desa/kecamatan (boleh dikosongkan)').fill(place);
  await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
  await expect.poll(() => mine(page, text).getAttribute('data-status'), WAIT).toBe('pending');
}

/** Screenshots from the top, as each person first sees the page. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => scrollTo(0, 0));
  await screenshot(page, name);
}

/** A desk console squeezed to a phone's width: still usable, still accessible, nothing sideways. */
async function atPhoneSize(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE.viewport);
  try {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    expect(await seriousA11yProblems(page), `${name} at phone size`).toEqual([]);
    await shoot(page, `${name}-phone`);
  } finally {
    await page.setViewportSize(DESKTOP.viewport);
  }
}

describe('a whole show, everyone in their own browser', { timeout: 90_000 }, () => {
  it('listeners ask and vote, the screener moderates, the host airs, the notulis writes, the studio shows it, and the notula carries it', async () => {
    const startedAt = Date.now();
    const [screenerCookie, notulisCookie] = await Promise.all([staffCookie('screener'), staffCookie('notulis')]);
    const [a, b, screener, host, notulis, studio] = await Promise.all([
      person({ phone: true }), person({ phone: true }), person({ cookie: screenerCookie }), person(), person({ cookie: notulisCookie }), person(),
    ]);

    // Everyone arrives. A types the code read out on air; B follows the link; the host signs in on the page.
    await Promise.all([
      (async () => {
        await a.page.goto('/');
        await a.page.getByLabel('Kode episode').fill(ep.code.toLowerCase());
        await a.page.getByRole('button', { name: 'Gabung' }).click();
        await a.page.waitForURL(`**/j/${ep.code}`);
        await listenerReady(a.page);
      })(),
      (async () => {
        await b.page.goto(`/j/${ep.code}`);
        await listenerReady(b.page);
      })(),
      (async () => {
        await host.page.goto(`/staff?next=${encodeURIComponent(`/host/${ep.id}`)}`);
        await host.page.fill('#signin-username', 'host');
        await host.page.fill('#signin-password', 'sandi-host-123');
        await host.page.click('form button[type=submit]');
        await host.page.waitForURL(`**/host/${ep.id}`);
        await consoleOnline(host.page);
      })(),
      (async () => {
        await screener.page.goto(`/screener/${ep.id}`);
        await consoleOnline(screener.page);
      })(),
      (async () => {
        await notulis.page.goto(`/notulis/${ep.id}`);
        await consoleOnline(notulis.page);
      })(),
      (async () => {
        await studio.page.goto(`/studio/${ep.code}`);
        await studio.page.getByTestId('on-air').waitFor();
      })(),
    ]);
    expect(await a.page.getByRole('heading', { level: 1 }).textContent()).toBe(SHOW_EPISODE.title);
    // The studio screen is not a listener: the host counts the two phones.
    await expect.poll(() => host.page.locator('[data-testid=listener-count]').innerText(), WAIT).toBe('2');

    // A asks with name and desa, then B; pre-moderation holds both back from the queue.
    await ask(a.page, QA, 'Bu Wati', 'Desa Kalisari');
    await ask(b.page, QB);
    expect(await queued(b.page, QA).count()).toBe(0);

    // The screener sees both, oldest first, approves them, and types in a phone call.
    const pending = screener.page.locator('[data-testid=pending] > li');
    await expect.poll(() => pending.locator('.qtext').allInnerTexts(), WAIT).toEqual([QA, QB]);
    expect(await pending.first().innerText()).toContain('Bu Wati, Desa Kalisari');
    const ids = Object.fromEntries((await snapshot()).questions.map((q) => [q.text, q.id])) as Record<string, string>;
    // By id: B's card also names A's question, as a possible duplicate.
    const card = (id: string | undefined) => screener.page.locator(`article[data-question-id="${id}"]`);
    await card(ids[QA]).locator('button', { hasText: 'Setujui' }).click();
    await card(ids[QB]).locator('button', { hasText: 'Setujui' }).click();
    await expect.poll(() => pending.count(), WAIT).toBe(0);
    await screener.page.selectOption('#typein-channel', 'phone');
    await screener.page.fill('#typein-text', QP);
    await screener.page.fill('#typein-name', 'Pak Darto');
    await screener.page.fill('#typein-loc', 'Dusun Krajan');
    await screener.page.click('section:has(#typein-h) button[type=submit]');
    await expect.poll(() => screener.page.locator('[data-testid=flash-ok]').innerText(), WAIT).toContain('Pertanyaan dari Telepon masuk antrean.');
    await expect.poll(() => screener.page.locator('[data-testid=approved] .qtext').allInnerTexts(), WAIT).toEqual([QA, QB, QP]);
    const phoneCall = (await snapshot()).questions.find((q) => q.text === QP)!;
    ids[QP] = phoneCall.id;
    expect(phoneCall).toMatchObject({ channel: 'phone', askerName: 'Pak Darto', askerLocation: 'Dusun Krajan', status: 'approved' });

    // Both phones now see all three, and their own questions approved.
    await expect.poll(() => mine(a.page, QA).getAttribute('data-status'), WAIT).toBe('approved');
    await expect.poll(() => mine(b.page, QB).getAttribute('data-status'), WAIT).toBe('approved');
    for (const p of [a, b]) for (const text of [QA, QB, QP]) await queued(p.page, text).waitFor();
    expect(await queued(b.page, QA).textContent()).toContain('Bu Wati, Desa Kalisari');

    // Each supports the other's question and the phone call; each sees the other's vote arrive.
    await voteButton(queued(a.page, QB)).click();
    await voteButton(queued(a.page, QP)).click();
    await voteButton(queued(b.page, QA)).click();
    await voteButton(queued(b.page, QP)).click();
    for (const [p, own, other] of [[a, QA, QB], [b, QB, QA]] as const) {
      await expect.poll(() => votesShown(p.page, own), WAIT).toBe('1');
      await expect.poll(() => votesShown(p.page, other), WAIT).toBe('1');
      await expect.poll(() => votesShown(p.page, QP), WAIT).toBe('2');
      expect(await voteButton(queued(p.page, other)).getAttribute('aria-pressed')).toBe('true');
      expect(await voteButton(queued(p.page, own)).getAttribute('aria-pressed')).toBe('false');
    }

    // The host sees the ranking, most support first (a tie goes to the older question).
    const hostQueue = host.page.locator('[data-testid=list-queue] li');
    await expect.poll(() => hostQueue.locator('.qtext').allInnerTexts(), WAIT).toEqual([QP, QA, QB]);
    expect(await hostQueue.locator('.votes').allInnerTexts()).toEqual(['2 dukungan', '1 dukungan', '1 dukungan']);
    await expect.poll(() => studio.page.getByTestId('queue').locator('li').allTextContents(), WAIT).toEqual([
      expect.stringContaining(QP), expect.stringContaining(QA), expect.stringContaining(QB),
    ]);

    // The top question goes on air, on every screen.
    await hostQueue.first().locator('button', { hasText: 'Udarakan' }).click();
    await expect.poll(() => host.page.getByTestId('on-air').innerText(), WAIT).toBe(QP);
    for (const p of [a, b]) await expect.poll(() => p.page.getByTestId('on-air').textContent(), WAIT).toContain(QP);
    expect(await queued(a.page, QP).count()).toBe(0);
    await expect.poll(() => studio.page.getByTestId('on-air').textContent(), WAIT).toContain(QP);
    expect(await studio.page.getByTestId('on-air').textContent()).toContain('Pak Darto, Dusun Krajan');
    expect(await studio.page.getByTestId('on-air').textContent()).toContain('2 dukungan');
    await expect.poll(() => notulis.page.getByTestId('on-air').innerText(), WAIT).toBe(QP);

    // The notulis taps one speaker for the first answer, adds the second for the next.
    const chips = notulis.page.locator('[data-testid=compose-speakers]');
    const note = notulis.page.locator('#note-text');
    const notesUnder = (id: string | undefined) => notulis.page.getByTestId(`notes-for-${id}`).locator('li[data-note-id]');
    await chips.locator('button', { hasText: 'Pak Haryanto' }).click();
    await note.fill(NOTE_1);
    await note.press('Enter');
    await expect.poll(() => notesUnder(ids[QP]).allInnerTexts(), WAIT).toEqual([expect.stringContaining(NOTE_1)]);
    await chips.locator('button', { hasText: 'Bu Lestari' }).click();
    expect(await chips.locator('button[aria-pressed=true]').allInnerTexts()).toEqual(['Pak Haryanto', 'Bu Lestari']);
    await note.fill(NOTE_2);
    await note.press('Enter');
    await expect.poll(() => notesUnder(ids[QP]).count(), WAIT).toBe(2);
    expect(await notesUnder(ids[QP]).nth(1).innerText()).toContain('Pak Haryanto dan Bu Lestari');

    // Answered; the next at the top of the queue goes on air.
    await host.page.locator('section.onair button', { hasText: 'Tandai terjawab' }).click();
    await host.page.getByTestId('on-air-empty').waitFor();
    await expect.poll(() => hostQueue.locator('.qtext').allInnerTexts(), WAIT).toEqual([QA, QB]);
    await hostQueue.first().locator('button', { hasText: 'Udarakan' }).click();
    await expect.poll(() => host.page.getByTestId('on-air').innerText(), WAIT).toBe(QA);
    await expect.poll(() => mine(a.page, QA).getAttribute('data-status'), WAIT).toBe('on_air');
    await expect.poll(() => b.page.getByTestId('on-air').textContent(), WAIT).toContain(QA);
    await expect.poll(() => b.page.locator('details summary').textContent(), WAIT).toBe('Sudah dijawab (1)');
    // The asker's markup is text on the big screen, not bold type.
    await expect.poll(() => studio.page.getByTestId('on-air').textContent(), WAIT).toContain(QA);
    expect(await studio.page.locator('[data-testid=on-air] b').count()).toBe(0);

    // The notulis: one tap on an agency for the answer to A's question.
    await expect.poll(() => notulis.page.getByTestId('on-air').innerText(), WAIT).toBe(QA);
    await chips.locator('button.agency', { hasText: 'Dinas Lingkungan Hidup' }).click();
    await note.fill(NOTE_3);
    await note.press('Enter');
    await expect.poll(() => notesUnder(ids[QA]).allInnerTexts(), WAIT).toEqual([expect.stringContaining(NOTE_3)]);
    await host.page.locator('section.onair button', { hasText: 'Tandai terjawab' }).click();
    await expect.poll(() => mine(a.page, QA).getAttribute('data-status'), WAIT).toBe('answered');

    // A closing statement.
    await notulis.page.getByLabel('Pernyataan Pak Haryanto').fill(CLOSING);
    await notulis.page.getByRole('button', { name: 'Simpan pernyataan Pak Haryanto' }).click();
    await expect.poll(() => notulis.page.locator('[data-testid=flash-ok]').innerText(), WAIT).toContain('Pernyataan penutup Pak Haryanto disimpan.');
    const preview = notulis.page.getByTestId('preview');
    for (const text of [NOTE_1, NOTE_2, NOTE_3, CLOSING, QA]) await expect.poll(() => preview.innerText(), WAIT).toContain(text);
    expect(await preview.locator('b').count()).toBe(0);

    // Each page as its person sees it, at its size; the desk consoles also at a phone's width.
    await Promise.all([
      shoot(a.page, 'show-listener-a-phone'), shoot(b.page, 'show-listener-b-phone'), shoot(studio.page, 'show-studio-desktop'),
      shoot(host.page, 'show-host-desktop'), shoot(screener.page, 'show-screener-desktop'), shoot(notulis.page, 'show-notulis-desktop'),
    ]);
    expect(await seriousA11yProblems(a.page)).toEqual([]);
    for (const [p, name] of [[host, 'show-host'], [screener, 'show-screener'], [notulis, 'show-notulis']] as const) await atPhoneSize(p.page, name);

    // The host ends the show; every page says so.
    await host.page.click('button:has-text("Akhiri episode")');
    await host.page.click('button:has-text("Ya, akhiri")');
    for (const p of [host, notulis, screener, a, b]) await expect.poll(() => p.page.getByTestId('episode-status').innerText(), WAIT).toBe('Selesai');
    await expect.poll(() => studio.page.getByTestId('on-air').textContent(), WAIT).toContain('Siaran selesai');

    // The notulis downloads the Markdown from the page.
    const [download] = await Promise.all([notulis.page.waitForEvent('download'), notulis.page.click('[data-testid=download-md]')]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const md = await readFile((await download.path())!, 'utf8');
    const at = (s: string) => {
      const i = md.indexOf(s);
      expect(i, `notula contains ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    // Both answered questions as headings, each followed by its notes, in on-air order, then the closing statement.
    const order = [
      at(`### ${escapeInline(QP)}\n`),
      at(`**Pak Haryanto:** ${NOTE_1}`),
      at(`**Pak Haryanto dan Bu Lestari:** ${NOTE_2}`),
      at(`### ${escapeInline(QA)}\n`),
      at(`**Dinas Lingkungan Hidup:** ${NOTE_3}`),
      at('## Closing Statements'),
      at(`**Pak Haryanto:**\n\n${CLOSING}`),
    ];
    expect(order).toEqual([...order].sort((x, y) => x - y));
    // The asker's characters arrive escaped, never as emphasis or a tag.
    expect(md).toContain('\\*kresek\\* dan \\<b\\>styrofoam\\</b\\>');
    expect(md).not.toMatch(/(^|[^\\])<b>/m);
    // The question never aired is not in the minutes.
    expect(md).not.toContain(QB);
    expect(md).toContain('- Pertanyaan terjawab: 2');

    for (const p of [a, b, screener, notulis, studio]) expect(p.errors).toEqual([]);
    // The host's page asked who is signed in before the sign-in: Chromium logs that 401 itself.
    expect(host.errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    // Within about half a minute on a quiet machine; the timeout allows for a loaded one.
    console.log(`whole show: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  });
});
