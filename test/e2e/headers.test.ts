// Issue 9 item 13 in a real browser: every page of the built app runs under the
// Content-Security-Policy without a single violation (its scripts, styles, QR image and
// socket all allowed), no page can be framed by another site, and the studio overlay can.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { context, watchErrors } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { must } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';

const WAIT = { timeout: 10_000, interval: 50 };

const c = browserStudio({}, { crew: true });
let ep: { id: string; code: string };

beforeAll(async () => {
  ep = await createLiveEpisode(c.url, c.hostCookie);
  const q = await must(c.screener, 'question:submit', { episodeId: ep.id, text: 'Kapan jalan desa diperbaiki?', channel: 'sms' });
  await must(c.host, 'question:air', { episodeId: ep.id, questionId: q.id });
});
/** Opens a page and records every CSP violation the browser reports on it. */
async function open(path: string, cookie?: string): Promise<{ page: Page; errors: string[]; violations: () => Promise<string[]> }> {
  const ctx = await context(c.browser, c.url, { cookie });
  await ctx.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(path);
  return { page, errors, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

describe('the app under its Content-Security-Policy', { timeout: 90_000 }, () => {
  it('renders every page and connects its socket without a CSP violation', async () => {
    const pages: Array<[string, string | undefined]> = [
      ['/', undefined], [`/j/${ep.code}`, undefined], [`/studio/${ep.code}`, undefined], [`/studio/${ep.code}?overlay=1`, undefined], [`/studio/${ep.code}?mode=lower-third&poll=1`, undefined],
      ['/staff', c.admin], [`/host/${ep.id}`, c.hostCookie], [`/screener/${ep.id}`, c.screenerCookie], [`/notulis/${ep.id}`, c.notulisCookie], ['/planner', c.admin],
    ];
    for (const [path, cookie] of pages) {
      const sockets = () => [...c.server.app.io.of('/').sockets.values()].filter((s) => s.request.headers['user-agent']?.includes('Chrome')).length;
      const { page, errors, violations } = await open(path, cookie);
      await page.waitForFunction(() => (document.querySelector('#app')?.children.length ?? 0) > 0, undefined, { timeout: 10_000 });
      // Live pages open a socket: it got through connect-src.
      if (path !== '/' && path !== '/staff' && path !== '/planner') await expect.poll(sockets, { ...WAIT, message: path }).toBe(1);
      await page.waitForLoadState('networkidle');
      expect(await violations(), path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.context().close();
      await expect.poll(sockets, WAIT).toBe(0);
    }
  });

  it('lets another site frame the studio overlay, and no other page', async () => {
    const { page } = await open('/');
    // A page on another origin (about:blank is opaque), as a streaming tool's web overlay would be.
    await page.setContent(`<iframe id="studio" src="${c.url}/studio/${ep.code}?overlay=1"></iframe><iframe id="listener" src="${c.url}/j/${ep.code}"></iframe>`);
    const studio = page.frameLocator('#studio');
    await studio.getByTestId('on-air').waitFor({ timeout: 10_000 });
    expect(await studio.getByTestId('on-air').textContent()).toContain('Kapan jalan desa diperbaiki?');
    const listenerFrame = (await (await page.$('#listener'))!.contentFrame())!;
    // Chromium replaces a refused frame with its own error page.
    await expect.poll(() => listenerFrame.url(), WAIT).toMatch(/^chrome-error:/);
    expect(await listenerFrame.evaluate(() => document.querySelector('#app'))).toBeNull();
    await page.context().close();
  });
});
