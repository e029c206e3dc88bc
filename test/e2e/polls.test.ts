// Polls and usulan on the host's console, against a real server and real Chromium while
// listeners (real sockets) answer: the satisfaction poll in one click, live results that
// add up to 100 %, the switch that shows them to listeners, a poll of the host's own, and
// the on-air question turned into an usulan for the planners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { StaffSnapshot } from '../../server/contract/views.ts';
import type { StaffExtras } from '../../server/contract/events.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const c = browserStudio({ sample: true, rateLimits: RELAXED_LIMITS }, { crew: true });
let ep: { id: string; code: string };
const listeners: Client[] = [];

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.admin);
  for (let i = 0; i < 7; i++) {
    const { socket } = await listener(c.url);
    await must(socket, 'episode:join', { code: ep.code });
    listeners.push(socket);
  }
});

afterAll(async () => {
  for (const s of listeners) s.disconnect();
});

async function snapshot(): Promise<StaffSnapshot & StaffExtras> {
  return joinStaff(c.host, ep.id) as Promise<StaffSnapshot & StaffExtras>;
}

async function openHost(phone = false) {
  const { ctx, page, errors } = await c.open(`/host/${ep.id}`, { cookie: c.hostCookie, phone });
  await page.locator('[data-testid=connection]', { hasText: 'Terhubung' }).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=polls]').waitFor();
  return { ctx, page, errors };
}

const percents = (page: Page) => page.locator('[data-testid=poll-open] [data-testid=poll-results] li').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-percent'))));

