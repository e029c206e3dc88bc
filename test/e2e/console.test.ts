// The three live consoles against a real server and real Chromium, while listeners (real
// socket.io clients) ask and vote: the screener moderates and types in a phone call,
// the host runs the queue from the keyboard, the notulis writes the minutes and sees
// them in the preview and the downloaded Markdown. The server, not the page, decides
// what a role may do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { context, screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, call, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { QuestionView, StaffSnapshot } from '../../server/contract/views.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const TPS = 'Kapan TPS 3R di Pasar Mekarsari mulai beroperasi?';
const BANK = 'Bagaimana cara desa kami membentuk bank sampah sendiri?';
const BANK_TWIN = 'Bagaimana cara bikin bank sampah di desa?';
const SPAM = 'JUAL OBAT KUAT MURAH www.contoh-spam.test';
const TYPO = 'Apa sanksi untuk yang membuang smpah ke sungai?';
const FIXED = 'Apa sanksi untuk yang membuang sampah ke sungai?';
// Markup in a caller's question must reach every page and the notula as plain text.
const PHONE = 'Penelepon: kapan ada pelatihan <b>kompos</b> untuk ibu-ibu PKK? <img src=x onerror="window.__pwned=1">';

const c = browserStudio({}, { crew: true });
let ep: { id: string; code: string };
const listeners: Client[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.admin);
  for (let i = 0; i < 4; i++) {
    const { socket } = await listener(c.url);
    await must(socket, 'episode:join', { code: ep.code });
    listeners.push(socket);
  }
  const [l1, l2, l3, l4] = listeners as [Client, Client, Client, Client];
  ids.tps = (await must(l1, 'question:ask', { episodeId: ep.id, text: TPS, name: 'Sri', location: 'Desa Mekarsari' })).id;
  ids.bank = (await must(l2, 'question:ask', { episodeId: ep.id, text: BANK })).id;
  ids.twin = (await must(l3, 'question:ask', { episodeId: ep.id, text: BANK_TWIN })).id;
  ids.spam = (await must(l4, 'question:ask', { episodeId: ep.id, text: SPAM })).id;
  ids.typo = (await must(l1, 'question:ask', { episodeId: ep.id, text: TYPO })).id;
});

afterAll(async () => {
  for (const s of listeners) s.disconnect();
});

async function snapshot(): Promise<StaffSnapshot> {
  return (await api(c.url, `/api/episodes/${ep.id}`, { cookie: c.admin })).json as StaffSnapshot;
}

async function question(id: string): Promise<QuestionView> {
  return (await snapshot()).questions.find((q) => q.id === id)!;
}

function open(cookie: string, path: string, phone = false) {
  return c.open(path, { cookie, phone, console: true });
}

function card(page: Page, id: string | undefined): Locator {
  return page.locator(`article[data-question-id="${id}"]`);
}

