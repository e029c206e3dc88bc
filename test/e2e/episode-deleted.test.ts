// A listener's phone and the host's console open on an episode the admin deletes: both say
// so in words, instead of showing an episode that no longer exists.
import { describe, expect, it } from 'vitest';
import { context, openListener, screenshot, watchErrors } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api } from '../support/server.ts';
import { SHOW_EPISODE } from '../support/show.ts';

const c = browserStudio();
describe('an episode deleted while its pages are open', () => {
  it('the listener page and the host console say it was deleted', async () => {
    const ep = (await api(c.url, '/api/episodes', { method: 'POST', cookie: c.admin, body: { ...SHOW_EPISODE, title: 'Episode uji hapus' } })).json.episode as { id: string; code: string };
    const [phone, desk] = await Promise.all([context(c.browser, c.url, { phone: true }), context(c.browser, c.url, { cookie: c.admin })]);
    const [listenerPage, hostPage] = await Promise.all([phone.newPage(), desk.newPage()]);
    const errors = [...watchErrors(listenerPage), ...watchErrors(hostPage)];
    await openListener(listenerPage, ep.code);
    await hostPage.goto(`/host/${ep.id}`);
    await hostPage.locator('[data-testid=episode-status]').waitFor();
    await expect.poll(() => listenerPage.locator('h1').innerText()).toContain('Episode uji hapus');

    expect((await api(c.url, `/api/episodes/${ep.id}`, { method: 'DELETE', cookie: c.admin })).status).toBe(204);
    await listenerPage.getByRole('alert').filter({ hasText: 'Episode ini sudah dihapus oleh stasiun.' }).waitFor();
    await hostPage.getByText('Episode ini sudah dihapus oleh stasiun.').waitFor();
    await screenshot(listenerPage, 'episode-deleted-listener');
    expect(errors).toEqual([]);
    await Promise.all([phone.close(), desk.close()]);
  });
});
