// Each role signs in and opens each console in real Chromium. A console shows a role what
// it may see (the queue, the notes, the notula preview) and only the controls it may use;
// what it may not do is said once, calmly, at the top, with a link to its own console. A
// page the role may not open at all says so and points to the right one. The server
// still refuses with not_allowed whatever the page draws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, call, listener, must, signIn, staffSocket } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { Role } from '../../server/contract/types.ts';

const WAIT = { timeout: 10_000, interval: 50 };
const ON_AIR = 'Kapan jalan desa Sukamaju diperbaiki?';
const QUEUED = 'Bagaimana cara mendaftar pelatihan kompos?';
const PENDING = 'Apakah ada bantuan bibit untuk kebun warga?';
const NOTE = 'Perbaikan dijadwalkan bulan depan.';
const CLOSING = 'Laporkan jalan rusak lewat kepala desa.';

const c = browserStudio();
let ep: { id: string; code: string };
const cookies = {} as Record<Role, string>;
const sockets: Client[] = [];

beforeAll(async () => {
  cookies.admin = c.admin;
  for (const role of ['host', 'screener', 'notulis', 'planner'] as const) {
    const r = await api(c.url, '/api/staff', { method: 'POST', cookie: cookies.admin, body: { username: role, name: `Petugas ${role}`, role, password: `sandi-${role}-123` } });
    if (r.status !== 201) throw new Error(`create ${role}: ${r.text}`);
    cookies[role] = await signIn(c.url, role, `sandi-${role}-123`);
  }
  ep = await createLiveEpisode(c.url, cookies.admin);
  const { socket: l } = await listener(c.url);
  const host = await staffSocket(c.url, cookies.host);
  sockets.push(l, host);
  await must(l, 'episode:join', { code: ep.code });
  await must(host, 'episode:join', { episodeId: ep.id, as: 'staff' });
  const aired = await must(l, 'question:ask', { episodeId: ep.id, text: ON_AIR, name: 'Sri', location: 'Sukamaju' });
  const queued = await must(l, 'question:ask', { episodeId: ep.id, text: QUEUED });
  await must(l, 'question:ask', { episodeId: ep.id, text: PENDING });
  await must(host, 'question:approve', { episodeId: ep.id, questionId: aired.id });
  await must(host, 'question:approve', { episodeId: ep.id, questionId: queued.id });
  await must(host, 'question:air', { episodeId: ep.id, questionId: aired.id });
  await must(host, 'note:add', { episodeId: ep.id, questionId: aired.id, by: { kind: 'none' }, text: NOTE });
  const snap = (await api(c.url, `/api/episodes/${ep.id}`, { cookie: cookies.admin })).json as { episode: { speakers: Array<{ id: string }> } };
  await must(host, 'closing:set', { episodeId: ep.id, speakerId: snap.episode.speakers[0]!.id, kind: 'paragraph', text: CLOSING });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
});

async function open(role: Role, path: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { ctx, page, errors } = await c.open(path, { cookie: cookies[role] });
  return { page, errors, close: () => ctx.close() };
}

/** A live console, once it is connected and showing the episode. */
async function openConsole(role: Role, name: 'host' | 'screener' | 'notulis') {
  const opened = await open(role, `/${name}/${ep.id}`);
  await opened.page.locator('[data-testid=connection]', { hasText: 'Terhubung' }).waitFor({ timeout: 30_000 });
  await opened.page.locator('[data-testid=episode-status]').waitFor();
  return opened;
}

const note = (page: Page) => page.locator('[data-testid=role-note]');

async function status(): Promise<Record<string, string>> {
  const snap = (await api(c.url, `/api/episodes/${ep.id}`, { cookie: cookies.admin })).json as { questions: Array<{ text: string; status: string }> };
  return Object.fromEntries(snap.questions.map((q) => [q.text, q.status]));
}