describe('polls on the host console', { timeout: 60_000 }, () => {
  it('opens the satisfaction poll in one click, shows live results summing to 100 %, shows them to listeners and closes', async () => {
    const { ctx, page, errors } = await openHost();
    await page.click('[data-testid=poll-satisfaction]');
    await page.locator('[data-testid=poll-open]').waitFor();
    const poll = (await snapshot()).polls.find((p) => p.status === 'open')!;
    expect(poll).toMatchObject({ preset: 'satisfaction', question: 'Bagaimana Tanggapan Anda?', options: ['Sangat Puas', 'Puas', 'Cukup Puas', 'Tidak Puas'], resultsVisible: false });
    // A second poll cannot be opened while this one is: the button is gone.
    expect(await page.locator('[data-testid=poll-satisfaction]').count()).toBe(0);

    // 1 / 3 / 3 / 0: thirds that must still add up to 100.
    const choices = [0, 1, 1, 1, 2, 2, 2];
    await Promise.all(listeners.map((l, i) => must(l, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: choices[i]! })));
    await expect.poll(() => percents(page), WAIT).toEqual([14, 43, 43, 0]);
    expect((await percents(page)).reduce((a, b) => a + b, 0)).toBe(100);
    const rows = await page.locator('[data-testid=poll-open] [data-testid=poll-results] li').allInnerTexts();
    expect(rows.map((r) => r.trim())).toEqual(['Sangat Puas: 14% (1 suara)', 'Puas: 43% (3 suara)', 'Cukup Puas: 43% (3 suara)', 'Tidak Puas: 0% (0 suara)']);
    expect(await page.locator('[data-testid=poll-open] [data-testid=poll-total]').innerText()).toBe('Jumlah suara: 7');
    // A listener changes their mind while it is open; the host sees it.
    await must(listeners[0]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 3 });
    await expect.poll(() => percents(page), WAIT).toEqual([0, 43, 43, 14]);

    // Listeners see counts only once the host flips the switch.
    const [fresh] = [(await listener(c.url)).socket];
    const hidden = await must(fresh, 'episode:join', { code: ep.code });
    expect('polls' in hidden && hidden.polls[0]!.counts).toBeNull();
    await page.locator('[data-testid=poll-open] [data-testid=poll-visible]').check();
    await expect.poll(async () => (await snapshot()).polls[0]!.resultsVisible, WAIT).toBe(true);
    // A join answers with the shared snapshot of the last listener delta (built once for
    // every joiner); the switch reaches a fresh join by the next tick's delta.
    await expect.poll(async () => {
      const shown = await must(fresh, 'episode:join', { code: ep.code });
      return 'polls' in shown ? shown.polls[0]!.percents : 'no polls';
    }, WAIT).toEqual([0, 43, 43, 14]);
    fresh.disconnect();

    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'host-poll-desktop');

    await page.click('[data-testid=poll-close]');
    await expect.poll(async () => (await snapshot()).polls[0]!.status, WAIT).toBe('closed');
    // The closed poll stays readable for the host, and the next one can be opened.
    await page.locator('[data-testid=poll-closed]').waitFor();
    expect(await page.locator('[data-testid=poll-closed] [data-testid=poll-total]').innerText()).toBe('Jumlah suara: 7');
    const late = await listeners[1]!.timeout(5_000).emitWithAck('poll:answer', { episodeId: ep.id, pollId: poll.id, option: 0 });
    expect(late).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('opens a single-choice poll of the host\'s own, refusing fewer than two options', async () => {
    const { ctx, page, errors } = await openHost();
    await page.click('summary:has-text("Jajak pendapat lain")');
    await page.fill('#poll-question', 'Jam siaran yang paling cocok?');
    await page.fill('#poll-options', 'Pagi\n');
    await page.click('[data-testid=custom-poll] button[type=submit]');
    expect(await page.locator('#poll-options-problem').innerText()).toBe('Tulis 2 sampai 10 pilihan, satu per baris.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('poll-options');
    await page.fill('#poll-options', 'Pagi\nSiang\n\nMalam');
    await page.click('[data-testid=custom-poll] button[type=submit]');
    await page.locator('[data-testid=poll-open]').waitFor();
    const poll = (await snapshot()).polls.find((p) => p.status === 'open')!;
    expect(poll).toMatchObject({ kind: 'single', preset: null, question: 'Jam siaran yang paling cocok?', options: ['Pagi', 'Siang', 'Malam'] });
    await must(listeners[2]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 2 });
    await expect.poll(() => percents(page), WAIT).toEqual([0, 0, 100]);
    await page.click('[data-testid=poll-close]');
    await expect.poll(async () => (await snapshot()).polls.every((p) => p.status === 'closed'), WAIT).toBe(true);
    // The earlier poll is kept further down.
    expect(await page.locator('summary:has-text("Jajak pendapat sebelumnya (1)")').count()).toBe(1);

    const small = await openHost(true);
    await screenshot(small.page, 'host-poll-phone');
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await small.ctx.close();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('turns the on-air question into an usulan with its dimension and place', async () => {
    const asker = listeners[3]!;
    const q = await must(asker, 'question:ask', { episodeId: ep.id, text: 'Kapan lampu jalan di tikungan Krajan dipasang?', name: 'Pak Darto' });
    await must(c.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: q.id });

    const { ctx, page, errors } = await openHost();
    await page.click('[data-testid=make-aspiration]');
    const form = page.locator('[data-testid=from-question]');
    // Without the place the page asks for it first.
    await form.locator('button[type=submit]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`conv-${q.id}-problem`);
    await page.fill(`#conv-${q.id}-problem`, 'Tikungan gelap, sering terjadi kecelakaan malam hari.');
    await page.selectOption(`#conv-${q.id}-dimension`, 'living');
    await page.selectOption(`#conv-${q.id}-kecamatan`, '99.01.01');
    await page.selectOption(`#conv-${q.id}-desa`, '99.01.01.2002');
    await page.fill(`#conv-${q.id}-rtrw`, '3/5');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, 'host-aspiration-desktop');
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=converted]').waitFor();

    const made = (await snapshot()).aspirations.find((a) => a.questionId === q.id)!;
    expect(made).toMatchObject({ text: q.text, problem: 'Tikungan gelap, sering terjadi kecelakaan malam hari.', dimension: 'living', desa: '99.01.01.2002', rtRw: '003/005', status: 'baru' });
    await expect.poll(() => page.locator('[data-testid=host-aspirations]').innerText(), WAIT).toContain(q.text);
    // It reaches the planner's desk, without the asker's name (a name on air is not consent).
    const desk = (await api(c.url, `/api/aspirations?episode=${ep.id}`, { cookie: c.admin })).json.aspirations;
    expect(desk).toHaveLength(1);
    expect(desk[0].contact).toBeNull();
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
