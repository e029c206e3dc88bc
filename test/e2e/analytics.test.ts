// The staff's Statistik page in Chromium: a show with real listener sockets joining and
// leaving while the audience sampler's ticks are driven by hand (injected scheduler and
// clock, no wall-clock waits), questions from three channels, votes and a poll; after the end
// the host opens the page from the episode list and reads the chart, the counts and the
// empty reader section, on a desk and on a 360 px phone.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { disconnectAll } from '../support/integration.ts';
import { testClock } from '../support/clock.ts';
import { until } from '../support/until.ts';
import { RELAXED_LIMITS } from '../support/planning.ts';

const clock = testClock('2026-10-03T12:00:00.000Z');
const jobs: Array<() => void> = [];
const c = browserStudio({ now: clock.now, rateLimits: RELAXED_LIMITS, audience: { timers: { every: (fn) => { jobs.push(fn); return () => {}; } } } }, { crew: true });
let ep: { id: string; code: string };

/** Points of the episode on disk: the sampler starts the next only once the last has landed. */
async function onDisk(id: string): Promise<number> {
  const file = JSON.parse(await readFile(join(c.server.dataDir, 'episodes', `${id}.json`), 'utf8'));
  return file.audience?.samples.length ?? 0;
}

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie);
  for (const s of [c.host, c.screener]) await joinStaff(s, ep.id);
  const people: Client[] = [];
  let kept = 0;
  // The audience each minute from 19.00 WIB: it grows, peaks at 9, thins out.
  for (const size of [2, 5, 9, 7, 8, 4, 3]) {
    while (people.length < size) {
      const p = (await listener(c.url)).socket;
      await must(p, 'episode:join', { episodeId: ep.id });
      people.push(p);
    }
    while (people.length > size) people.pop()!.disconnect();
    await until(() => c.server.app.broadcaster.connectedListeners(ep.id) === size, `${size} connected`);
    jobs.at(-1)!();
    const want = ++kept;
    await until(async () => (await onDisk(ep.id)) === want, `point ${want} on disk`);
    clock.advance(1);
  }
  const asked = await must(people[0]!, 'question:ask', { episodeId: ep.id, text: 'Kapan bank sampah buka di RW 2?' });
  const spam = await must(people[1]!, 'question:ask', { episodeId: ep.id, text: 'promo pulsa murah' });
  await must(c.screener, 'question:approve', { episodeId: ep.id, questionId: asked.id });
  await must(c.screener, 'question:reject', { episodeId: ep.id, questionId: spam.id });
  const sms = await must(c.screener, 'question:submit', { episodeId: ep.id, text: 'Sampah pasar diangkut jam berapa?', channel: 'sms', name: null, location: null });
  const sms2 = await must(c.screener, 'question:submit', { episodeId: ep.id, text: 'Jam berapa sampah pasar diangkut?', channel: 'sms', name: null, location: null });
  await must(c.screener, 'question:merge', { episodeId: ep.id, questionId: sms2.id, intoId: sms.id });
  await must(c.screener, 'question:submit', { episodeId: ep.id, text: 'Bisa pilah sampah di rumah?', channel: 'phone', name: 'Bu Sri', location: null });
  for (const p of people.slice(0, 3)) await must(p, 'vote:cast', { episodeId: ep.id, questionId: asked.id });
  await must(people[0]!, 'vote:cast', { episodeId: ep.id, questionId: sms.id });
  await must(c.host, 'question:air', { episodeId: ep.id, questionId: sms.id });
  const poll = await must(c.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });
  await must(people[0]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 0 });
  await must(people[1]!, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 1 });
  await must(c.host, 'poll:close', { episodeId: ep.id, pollId: poll.id });
  const ended = await api(c.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: c.hostCookie });
  expect(ended.status, ended.text).toBe(200);
  disconnectAll(people);
}, 120_000);

describe('the Statistik page', () => {
  it('is reached from the episode list and shows the chart, the counts and no reader data yet', async () => {
    const { page, errors, close } = await c.open('/staff', { cookie: c.hostCookie });
    const card = page.locator(`[data-episode-id="${ep.id}"]`);
    await card.getByRole('link', { name: 'Statistik' }).click();
    await page.waitForURL(`**/stats/${ep.id}`);
    await page.getByTestId('audience-chart').waitFor({ timeout: 30_000 });

    // Ten joined in all: nine at the peak, then one more after two had gone.
    expect(await page.getByTestId('listeners-total').innerText()).toBe('10');
    expect(await page.getByTestId('listeners-peak').innerText()).toMatch(/^9\s+pukul 19\.02$/);
    // Seven points, one a minute, 19.00 to 19.06 in the episode's zone (WIB).
    const points = (await page.locator('[data-testid=audience-chart] polyline').getAttribute('points'))!.split(' ');
    expect(points).toHaveLength(7);
    await page.getByTestId('chart-peak').waitFor();
    const labels = await page.locator('[data-testid=audience-chart] svg text').allTextContents();
    expect(labels).toContain('19.00');
    expect(labels).toContain('19.06');
    expect(labels).toContain('Puncak 9 · 19.02');

    const table = page.getByTestId('questions-by-channel');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Saluran', 'Web', 'SMS', 'Telepon', 'Semua']);
    const row = async (name: string) => (await table.getByRole('row', { name: new RegExp(`^${name}`) }).locator('td').allInnerTexts());
    expect(await row('Masuk')).toEqual(['2', '2', '1', '5']);
    expect(await row('Disetujui')).toEqual(['1', '1', '1', '3']);
    expect(await row('Disiarkan')).toEqual(['0', '1', '0', '1']);
    expect(await row('Digabung')).toEqual(['0', '1', '0', '1']);
    expect(await row('Ditolak')).toEqual(['1', '0', '0', '1']);
    expect(await page.getByTestId('votes-total').innerText()).toBe('4');
    expect(await page.getByTestId('voters').innerText()).toBe('3');
    // Two of the three connected when the poll ran answered.
    expect(await page.getByTestId('poll-turnout').locator('dd').allInnerTexts()).toEqual(['2', '3', '67 %']);
    // The moment the figures stand at is the server's, in the episode's zone.
    await page.getByText('Keadaan pukul 19.07').waitFor();
    expect(await page.getByTestId('reader-none').innerText()).toBe('Belum ada data pembaca');
    await screenshot(page, 'analytics-desktop');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Archive readers' }).waitFor();
    expect(await page.getByTestId('reader-none').innerText()).toBe('No reader data yet');
    expect(errors).toEqual([]);
    await close();
  });

  it('is reached from the after-show box and fits a 360 px phone', async () => {
    const { page, errors, close } = await c.open(`/notulis/${ep.id}`, { cookie: c.notulisCookie, phone: true, console: true });
    await page.getByTestId('stats-link').click();
    await page.waitForURL(`**/stats/${ep.id}`);
    await page.getByTestId('audience-chart').waitFor({ timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const svg = await page.locator('[data-testid=audience-chart] svg').boundingBox();
    // The card's padding aside, the chart takes the phone's width.
    expect(svg!.width).toBeGreaterThan(280);
    await screenshot(page, 'analytics');
    expect(errors).toEqual([]);
    await close();
  });

  it('sends an anonymous visitor to sign in', async () => {
    const { page, close } = await c.open(`/stats/${ep.id}`);
    await page.getByRole('alert').getByRole('link', { name: 'Masuk sebagai petugas' }).waitFor({ timeout: 30_000 });
    await close();
  });
});
