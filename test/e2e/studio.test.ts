// The read-only studio screen and stream overlay, against a real server and Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderSVG } from 'uqr';
import { screenshot, settle } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { seriousA11yProblems } from '../support/axe.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const c = browserStudio({}, { crew: true });
let ep: { id: string; code: string };
const voters: Client[] = [];
const texts = [
  'Kapan jadwal pengangkutan sampah pasar ditambah jadi dua kali sehari?',
  'Apakah bank sampah desa bisa dapat bantuan timbangan digital?',
  'Bagaimana nasib pemulung kalau TPS ditutup?',
  'Berapa harga plastik PET per kilo di bank sampah?',
  'Apakah ada lomba kampung bersih tahun ini?',
  'Siapa yang bisa dihubungi kalau sampah menumpuk di pinggir sungai?',
];
const q: Array<{ id: string; text: string }> = [];

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie);
  for (const text of texts) q.push(await must(c.screener, 'question:submit', { episodeId: ep.id, text, channel: 'whatsapp', name: 'Mas Yoga', location: 'Kec. Sidoharjo' }));
  // Votes 0..5 by position, so the expected order is the reverse of the list.
  for (let i = 0; i < 5; i++) {
    const { socket } = await listener(c.url);
    voters.push(socket);
    await must(socket, 'episode:join', { episodeId: ep.id });
    for (let j = i + 1; j < q.length; j++) await must(socket, 'vote:cast', { episodeId: ep.id, questionId: q[j]!.id });
  }
  await must(c.host, 'question:air', { episodeId: ep.id, questionId: q[5]!.id });
});

afterAll(async () => {
  for (const s of [c?.host, c?.screener, c?.notulis, ...voters]) s?.disconnect();
});

async function studio(path: string, opts: { phone?: boolean } = {}) {
  const opened = await c.open(path, { ...opts, dialogs: true });
  await opened.page.getByTestId('on-air').waitFor();
  return opened;
}

async function queueTexts(page: Page): Promise<string[]> {
  return page.getByTestId('queue').locator('li').allTextContents();
}

describe('studio screen', { timeout: 60_000 }, () => {
  it('shows the question on air, the next five with votes, the code and a QR code, without counting as a listener', async () => {
    const before = (await joinStaff(c.host, ep.id)).episode.listenerCount;
    const { page, errors } = await studio(`/studio/${ep.code.toLowerCase()}`);
    expect(await page.getByTestId('on-air').textContent()).toContain(texts[5]);
    expect(await page.getByTestId('on-air').textContent()).toContain('5 dukungan');
    await expect.poll(() => queueTexts(page), WAIT).toHaveLength(5);
    const shown = await queueTexts(page);
    // Ranked by votes: 4, 3, 2, 1, 0.
    for (const [i, n] of [4, 3, 2, 1, 0].entries()) {
      expect(shown[i]).toContain(texts[n]);
      expect(shown[i]).toContain(`${n} dukungan`);
    }
    expect(await page.getByTestId('code').textContent()).toBe(ep.code);

    const src = (await page.getByTestId('qr').getAttribute('src'))!;
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toBe(renderSVG(`${c.url}/j/${ep.code}`, { ecc: 'M', border: 2 }));
    expect(await page.getByTestId('qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.getByTestId('join-url').textContent()).toBe(`${c.url.replace('http://', '')}/j/${ep.code}`);
    // This test server listens on 127.0.0.1 without PUBLIC_URL: the screen says phones cannot open it.
    expect(await page.getByTestId('address-warning').count()).toBe(1);

    expect((await joinStaff(c.host, ep.id)).episode.listenerCount).toBe(before);
    await screenshot(page, 'studio-desktop');
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(errors).toEqual([]);

    const small = await studio(`/studio/${ep.code}`, { phone: true });
    await screenshot(small.page, 'studio-phone');
    expect(await seriousA11yProblems(small.page)).toEqual([]);
  });

  it('follows the show live: airing, answering and votes change the screen', async () => {
    const { page, errors, dialogs } = await studio(`/studio/${ep.code}`);
    await must(c.host, 'question:answered', { episodeId: ep.id, questionId: q[5]!.id });
    await expect.poll(() => page.getByTestId('on-air').textContent(), WAIT).toContain('Belum ada pertanyaan');

    await must(c.host, 'question:air', { episodeId: ep.id, questionId: q[4]!.id });
    await expect.poll(() => page.getByTestId('on-air').textContent(), WAIT).toContain(texts[4]);
    await expect.poll(async () => (await queueTexts(page))[0], WAIT).toContain(texts[3]);

    // One vote lifts the oldest question level with the next one: the tie goes to the older.
    const order = async () => (await queueTexts(page)).map((t) => texts.findIndex((x) => t.includes(x)));
    expect(await order()).toEqual([3, 2, 1, 0]);
    await must(voters[0]!, 'vote:cast', { episodeId: ep.id, questionId: q[0]!.id });
    await expect.poll(order, WAIT).toEqual([3, 2, 0, 1]);
    expect((await queueTexts(page))[2]).toContain('1 dukungan');

    // Listener text on the big screen is text too.
    const evil = await must(c.screener, 'question:submit', {
      episodeId: ep.id, text: '<img src=x onerror=alert(1)><script>alert(2)</script>', channel: 'sms', name: '<b>Tono</b>', location: null,
    });
    await must(c.host, 'question:answered', { episodeId: ep.id, questionId: q[4]!.id });
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: evil.id });
    await expect.poll(() => page.getByTestId('on-air').textContent(), WAIT).toContain('<img src=x onerror=alert(1)><script>alert(2)</script>');
    expect(await page.getByTestId('on-air').textContent()).toContain('<b>Tono</b>');
    expect(await page.locator('[data-testid=on-air] img, [data-testid=on-air] script, [data-testid=on-air] b').count()).toBe(0);
    await settle(page);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('has a transparent background with ?bg=transparent, for streaming software', async () => {
    const { page, errors } = await studio(`/studio/${ep.code}?bg=transparent`);
    const backgrounds = await page.evaluate(() => [
      getComputedStyle(document.documentElement).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.querySelector('.studio')!).backgroundColor,
    ]);
    expect(backgrounds).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    await screenshot(page, 'studio-transparent-desktop', { transparent: true });
    // Each panel carries its own dark backing, so the text stays legible over any video.
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(errors).toEqual([]);

    const small = await studio(`/studio/${ep.code}?bg=transparent`, { phone: true });
    await screenshot(small.page, 'studio-transparent-phone', { transparent: true });
    expect(await small.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yProblems(small.page)).toEqual([]);
    expect(small.errors).toEqual([]);
  });
});