describe('a console shows each role what it may do', { timeout: 90_000 }, () => {
  it('the host console: host and admin run the show; others read the queue and are told who may air', async () => {
    for (const role of ['host', 'admin'] as const) {
      const { page, errors, close } = await openConsole(role, 'host');
      await page.locator('[data-testid=list-queue]', { hasText: QUEUED }).waitFor();
      expect(await page.locator('[data-testid=list-queue] button', { hasText: 'Udarakan' }).count()).toBe(1);
      expect(await page.locator('button', { hasText: 'Akhiri episode' }).count()).toBe(1);
      expect(await page.locator('button', { hasText: 'Tandai terjawab' }).count()).toBe(1);
      expect(await page.locator('[data-testid=poll-satisfaction]').count()).toBe(1);
      expect(await note(page).count()).toBe(0);
      expect(errors).toEqual([]);
      await close();
    }
    for (const role of ['screener', 'notulis', 'planner'] as const) {
      const { page, errors, close } = await openConsole(role, 'host');
      // What it may see: the question on air, the queue.
      await page.locator('[data-testid=list-queue]', { hasText: QUEUED }).waitFor();
      expect(await page.locator('.onair', { hasText: ON_AIR }).count()).toBe(1);
      const text = await note(page).innerText();
      expect(text).toContain('Menaruh pertanyaan di udara, memulai dan mengakhiri episode, dan menjalankan jajak pendapat butuh peran Pemandu atau Admin.');
      // The screener may still turn a question into an usulan; the others may do nothing here.
      expect(text).toContain(role === 'screener' ? 'sebagian tindakan di halaman ini bukan untuk peran Anda' : 'halaman ini hanya bisa dibaca');
      for (const label of ['Udarakan', 'Akhiri episode', 'Tandai terjawab', 'Kembalikan ke antrean']) {
        expect(await page.locator('main button', { hasText: label }).count(), `${role}: ${label}`).toBe(0);
      }
      expect(await page.locator('[data-testid=poll-satisfaction]').count()).toBe(0);
      expect(await page.locator('.problem').count()).toBe(0); // no red banner
      // The keys that would air do nothing either.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Enter');
      await page.keyboard.press('a');
      expect(await page.locator('[data-testid=flash-error]').innerText()).toBe('');
      expect((await status())[ON_AIR]).toBe('on_air');
      // Its own console, one click away.
      expect(await note(page).locator(`a[href="/${role === 'planner' ? 'planner' : `${role}/${ep.id}`}"]`).count()).toBe(1);
      if (role === 'screener') {
        await page.evaluate(() => scrollTo(0, 0));
        await screenshot(page, 'readonly-console');
        expect(await seriousA11yProblems(page)).toEqual([]);
        // English on request, built from the same table.
        await page.click('button[data-lang=en]');
        await expect.poll(() => note(page).innerText(), WAIT).toContain('You are signed in as Screener: some actions on this page are not for your role.');
        expect(await note(page).innerText()).toContain('Putting questions on air, starting and ending the episode, and running polls needs the role Host or Admin.');
        await page.click('button[data-lang=id]');
      }
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('the screener console: the screener, host and admin moderate; the notulis and planner read', async () => {
    for (const role of ['screener', 'host', 'admin'] as const) {
      const { page, close } = await openConsole(role, 'screener');
      await page.locator('[data-testid=pending]', { hasText: PENDING }).waitFor();
      expect(await page.locator('[data-testid=pending] button', { hasText: 'Setujui' }).count()).toBe(1);
      expect(await page.locator('#typein-text').count()).toBe(1);
      expect(await page.locator('[data-testid=premoderation]').isDisabled()).toBe(false);
      expect(await note(page).count()).toBe(0);
      await close();
    }
    for (const role of ['notulis', 'planner'] as const) {
      const { page, errors, close } = await openConsole(role, 'screener');
      await page.locator('[data-testid=pending]', { hasText: PENDING }).waitFor();
      expect(await page.locator('[data-testid=approved]', { hasText: QUEUED }).count()).toBe(1);
      expect(await note(page).innerText()).toContain('halaman ini hanya bisa dibaca');
      expect(await note(page).innerText()).toContain('butuh peran Pemandu, Penyaring, atau Admin.');
      expect(await note(page).innerText()).toContain('Menyaring pertanyaan, ');
      for (const label of ['Setujui', 'Tolak', 'Perbaiki']) expect(await page.locator('main button', { hasText: label }).count(), `${role}: ${label}`).toBe(0);
      expect(await page.locator('#typein-text').count()).toBe(0);
      expect(await page.locator('[data-testid=premoderation]').isDisabled()).toBe(true);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('the notulis console: notulis, host and admin write; the screener and planner read the notes and the notula', async () => {
    for (const role of ['notulis', 'host', 'admin'] as const) {
      const { page, close } = await openConsole(role, 'notulis');
      await page.locator('li[data-note-id]', { hasText: NOTE }).waitFor();
      expect(await page.locator('#note-text').isEnabled()).toBe(true);
      expect(await page.locator('li[data-note-id] button', { hasText: 'Ubah' }).count()).toBe(1);
      expect(await note(page).count()).toBe(0);
      await close();
    }
    for (const role of ['screener', 'planner'] as const) {
      const { page, errors, close } = await openConsole(role, 'notulis');
      await page.locator('li[data-note-id]', { hasText: NOTE }).waitFor();
      await page.locator('[data-testid=preview]', { hasText: NOTE }).waitFor(WAIT);
      expect(await note(page).innerText()).toContain('Menulis catatan serta pernyataan penutup dan mengoreksi setelah siaran butuh peran Pemandu, Notulis, atau Admin.');
      expect(await page.locator('#note-text').count()).toBe(0);
      expect(await page.locator('li[data-note-id] button').count()).toBe(0);
      expect(await page.locator('main button', { hasText: 'Simpan pernyataan' }).count()).toBe(0);
      // Closing statements as text, not as disabled editors.
      expect(await page.locator('[data-testid=closing-view]').allInnerTexts()).toEqual([
        expect.stringContaining(CLOSING), expect.stringContaining('Belum ada pernyataan penutup.'),
      ]);
      expect(await page.locator('main textarea, main input[type=radio]').count()).toBe(0);
      if (role === 'screener') await screenshot(page, 'readonly-notulis');
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('the planner’s desk: planner and admin work there; the live crew are told why not and where to go', async () => {
    for (const role of ['planner', 'admin'] as const) {
      const { page, close } = await open(role, '/planner');
      // No usulan yet: the desk says so, where the others are refused.
      await page.locator('[data-testid=desk-empty]').waitFor(WAIT);
      expect(await page.locator('[data-testid=role-note-noview]').count()).toBe(0);
      await close();
    }
    for (const role of ['host', 'screener', 'notulis'] as const) {
      const { page, close } = await open(role, '/planner');
      const msg = page.locator('[data-testid=role-note-noview]');
      await msg.waitFor(WAIT);
      expect(await msg.innerText()).toContain('Halaman ini untuk peran Perencana atau Admin.');
      expect(await msg.locator('a[href="/staff"]').count()).toBe(1);
      expect(await page.locator('[data-testid=desk-table], [data-testid=desk-empty]').count()).toBe(0);
      if (role === 'notulis') await screenshot(page, 'role-no-view');
      await close();
    }
  });

  it('whatever the page draws, the server still refuses', async () => {
    const screener = await staffSocket(c.url, cookies.screener);
    sockets.push(screener);
    await must(screener, 'episode:join', { episodeId: ep.id, as: 'staff' });
    const snap = (await api(c.url, `/api/episodes/${ep.id}`, { cookie: cookies.admin })).json as { questions: Array<{ id: string; text: string }> };
    const queued = snap.questions.find((q) => q.text === QUEUED)!;
    const r = await call(screener, 'question:air', { episodeId: ep.id, questionId: queued.id });
    expect(r.ok ? null : r.error.code).toBe('not_allowed');
    expect((await api(c.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: cookies.notulis })).status).toBe(403);
    expect(await status()).toMatchObject({ [ON_AIR]: 'on_air', [QUEUED]: 'approved' });
  });
});
