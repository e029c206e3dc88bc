// The listener's phone page against a real server and real Chromium: joining, asking,
// voting (also offline), following the show live, and listener text that stays text.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { listenerOnline, openListener, screenshot, settle } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { must } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { seriousA11yProblems } from '../support/axe.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const c = browserStudio({}, { crew: true });

/** A fresh phone (own storage, so its own listener token) with an alarm on any dialog. */
function phone(opts: { phone?: boolean } = { phone: true }) {
  return c.open(null, { ...opts, dialogs: true });
}

/** Page errors, less the failed loads a page makes by design while the phone is offline. */
function real(errors: string[]): string[] {
  return errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'));
}

const open = openListener;
const online = listenerOnline;

function item(page: Page, text: string): Locator {
  return page.locator('#queue li', { hasText: text });
}

function voteButton(scope: Locator): Locator {
  // The name starts with the visible word, pressed or not: "Dukung 3 dukungan", "Didukung 4 dukungan".
  return scope.getByRole('button', { name: /^(Dukung|Didukung) \d+ dukungan$/ });
}

async function votesShown(scope: Locator): Promise<string> {
  return (await scope.getByTestId('votes').textContent())?.trim() ?? '';
}

async function staffVotes(episodeId: string, questionId: string): Promise<number | undefined> {
  const snap = await joinStaff(c.host, episodeId);
  return snap.questions.find((q) => q.id === questionId)?.votes;
}

async function approvedQuestion(episodeId: string, text: string) {
  return must(c.screener, 'question:submit', { episodeId, text, channel: 'sms', name: 'Pak Darto', location: 'Desa Kalisari' });
}

