// Issue 10 §3 in Chromium: the join link the host reads on air and the studio's QR use
// PUBLIC_URL, not the address the studio browser happens to use; without PUBLIC_URL, on a
// server only reachable over loopback, the host console and studio screen warn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { context, launchBrowser, screenshot, watchErrors } from '../support/browser.ts';
import { imagePixels } from '../support/pixels.ts';
import { api, startServer } from '../support/server.ts';
import { freePort } from '../support/ports.ts';
import type { TestServer } from '../support/server.ts';
import { SHOW_EPISODE, createLiveEpisode, crew } from '../support/show.ts';
import type { Crew } from '../support/show.ts';
import { seriousA11yProblems } from '../support/axe.ts';

const PUBLIC = 'https://radio.example.id';
let browser: Browser;
const servers: TestServer[] = [];
const crews: Crew[] = [];

/** A station with a crew and a live episode; `publicUrl` as PUBLIC_URL. */
async function station(publicUrl?: string) {
  const port = await freePort();
  // A studio PC on the LAN opens the consoles by its own address, listed in ALLOWED_ORIGINS,
  // while listeners use PUBLIC_URL.
  const server = await startServer({ sample: false, publicUrl, allowedOrigins: [`http://127.0.0.1:${port}`] }, undefined, port);
  servers.push(server);
  const c = await crew(server.url);
  crews.push(c);
  const ep = await createLiveEpisode(server.url, c.hostCookie);
  return { server, c, ep };
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of crews) for (const s of [c.host, c.screener, c.notulis]) s.disconnect();
  await browser?.close();
  for (const s of servers) await s.stop();
});

describe('join link and QR with PUBLIC_URL', { timeout: 60_000 }, () => {
  it('the host console shows PUBLIC_URL/j/CODE, the studio QR decodes to it, and nothing warns', async () => {
    const { server, c, ep } = await station(PUBLIC);
    const expected = `${PUBLIC}/j/${ep.code}`;

    const host = await (await context(browser, server.url, { cookie: c.hostCookie })).newPage();
    const hostErrors = watchErrors(host);
    await host.goto(`/host/${ep.id}`);
    const link = host.getByTestId('join-link');
    await link.waitFor();
    expect(await link.textContent()).toBe(expected);
    expect(await link.getAttribute('href')).toBe(expected);
    expect(await host.getByTestId('address-warning').count()).toBe(0);
    // Copied by hand to web/docs/ for the README and the closing note (a run must not dirty the checkout).
    await mkdir(join('test-output', 'screenshots'), { recursive: true });
    await host.locator('section.top').screenshot({ path: join('test-output', 'screenshots', 'join-link-public-url.png') });
    expect(hostErrors).toEqual([]);

    const studio = await (await context(browser, server.url)).newPage();
    const studioErrors = watchErrors(studio);
    await studio.goto(`/studio/${ep.code}`);
    const qr = studio.getByTestId('qr');
    await qr.waitFor();
    expect(await qr.getAttribute('data-url')).toBe(expected);
    const img = await imagePixels(browser, qr);
    expect(jsQR(img.data, img.width, img.height)?.data).toBe(expected);
    expect(await studio.getByTestId('join-url').textContent()).toBe(`radio.example.id/j/${ep.code}`);
    expect(await studio.getByTestId('address-warning').count()).toBe(0);
    expect(studioErrors).toEqual([]);
  });

  it('the episode list hands out the public join, overlay and notula addresses', async () => {
    const { server, c, ep } = await station(PUBLIC);
    const ended = await createLiveEpisode(server.url, c.hostCookie, { ...SHOW_EPISODE, title: 'Episode yang sudah selesai' });
    expect((await api(server.url, `/api/episodes/${ended.id}/end`, { method: 'POST', cookie: c.hostCookie })).status).toBe(200);

    const page = await (await context(browser, server.url, { cookie: c.hostCookie })).newPage();
    const errors = watchErrors(page);
    await page.goto('/staff');
    const live = page.locator(`[data-episode-id="${ep.id}"]`);
    await live.getByTestId('public-join').waitFor();
    expect(await live.getByTestId('public-join').getAttribute('href')).toBe(`${PUBLIC}/j/${ep.code}`);
    expect(await live.getByTestId('public-lower-third').getAttribute('href')).toBe(`${PUBLIC}/studio/${ep.code}?mode=lower-third`);
    const done = page.locator(`[data-episode-id="${ended.id}"]`);
    expect(await done.getByTestId('public-notula').textContent()).toBe(`${PUBLIC}/api/episodes/${ended.id}/notula.html`);
    expect(await done.getByTestId('public-join').count()).toBe(0);
    // The public notula is what that address serves (asked of this server, as the proxy would).
    expect((await api(server.url, `/api/episodes/${ended.id}/notula.html`)).status).toBe(200);
    await screenshot(page, 'staff-public-links');
    expect(errors).toEqual([]);
  });
});

describe('without PUBLIC_URL on a loopback-only server', { timeout: 60_000 }, () => {
  it('the host console and the studio screen warn, in Indonesian and in English', async () => {
    const { server, c, ep } = await station();
    const expected = `${server.url}/j/${ep.code}`;

    const host = await (await context(browser, server.url, { cookie: c.hostCookie })).newPage();
    const errors = watchErrors(host);
    await host.goto(`/host/${ep.id}`);
    const warning = host.getByTestId('address-warning');
    await warning.waitFor();
    expect(await host.getByTestId('join-link').textContent()).toBe(expected);
    expect(await warning.textContent()).toContain('tidak bisa dibuka dari ponsel pendengar');
    expect(await warning.textContent()).toContain('PUBLIC_URL');
    await host.locator('section.top').screenshot({ path: join('test-output', 'screenshots', 'join-link-warning.png') });
    expect(await seriousA11yProblems(host)).toEqual([]);
    await host.evaluate(() => localStorage.setItem('kentongan.lang', 'en'));
    await host.reload();
    await warning.waitFor();
    expect(await warning.textContent()).toContain("Listeners' phones cannot open this link.");
    await screenshot(host, 'host-address-warning-en');
    expect(errors).toEqual([]);

    const studio = await (await context(browser, server.url)).newPage();
    await studio.goto(`/studio/${ep.code}`);
    await studio.getByTestId('address-warning').waitFor();
    const img = await imagePixels(browser, studio.getByTestId('qr'));
    expect(jsQR(img.data, img.width, img.height)?.data).toBe(expected);
    await screenshot(studio, 'studio-address-warning');
  });
});