/** Screenshots from the top, as staff first see the page (the last click may have scrolled it). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => scrollTo(0, 0));
  await screenshot(page, name);
}

async function flashOk(page: Page): Promise<string> {
  return page.locator('[data-testid=flash-ok]').innerText();
}

/** Focus on the page itself, as when the host has just pressed a key. */
async function focusPage(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function queueOrder(page: Page): Promise<string[]> {
  return page.locator('[data-testid=list-queue] .qtext').allInnerTexts();
}

describe('live consoles', { timeout: 60_000 }, () => {
  it('the screener approves, rejects, fixes, merges a suggested duplicate and types in a phone question', async () => {
    const { ctx, page, errors } = await open(c.screenerCookie, `/screener/${ep.id}`);
    await expect.poll(() => page.locator('[data-testid=pending] > li').count(), WAIT).toBe(4);
    // Oldest first; the spam waits apart, in "perlu dicek", with its reasons.
    expect(await page.locator('[data-testid=pending] .qtext').first().innerText()).toBe(TPS);
    expect(await page.locator('[data-testid=flagged-group] h3').innerText()).toBe('Perlu dicek (1)');
    expect(await page.locator('[data-testid=pending-flagged] .qtext').allInnerTexts()).toEqual([SPAM]);
    expect(await card(page, ids.spam).locator('[data-testid=flag]').allInnerTexts()).toEqual(expect.arrayContaining(['tautan']));
    expect(await card(page, ids.tps).locator('[data-testid=flag]').count()).toBe(0);

    await card(page, ids.tps).locator('button', { hasText: 'Setujui' }).click();
    await card(page, ids.bank).locator('button', { hasText: 'Setujui' }).click();
    await card(page, ids.spam).locator('button', { hasText: 'Tolak' }).click();
    await expect.poll(async () => (await question(ids.spam!)).status, WAIT).toBe('rejected');

    // Typo fixed in place, then approved.
    await card(page, ids.typo).locator('button', { hasText: 'Perbaiki' }).click();
    await page.locator(`#q-${ids.typo}-text`).fill(FIXED);
    await page.locator(`#q-${ids.typo}-text`).press('Control+Enter');
    await expect.poll(async () => (await question(ids.typo!)).text, WAIT).toBe(FIXED);
    await card(page, ids.typo).locator('button', { hasText: 'Setujui' }).click();

    // The newer look-alike is offered for merging into the older question.
    const twin = card(page, ids.twin);
    await twin.locator('[data-testid=merge-open]').click();
    await expect.poll(() => twin.locator('.suggestions').innerText(), WAIT).toContain(BANK);
    await twin.locator('.suggestions button').click();
    await expect.poll(async () => (await question(ids.twin!)).status, WAIT).toBe('merged');
    expect((await question(ids.twin!)).mergedInto).toBe(ids.bank);
    await expect.poll(() => page.locator('[data-testid=pending] > li').count(), WAIT).toBe(0);

    // The pre-moderation switch.
    const premod = page.locator('[data-testid=premoderation]');
    expect(await premod.isChecked()).toBe(true);
    await premod.uncheck();
    await expect.poll(async () => (await snapshot()).episode.premoderation, WAIT).toBe(false);
    await premod.check();
    await expect.poll(async () => (await snapshot()).episode.premoderation, WAIT).toBe(true);

    // A phone call typed in: approved at once, with its channel, caller and place.
    await page.selectOption('#typein-channel', 'phone');
    await page.fill('#typein-text', PHONE);
    await page.fill('#typein-name', 'Bu Warsini');
    await page.fill('#typein-loc', 'Dusun Krajan');
    await page.click('section:has(#typein-h) button[type=submit]');
    await expect.poll(() => flashOk(page), WAIT).toContain('Pertanyaan dari Telepon masuk antrean.');
    const phone = (await snapshot()).questions.find((q) => q.channel === 'phone')!;
    expect(phone).toMatchObject({ text: PHONE, status: 'approved', askerName: 'Bu Warsini', askerLocation: 'Dusun Krajan' });
    ids.phone = phone.id;
    await expect.poll(() => card(page, ids.phone).count(), WAIT).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('[data-testid=approved] img').count()).toBe(0);

    expect(await seriousA11yProblems(page)).toEqual([]);
    await shoot(page, 'screener-desktop');
    expect(errors).toEqual([]);
    await ctx.close();

    const small = await open(c.screenerCookie, `/screener/${ep.id}`, true);
    await small.page.locator('[data-testid=approved]').waitFor();
    await shoot(small.page, 'screener-phone');
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await small.ctx.close();
  });

  it('the host sees the ranking change live and runs the on-air flow from the keyboard', async () => {
    const { ctx, page, errors } = await open(c.hostCookie, `/host/${ep.id}`);
    expect(await page.locator('[data-testid=join-code]').innerText()).toBe(ep.code);
    await expect.poll(() => page.locator('[data-testid=listener-count]').innerText(), WAIT).toBe('4');
    expect(await page.locator('[data-testid=wall-clock]').innerText()).toMatch(/^\d{2}[.:]\d{2}[.:]\d{2}$/);
    await expect.poll(() => queueOrder(page), WAIT).toEqual([TPS, BANK, FIXED, PHONE]);

    // Votes arrive while the host watches: phone 3, bank 2, sanksi 1, TPS 0.
    const [l1, l2, l3, l4] = listeners as [Client, Client, Client, Client];
    for (const l of [l2, l3, l4]) await must(l, 'vote:cast', { episodeId: ep.id, questionId: ids.phone! });
    for (const l of [l3, l4]) await must(l, 'vote:cast', { episodeId: ep.id, questionId: ids.bank! });
    await must(l2, 'vote:cast', { episodeId: ep.id, questionId: ids.typo! });
    void l1;
    await expect.poll(() => queueOrder(page), WAIT).toEqual([PHONE, BANK, FIXED, TPS]);

    // J moves the selection to the second question; Enter puts it on air.
    await focusPage(page);
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('li[aria-current=true] .qtext').innerText(), WAIT).toBe(BANK);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=on-air]').innerText(), WAIT).toBe(BANK);
    expect((await question(ids.bank!)).status).toBe('on_air');
    // A marks it answered.
    await page.keyboard.press('a');
    await expect.poll(async () => (await question(ids.bank!)).status, WAIT).toBe('answered');
    await page.locator('[data-testid=on-air-empty]').waitFor();
    // K back to the top (the phone call), Enter, then R returns it to the queue…
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=on-air]').innerText(), WAIT).toBe(PHONE);
    await page.keyboard.press('r');
    await expect.poll(async () => (await question(ids.phone!)).status, WAIT).toBe('approved');
    await expect.poll(() => queueOrder(page), WAIT).toEqual([PHONE, FIXED, TPS]);
    // …and Enter puts it back on air for the notulis.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await question(ids.phone!)).status, WAIT).toBe('on_air');
    await expect.poll(() => page.locator('[data-testid=on-air]').innerText(), WAIT).toBe(PHONE);

    // Tabs by number; the answered question is listed there.
    await page.keyboard.press('3');
    await expect.poll(() => page.locator('[data-testid=list-answered] .qtext').allInnerTexts(), WAIT).toEqual([BANK]);
    await page.keyboard.press('1');

    // Keys typed into a field are text, never commands.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'scratch';
      input.setAttribute('aria-label', 'scratch');
      document.body.append(input);
      input.focus();
    });
    await page.keyboard.type('ara');
    // A handled shortcut calls preventDefault, so the letters would not reach the field.
    expect(await page.inputValue('#scratch')).toBe('ara');
    expect((await question(ids.phone!)).status).toBe('on_air');
    await page.evaluate(() => document.getElementById('scratch')?.remove());

    expect(await page.locator('text=Pintasan papan ketik').count()).toBe(1);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await shoot(page, 'host-desktop');
    expect(errors).toEqual([]);
    await ctx.close();

    const small = await open(c.hostCookie, `/host/${ep.id}`, true);
    await small.page.locator('[data-testid=on-air]').waitFor();
    await shoot(small.page, 'host-phone');
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await small.ctx.close();
  });

  it('the notulis records attributed notes and closing statements; the preview and the Markdown carry them', async () => {
    const { ctx, page, errors } = await open(c.notulisCookie, `/notulis/${ep.id}`);
    await expect.poll(() => page.locator('[data-testid=on-air]').innerText(), WAIT).toBe(PHONE);
    const chips = page.locator('[data-testid=compose-speakers]');
    const note = page.locator('#note-text');
    const countNotes = async () => (await snapshot()).notes.length;

    // One tap on a speaker, then the note; Enter saves.
    await chips.locator('button', { hasText: 'Pak Haryanto' }).click();
    await note.fill('Pelatihan kompos dibuka tiap bulan di balai desa; daftar lewat kader PKK.');
    await note.press('Enter');
    await expect.poll(countNotes, WAIT).toBe(1);
    // A second tap adds Bu Lestari: the note is theirs together.
    await chips.locator('button', { hasText: 'Bu Lestari' }).click();
    await note.fill('Bank sampah ikut menampung kompos hasil pelatihan.');
    await note.press('Enter');
    // A free agency label.
    await page.fill('#compose-agency', 'Dinas Pertanian');
    await note.fill('Pupuk kompos bisa dibeli koperasi tani.');
    await note.press('Enter');
    // No name.
    await chips.locator('button', { hasText: 'Tanpa nama' }).click();
    await note.fill('Catatan yang salah tulis.');
    await note.press('Enter');
    // A note under the question already answered.
    await page.selectOption('#note-target', ids.bank!);
    await chips.locator('button', { hasText: 'Bu Lestari' }).click();
    await note.fill('Bank sampah cukup dengan 10 nasabah dan satu buku tabungan.');
    await note.press('Enter');
    await expect.poll(countNotes, WAIT).toBe(5);

    const notes = (await snapshot()).notes;
    const speakers = (await snapshot()).episode.speakers;
    const [haryanto, lestari] = speakers.map((s) => s.id) as [string, string];
    expect(notes.map((n) => [n.questionId, n.by])).toEqual([
      [ids.phone, { kind: 'speakers', speakerIds: [haryanto] }],
      [ids.phone, { kind: 'speakers', speakerIds: [haryanto, lestari] }],
      [ids.phone, { kind: 'agency', label: 'Dinas Pertanian' }],
      [ids.phone, { kind: 'none' }],
      [ids.bank, { kind: 'speakers', speakerIds: [lestari] }],
    ]);

    // Edit the mistaken note; add one and delete it.
    const wrong = page.locator(`li[data-note-id="${notes[3]!.id}"]`);
    await wrong.locator('button', { hasText: 'Ubah' }).click();
    await wrong.locator('textarea').fill('Warga diminta memilah sampah organik dari rumah.');
    await wrong.locator('button', { hasText: 'Simpan' }).click();
    await expect.poll(async () => (await snapshot()).notes[3]!.text, WAIT).toBe('Warga diminta memilah sampah organik dari rumah.');
    await page.selectOption('#note-target', ids.phone!);
    await note.fill('Hapus saya.');
    await note.press('Enter');
    await expect.poll(countNotes, WAIT).toBe(6);
    const extra = page.locator('li[data-note-id]', { hasText: 'Hapus saya.' });
    await extra.locator('button', { hasText: 'Hapus' }).click();
    await extra.locator('button', { hasText: 'Ya, hapus' }).click();
    await expect.poll(countNotes, WAIT).toBe(5);

    // Closing statements: numbered points for one speaker, a paragraph for the other.
    const haryantoForm = page.locator(`form[aria-labelledby="closing-${haryanto}-h"]`);
    await haryantoForm.getByLabel('Butir bernomor').check();
    await haryantoForm.locator(`#closing-${haryanto}-p0`).fill('Pilah sampah dari rumah.');
    await haryantoForm.locator('button', { hasText: 'Tambah butir' }).click();
    await haryantoForm.locator(`#closing-${haryanto}-p1`).fill('Setor ke bank sampah terdekat.');
    await haryantoForm.locator('button[type=submit]').click();
    const lestariForm = page.locator(`form[aria-labelledby="closing-${lestari}-h"]`);
    await lestariForm.locator('textarea').fill('Sampah adalah tabungan kalau dipilah.');
    await lestariForm.locator('button[type=submit]').click();
    await expect.poll(async () => (await snapshot()).closing, WAIT).toEqual([
      { speakerId: haryanto, kind: 'points', points: ['Pilah sampah dari rumah.', 'Setor ke bank sampah terdekat.'] },
      { speakerId: lestari, kind: 'paragraph', text: 'Sampah adalah tabungan kalau dipilah.' },
    ]);

    // The preview follows, and shows listener markup as text.
    const preview = page.locator('[data-testid=preview]');
    for (const text of ['Pak Haryanto dan Bu Lestari', 'Dinas Pertanian', 'Warga diminta memilah sampah organik dari rumah.',
      'Setor ke bank sampah terdekat.', 'Sampah adalah tabungan kalau dipilah.', 'pelatihan <b>kompos</b>']) {
      await expect.poll(() => preview.innerText(), WAIT).toContain(text);
    }
    expect(await preview.innerText()).not.toContain('Hapus saya.');
    expect(await preview.locator('img, script, b, [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The downloaded Markdown carries the same.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-md]')]);
    const md = await readFile((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    for (const text of ['Pak Haryanto dan Bu Lestari', 'Pilah sampah dari rumah.', 'Setor ke bank sampah terdekat.',
      'Sampah adalah tabungan kalau dipilah.', 'Bank sampah cukup dengan 10 nasabah', 'Dinas Pertanian']) {
      expect(md).toContain(text);
    }
    // Listener markup arrives escaped (\<img), never as a tag.
    expect(md).toContain('\\<img src=x');
    expect(md).not.toMatch(/(^|[^\\])<img/m);

    expect(await seriousA11yProblems(page)).toEqual([]);
    await shoot(page, 'notulis-desktop');
    expect(errors).toEqual([]);
    await ctx.close();

    const small = await open(c.notulisCookie, `/notulis/${ep.id}`, true);
    await small.page.locator('[data-testid=preview] h1').waitFor();
    await shoot(small.page, 'notulis-phone');
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await small.ctx.close();
  });

  it('a notulis on the host console reads it without the host controls, and the server refuses host actions', async () => {
    const { ctx, page } = await open(c.notulisCookie, `/host/${ep.id}`);
    await page.locator('[data-testid=on-air]').waitFor();
    // Every role's view of every console is in roles.test.ts; here, in the middle of a show.
    expect(await page.locator('[data-testid=role-note]').innerText()).toContain('Anda masuk sebagai Notulis: halaman ini hanya bisa dibaca.');
    expect(await page.locator('[data-testid=list-queue] button', { hasText: 'Udarakan' }).count()).toBe(0);
    await focusPage(page);
    await page.keyboard.press('a');
    expect((await question(ids.phone!)).status).toBe('on_air');
    const refused = await call(c.notulis, 'question:answered', { episodeId: ep.id, questionId: ids.phone! });
    expect(refused.ok ? null : refused.error.code).toBe('not_allowed');
    expect((await question(ids.phone!)).status).toBe('on_air');
    const r = await api(c.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: c.notulisCookie });
    expect(r.status).toBe(403);
    expect((await snapshot()).episode.status).toBe('live');
    await ctx.close();
  });

  it('the host ends the episode after confirming; the notulis console locks', async () => {
    const notulis = await open(c.notulisCookie, `/notulis/${ep.id}`);
    const { ctx, page } = await open(c.hostCookie, `/host/${ep.id}`);
    await page.click('button:has-text("Akhiri episode")');
    expect((await snapshot()).episode.status).toBe('live'); // one click is not enough on air
    await page.click('button:has-text("Ya, akhiri")');
    await expect.poll(() => page.locator('[data-testid=episode-status]').innerText(), WAIT).toBe('Selesai');
    expect((await snapshot()).episode.status).toBe('ended');
    await expect.poll(() => notulis.page.locator('[data-testid=episode-status]').innerText(), WAIT).toBe('Selesai');
    // No new note after the end (only corrections): the composer is gone, not just greyed.
    await expect.poll(() => notulis.page.locator('#note-text').count(), WAIT).toBe(0);
    expect(await notulis.page.locator('li[data-note-id] button', { hasText: 'Hapus' }).count()).toBe(0);
    await Promise.all([ctx.close(), notulis.ctx.close()]);
  });

  it('a notulis who moves on to the agency field while a note is being saved keeps typing there', async () => {
    // Its own episode: this one has ended. The server's answers to the page are held back
    // until the notulis is in the agency field, as on a slow link, so the order is certain.
    const live = await createLiveEpisode(c.url, c.admin);
    await must(c.host, 'episode:join', { episodeId: live.id, as: 'staff' });
    const typed = await must(c.host, 'question:submit', { episodeId: live.id, text: TPS, channel: 'phone', name: null, location: null });
    await must(c.host, 'question:air', { episodeId: live.id, questionId: typed.id });
    const ctx = await context(c.browser, c.url, { cookie: c.notulisCookie });
    const page = await ctx.newPage();
    let held: Array<() => void> | null = null;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const up = ws.connectToServer();
      up.onMessage((m) => (held ? held.push(() => ws.send(m)) : ws.send(m)));
    });
    await page.goto(`/notulis/${live.id}`);
    await expect.poll(() => page.locator('[data-testid=on-air]').innerText(), WAIT).toBe(TPS);
    await page.locator('[data-testid=compose-speakers] button', { hasText: 'Pak Haryanto' }).click();
    await page.locator('#note-text').fill('TPS 3R mulai bulan depan.');
    held = [];
    await page.locator('#note-text').press('Enter');
    await page.locator('#compose-agency').click();
    await page.keyboard.type('Dinas');
    const release = held;
    held = null;
    for (const send of release) send();
    await expect.poll(() => flashOk(page), WAIT).toBe('Catatan disimpan.');
    await page.keyboard.type(' Pertanian');
    expect(await page.locator('#compose-agency').inputValue()).toBe('Dinas Pertanian');
    expect(await page.locator('#note-text').inputValue()).toBe('');
    await page.locator('#note-text').fill('Pupuk kompos bisa dibeli koperasi tani.');
    await page.locator('#note-text').press('Enter');
    const notes = async () => (await api(c.url, `/api/episodes/${live.id}`, { cookie: c.admin })).json.notes as Array<{ text: string; by: unknown }>;
    await expect.poll(async () => (await notes()).length, WAIT).toBe(2);
    expect((await notes()).map((n) => n.by)).toEqual([
      { kind: 'speakers', speakerIds: [expect.any(String)] }, { kind: 'agency', label: 'Dinas Pertanian' },
    ]);
    await ctx.close();
  });
});
