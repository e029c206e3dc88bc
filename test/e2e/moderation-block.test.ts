// Blocking a sender, as the screener meets it in Chromium: an insult arrives with
// pre-moderation off and is held with its reason on the screener's card; the screener blocks
// its sender from the card; the sender's earlier vote leaves the ranking a listener's page
// shows; the blocked list offers the way back; and the notula's tally counts the insult as
// filtered for its words, without them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openListener, screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import type { OpenedPage } from '../support/e2e.ts';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';

const WAIT = { timeout: 10_000, interval: 50 };
const INSULT = 'Dasar pejabat goblok, anjing semua!';
const OLDER = 'Kapan posyandu di balai desa buka lagi?';
const NEWER = 'Apakah ada bantuan bibit untuk kelompok tani?';

const c = browserStudio({ sample: true }, { crew: true });
let ep: { id: string; code: string };
const sockets: Client[] = [];
let screener: OpenedPage;
let fanPage: OpenedPage;

async function fan(): Promise<Client> {
  const { socket } = await listener(c.url);
  await must(socket, 'episode:join', { code: ep.code });
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie, { ...SHOW_EPISODE, premoderation: false });
  [screener, fanPage] = await Promise.all([
    c.open(`/screener/${ep.id}`, { cookie: c.screenerCookie, console: true }),
    c.open(null, { phone: true }),
  ]);
  await openListener(fanPage.page, ep.code);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all([screener, fanPage].map((p) => p?.close()));
});

describe('blocking a sender from the screener\'s card', { timeout: 90_000 }, () => {
  it('holds the insult, blocks its sender, takes their vote out of the ranking, and the notula counts it filtered', async () => {
    const older = await must(await fan(), 'question:ask', { episodeId: ep.id, text: OLDER });
    const newer = await must(await fan(), 'question:ask', { episodeId: ep.id, text: NEWER });
    const insulter = await fan();
    await must(insulter, 'vote:cast', { episodeId: ep.id, questionId: newer.id });
    const insult = await must(insulter, 'question:ask', { episodeId: ep.id, text: INSULT });
    expect(insult.status).toBe('pending');

    // The listener's page ranks the newer question first: it has the insulter's vote.
    const queue = fanPage.page.locator('[data-testid=queue] > li[data-qid]');
    await expect.poll(() => queue.evaluateAll((li) => li.map((x) => x.getAttribute('data-qid'))), WAIT).toEqual([newer.id, older.id]);

    // Held with its reason on the screener's card.
    const s = screener.page;
    const card = s.locator(`article[data-question-id="${insult.id}"]`);
    await card.waitFor(WAIT);
    expect(await s.locator('[data-testid=flagged-group] h3').innerText()).toContain('Ditahan untuk dicek');
    expect(await card.locator('[data-testid=flag]').allInnerTexts()).toEqual(['kata kasar: goblok, anjing']);

    await card.getByTestId('block-open').click();
    await card.getByTestId('block-confirm').getByText('Blokir pengirim ini?').waitFor();
    await screenshot(s, 'block-confirm');
    await card.getByRole('button', { name: 'Ya, blokir' }).click();
    const blocked = s.getByTestId('blocked-list');
    await expect.poll(() => blocked.locator('li').count(), WAIT).toBe(1);
    expect(await blocked.innerText()).toContain(INSULT);

    // The insulter's vote is gone: the older question leads again, both at 0.
    await expect.poll(() => queue.evaluateAll((li) => li.map((x) => x.getAttribute('data-qid'))), WAIT).toEqual([older.id, newer.id]);
    expect(await fanPage.page.locator(`[data-qid="${newer.id}"] [data-testid=votes]`).innerText()).toBe('0');
    expect(await fanPage.page.locator('body').innerText()).not.toContain('goblok');
    await screenshot(s, 'block-screener-after');

    // The way back is there (and works), then the block again for the tally.
    await blocked.getByTestId('unblock').click();
    await expect.poll(() => queue.evaluateAll((li) => li.map((x) => x.getAttribute('data-qid'))), WAIT).toEqual([newer.id, older.id]);
    await expect.poll(() => blocked.locator('li').count(), WAIT).toBe(0);
    expect((await api(c.url, `/api/episodes/${ep.id}/questions/${insult.id}/block`, { method: 'POST', cookie: c.screenerCookie })).status).toBe(200);
    await expect.poll(() => queue.evaluateAll((li) => li.map((x) => x.getAttribute('data-qid'))), WAIT).toEqual([older.id, newer.id]);

    expect((await api(c.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: c.hostCookie })).status).toBe(200);
    const path = (await fetch(`${c.url}/arsip/e/${ep.id}`, { redirect: 'manual' })).headers.get('location')!;
    const archive = await c.open(path);
    try {
      const text = await archive.page.locator('body').innerText();
      expect(text).toContain('Disaring (tidak ditayangkan): 1 (kata kasar 1)');
      expect(text).not.toContain('goblok');
      await screenshot(archive.page, 'block-notula-tally');
    } finally {
      await archive.close();
    }
    expect(screener.errors).toEqual([]);
  });
});
