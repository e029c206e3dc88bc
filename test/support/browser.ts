import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

// Debian's Chromium, headless; nothing downloads a browser here.
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1366, height: 800 } };

/** A separate browser context (own cookies and storage), optionally signed in as staff. */
export async function context(browser: Browser, url: string, opts: { phone?: boolean; cookie?: string } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ ...(opts.phone ? PHONE : DESKTOP), baseURL: url, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  if (opts.cookie) {
    const [name, value] = opts.cookie.split('=') as [string, string];
    await ctx.addCookies([{ name, value, url }]);
  }
  return ctx;
}

/**
 * Screenshots go to test-output/screenshots (git-ignored), for people to look at.
 * `transparent` keeps a page's transparent background as alpha (a stream overlay) instead of white.
 */
export async function screenshot(page: Page, name: string, opts: { transparent?: boolean } = {}): Promise<void> {
  const dir = join('test-output', 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, omitBackground: opts.transparent ?? false });
}

/** Collects page errors and console errors, so a test can assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

/** Waits until a listener page has loaded and its socket is online. */
export async function listenerOnline(page: Page): Promise<void> {
  await page.locator('[data-testid=connection][data-status=online]').waitFor({ state: 'attached', timeout: 15_000 });
}

/** Opens a listener page by its join link, ready and online; a page that never gets ready says what it shows instead. */
export async function openListener(page: Page, code: string): Promise<void> {
  await page.goto(`/j/${code}`);
  await page.locator('main[data-ready]').waitFor({ timeout: 20_000 }).catch(async (err: Error) => {
    throw new Error(`page not ready: "${(await page.locator('body').innerText()).slice(0, 300)}" (${err.message.split('\n')[0]})`);
  });
  await listenerOnline(page);
}

/**
 * Lets the page run what is already queued (image errors, handlers a hover set off, a render)
 * before a test asserts that nothing happened: two animation frames and a task, in the page's
 * own event loop, instead of a guess at wall-clock time.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
}