// Real Chromium on a shared two-core machine: allow for a slow moment, not for a hang.
describe('listener page', { timeout: 60_000 }, () => {
  it('joins by a code typed on Home (any case, with spaces) and refuses an unknown code', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    const { page, errors } = await phone();
    await page.goto('/');
    await screenshot(page, 'home-phone');
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByLabel('Kode episode').fill('zz99zz');
    await page.getByRole('button', { name: 'Gabung' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('tidak ditemukan');

    const typed = `${ep.code.slice(0, 3).toLowerCase()} ${ep.code.slice(3).toLowerCase()}`;
    await page.getByLabel('Kode episode').fill(typed);
    await page.getByLabel('Kode episode').press('Enter');
    await page.waitForURL(`**/j/${ep.code}`);
    await page.locator('main[data-ready]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sampah pasar dan bank sampah desa');
    expect(await page.getByTestId('episode-status').textContent()).toBe('Sedang siaran');
    // The one failed load is the lookup of the unknown code, answered 404 on purpose.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);

    const desk = await phone({ phone: false });
    await desk.page.goto('/');
    await screenshot(desk.page, 'home-desktop');
  });

  it('asks with a live counter and page validation; pending, then "disetujui" once the screener approves', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    const { page, errors } = await phone();
    await open(page, ep.code);

    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    await expect.poll(() => page.locator('#ask-problem').textContent(), WAIT).toBe('Tulis pertanyaan Anda dulu.');
    await page.getByLabel('Pertanyaan Anda').fill('x'.repeat(503));
    expect(await page.locator('#ask-count').textContent()).toBe('503/500 karakter');
    expect(await page.locator('#ask-problem').textContent()).toBe('Terlalu panjang: kurangi 3 karakter.');

    const text = 'Kapan truk sampah mulai masuk ke Pasar Kalisari setiap pagi?';
    await page.getByLabel('Pertanyaan Anda').fill(text);
    expect(await page.locator('#ask-count').textContent()).toBe(`${text.length}/500 karakter`);
    await page.getByLabel('Nama (boleh dikosongkan)').fill('Bu Wati');
    await page.getByLabel('Desa/kecamatan (boleh dikosongkan)').fill('Desa Kalisari');
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();

    const mine = page.getByTestId('mine').filter({ hasText: text });
    await expect.poll(() => mine.getAttribute('data-status'), WAIT).toBe('pending');
    expect(await mine.textContent()).toContain('menunggu moderasi');
    expect(await page.getByLabel('Pertanyaan Anda').inputValue()).toBe('');
    expect(await item(page, text).count()).toBe(0);

    const staff = await joinStaff(c.screener, ep.id);
    const q = staff.questions.find((x) => x.text === text)!;
    expect(q).toMatchObject({ status: 'pending', askerName: 'Bu Wati', askerLocation: 'Desa Kalisari' });
    await must(c.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });

    await expect.poll(() => mine.getAttribute('data-status'), WAIT).toBe('approved');
    expect(await mine.textContent()).toContain('disetujui');
    await item(page, text).waitFor();
    expect(await item(page, text).textContent()).toContain('Bu Wati, Desa Kalisari');
    expect(errors).toEqual([]);
  });

  it('votes and withdraws with counts shared between two phones', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    const q = await approvedQuestion(ep.id, 'Apakah bank sampah desa menerima plastik kresek?');
    const a = await phone();
    const b = await phone();
    await Promise.all([open(a.page, ep.code), open(b.page, ep.code)]);
    const inA = item(a.page, q.text);
    const inB = item(b.page, q.text);

    await voteButton(inA).click();
    expect(await voteButton(inA).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => votesShown(inA), WAIT).toBe('1');
    await expect.poll(() => votesShown(inB), WAIT).toBe('1');
    expect(await voteButton(inB).getAttribute('aria-pressed')).toBe('false');

    await voteButton(inB).click();
    await expect.poll(() => votesShown(inA), WAIT).toBe('2');
    await expect.poll(() => votesShown(inB), WAIT).toBe('2');

    await voteButton(inA).click(); // second tap on a pressed button withdraws
    await expect.poll(() => voteButton(inA).getAttribute('aria-pressed'), WAIT).toBe('false');
    await expect.poll(() => votesShown(inB), WAIT).toBe('1');
    await expect.poll(() => votesShown(inA), WAIT).toBe('1');
    await expect.poll(() => staffVotes(ep.id, q.id), WAIT).toBe(1);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('rolls back an optimistic vote the server refuses, and says why', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    const q = await approvedQuestion(ep.id, 'Siapa yang mengangkut sampah dari dusun yang jalannya sempit?');

    // Same phone, two tabs: the second still thinks it has not voted.
    const { ctx, page, errors } = await phone();
    await open(page, ep.code);
    const tab = await ctx.newPage();
    await open(tab, ep.code);
    await voteButton(item(page, q.text)).click();
    await expect.poll(() => votesShown(item(tab, q.text)), WAIT).toBe('1');
    await voteButton(item(tab, q.text)).click();
    await expect.poll(() => tab.getByTestId('notices').textContent(), WAIT).toContain('Anda sudah memberi dukungan untuk pertanyaan ini.');
    expect(await votesShown(item(tab, q.text))).toBe('1');
    expect(await voteButton(item(tab, q.text)).getAttribute('aria-pressed')).toBe('true');

    // A vote that waits for the connection while the screener rejects the question.
    const other = await approvedQuestion(ep.id, 'Berapa iuran bank sampah per bulan?');
    const p = await phone();
    await open(p.page, ep.code);
    await p.ctx.setOffline(true);
    await p.page.locator('[data-testid=connection][data-status=offline]').waitFor({ state: 'attached' });
    await voteButton(item(p.page, other.text)).click();
    expect(await votesShown(item(p.page, other.text))).toBe('1');
    expect(await p.page.getByTestId('connection').textContent()).toContain('1 tindakan menunggu dikirim');
    await must(c.screener, 'question:reject', { episodeId: ep.id, questionId: other.id });
    await p.ctx.setOffline(false);
    await expect.poll(() => p.page.getByTestId('notices').textContent(), WAIT).toContain(
      'Dukungan tidak tersimpan: Pertanyaan ini belum disetujui, sudah ditolak, atau sudah digabung.',
    );
    await expect.poll(() => item(p.page, other.text).count(), WAIT).toBe(0);
    expect(await staffVotes(ep.id, other.id)).toBe(0);
    await screenshot(p.page, 'listener-refused-phone');
    expect(real([...errors, ...p.errors])).toEqual([]);
  });

  it('shows the question on air live when the host airs it, then under "Sudah dijawab"', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    const q = await approvedQuestion(ep.id, 'Kapan TPS 3R di Kecamatan Kalisari mulai beroperasi?');
    const { page, errors } = await phone();
    await open(page, ep.code);
    expect(await page.getByTestId('on-air').textContent()).toContain('Belum ada pertanyaan');

    await must(c.host, 'question:air', { episodeId: ep.id, questionId: q.id });
    await expect.poll(() => page.getByTestId('on-air').textContent(), WAIT).toContain(q.text);
    expect(await page.getByTestId('on-air').getAttribute('aria-live')).toBe('polite');
    expect(await item(page, q.text).count()).toBe(0);
    await screenshot(page, 'listener-on-air-phone');

    await must(c.host, 'question:answered', { episodeId: ep.id, questionId: q.id });
    await expect.poll(() => page.getByTestId('on-air').textContent(), WAIT).toContain('Belum ada pertanyaan');
    expect(await page.locator('details summary').textContent()).toBe('Sudah dijawab (1)');
    expect(errors).toEqual([]);
  });

  it('keeps a vote made offline: sent when back, and still pressed after a reload', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    const q = await approvedQuestion(ep.id, 'Apakah ada insentif bagi pedagang yang memilah sampah?');
    const { ctx, page, errors, dialogs } = await phone();
    await open(page, ep.code);
    expect(await page.evaluate(() => localStorage.getItem('kentongan.token'))).toBeTruthy();

    await ctx.setOffline(true);
    await page.locator('[data-testid=connection][data-status=offline]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('connection').textContent()).toContain('Offline');
    await voteButton(item(page, q.text)).click();
    expect(await voteButton(item(page, q.text)).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('connection').textContent()).toContain('1 tindakan menunggu dikirim');
    await screenshot(page, 'listener-offline-phone');
    expect(await staffVotes(ep.id, q.id)).toBe(0);
    // Leaving now would drop the waiting vote: the browser asks first (the phone's dialog
    // handler answers "stay", so the page stays open).
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    expect((await asked).type()).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    await ctx.setOffline(false);
    await expect.poll(() => staffVotes(ep.id, q.id), WAIT).toBe(1);
    await online(page);
    expect(await page.getByTestId('connection').textContent()).not.toContain('menunggu');

    await page.reload();
    await page.locator('main[data-ready]').waitFor();
    expect(await voteButton(item(page, q.text)).getAttribute('aria-pressed')).toBe('true');
    expect(await votesShown(item(page, q.text))).toBe('1');
    expect(await page.getByTestId('notices').textContent()).toBe('');
    // Once nothing waits, a reload leaves without asking.
    expect(dialogs).toHaveLength(1);
    expect(real(errors)).toEqual([]);
  });

  it('shows listener text as text: no markup, no script, no dialog', async () => {
    const ep = await createLiveEpisode(c.url, c.hostCookie);
    const { page, errors, dialogs } = await phone();
    await open(page, ep.code);
    const evil = '<img src=x onerror=alert(1)> <script>alert(2)</script> "><svg onload=alert(3)>';
    await page.getByLabel('Pertanyaan Anda').fill(evil);
    await page.getByLabel('Nama (boleh dikosongkan)').fill('<b onmouseover=alert(4)>Budi</b>');
    await page.getByLabel('Desa/kecamatan (boleh dikosongkan)').fill('<script>alert(5)</script>');
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    await page.getByTestId('mine').waitFor();
    const staff = await joinStaff(c.screener, ep.id);
    const q = staff.questions.find((x) => x.askerName?.includes('Budi'))!;
    await must(c.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: q.id });

    await expect.poll(() => page.getByTestId('on-air').textContent(), WAIT).toContain(evil);
    expect(await page.getByTestId('on-air').textContent()).toContain('<b onmouseover=alert(4)>Budi</b>, <script>alert(5)</script>');
    expect(await page.getByTestId('mine').first().textContent()).toContain(evil);
    expect(await page.locator('img[src="x"], main script, main svg, main b').count()).toBe(0);
    await page.getByTestId('on-air').hover();
    await settle(page);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  for (const size of ['phone', 'desktop'] as const) {
    it(`has no serious accessibility problems and is keyboard-reachable (${size})`, async () => {
      const ep = await createLiveEpisode(c.url, c.hostCookie);
      const onAir = await approvedQuestion(ep.id, 'Bagaimana cara desa mendapat gerobak sampah dari dinas?');
      await approvedQuestion(ep.id, 'Apakah sampah organik pasar bisa diolah jadi kompos untuk petani sekitar?');
      await approvedQuestion(ep.id, 'Di mana lokasi bank sampah terdekat dari Kecamatan Sidoharjo?');
      await must(c.host, 'question:air', { episodeId: ep.id, questionId: onAir.id });
      const { page, errors } = await phone({ phone: size === 'phone' });
      await open(page, ep.code);
      await page.getByLabel('Pertanyaan Anda').fill('Apakah warga boleh menyetor minyak jelantah ke bank sampah?');
      await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
      await page.getByTestId('mine').waitFor();
      await voteButton(page.locator('#queue li').first()).click();
      await screenshot(page, `listener-${size}`);
      expect(await seriousA11yProblems(page)).toEqual([]);

      // Every control is reachable by keyboard: Tab reaches the form and the vote buttons.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const reached = new Set<string>();
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        reached.add(await page.evaluate(() => (document.activeElement?.classList.contains('vote') ? 'vote' : document.activeElement?.id ?? '')));
      }
      expect([...reached]).toEqual(expect.arrayContaining(['ask-text', 'ask-name', 'ask-place', 'vote']));
      expect(errors).toEqual([]);
    });
  }
});
