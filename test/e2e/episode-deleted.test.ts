// A listener's phone and the host's console open on an episode the admin deletes: both say
// so in words, instead of showing an episode that no longer exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { context, launchBrowser, openListener, screenshot, watchErrors } from '../support/browser.ts';
import { api, signIn, startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { SHOW_EPISODE } from '../support/show.ts';

let server: TestServer;
let browser: Browser;
let admin = '';
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ sample: false }), launchBrowser()]);
  admin = await signIn(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an episode deleted while its pages are open', () => {
  it('the listener page and the host console say it was deleted', async () => {
    const ep = (await api(server.url, '/api/episodes', { method: 'POST', cookie: admin, body: { ...SHOW_EPISODE, title: 'Episode uji hapus' } })).json.episode as { id: string; code: string };
    const [phone, desk] = await Promise.all([context(browser, server.url, { phone: true }), context(browser, server.url, { cookie: admin })]);
    const [listenerPage, hostPage] = await Promise.all([phone.newPage(), desk.newPage()]);
    const errors = [...watchErrors(listenerPage), ...watchErrors(hostPage)];
    await openListener(listenerPage, ep.code);
    await hostPage.goto(`/host/${ep.id}`);
    await hostPage.locator('[data-testid=episode-status]').waitFor();
    await expect.poll(() => listenerPage.locator('h1').innerText()).toContain('Episode uji hapus');

    expect((await api(server.url, `/api/episodes/${ep.id}`, { method: 'DELETE', cookie: admin })).status).toBe(204);
    await listenerPage.getByRole('alert').filter({ hasText: 'Episode ini sudah dihapus oleh stasiun.' }).waitFor();
    await hostPage.getByText('Episode ini sudah dihapus oleh stasiun.').waitFor();
    await screenshot(listenerPage, 'episode-deleted-listener');
    expect(errors).toEqual([]);
    await Promise.all([phone.close(), desk.close()]);
  });
});
