// Issue 10 §5: /studio/CODE?mode=lower-third for OBS/vMix, in Chromium at 1920×1080, framed
// over a checkerboard the way streaming software lays it over the camera: outside the lower
// third every pixel is the checkerboard; the text stays inside the title-safe area; the
// overlay follows the host live and never turns listener text into markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../support/browser.ts';
import { decodePng, scalePng } from '../support/pixels.ts';
import { api, must, startServer } from '../support/server.ts';
import { freePort } from '../support/ports.ts';
import type { TestServer } from '../support/server.ts';
import { createLiveEpisode, crew } from '../support/show.ts';
import { seriousA11yProblems } from '../support/axe.ts';
import type { Crew } from '../support/show.ts';

const WAIT = { timeout: 10_000, interval: 50 };
const W = 1920;
const H = 1080;
/** Title-safe: 10% in from each edge. */
const SAFE = { left: W * 0.1, right: W * 0.9, top: H * 0.1, bottom: H * 0.9 };
const CELL = 40;
const LIGHT = [0xe8, 0xea, 0xed];
const DARK = [0x9a, 0xa0, 0xa6];
/** Which checkerboard colour the parent page paints at (x, y): see the gradient below. */
const board = (x: number, y: number) => (Math.floor(x / CELL) % 2 !== Math.floor(y / CELL) % 2 ? DARK : LIGHT);

let server: TestServer;
let browser: Browser;
let c: Crew;
let ep: { id: string; code: string };
/** The question the host has on air, answered before the next one goes on. */
let onAirId: string | null = null;

beforeAll(async () => {
  // The browser source opens the overlay by the studio PC's own address, listed in ALLOWED_ORIGINS.
  const port = await freePort();
  [server, browser] = await Promise.all([
    startServer({ sample: false, publicUrl: 'https://radio.example.id', allowedOrigins: [`http://127.0.0.1:${port}`] }, undefined, port),
    launchBrowser(),
  ]);
  c = await crew(server.url);
  ep = await createLiveEpisode(server.url, c.hostCookie);
});
afterAll(async () => {
  for (const s of [c?.host, c?.screener, c?.notulis]) s?.disconnect();
  await browser?.close();
  await server?.stop();
});

async function ask(text: string, name: string | null, location: string | null) {
  return must(c.screener, 'question:submit', { episodeId: ep.id, text, channel: 'whatsapp', name, location });
}

/** The overlay in an iframe over a CSS checkerboard, as a browser source over video. */
async function overlay(query = ''): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: W, height: H }, deviceScaleFactor: 1, locale: 'id-ID' });
  const page = await ctx.newPage();
  const src = `${server.url}/studio/${ep.code}?mode=lower-third${query}`;
  await page.setContent(`<!doctype html><html><body style="margin:0;background:repeating-conic-gradient(#9aa0a6 0 25%, #e8eaed 0 50%) 0 0 / ${2 * CELL}px ${2 * CELL}px">
    <iframe src="${src}" style="display:block;border:0;width:${W}px;height:${H}px"></iframe></body></html>`);
  const frame = await new Promise<Frame>((res) => {
    const f = page.frames().find((x) => x.url().includes('mode=lower-third'));
    if (f) res(f);
    else page.on('frameattached', (x) => res(x));
  });
  const errors = watchErrors(page);
  await frame.waitForURL(/mode=lower-third/);
  await frame.getByTestId('lt-join').waitFor();
  return { page, frame, errors };
}

type Box = { left: number; top: number; right: number; bottom: number; name: string };
/** Every box the overlay draws (plates and the join strip), in page pixels. */
function boxes(frame: Frame): Promise<Box[]> {
  return frame.evaluate(() => [...document.querySelectorAll('[data-testid^=lt-]')].map((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, name: el.getAttribute('data-testid')! };
  }));
}

async function expectInsideTitleSafe(frame: Frame): Promise<void> {
  for (const b of await boxes(frame)) {
    expect(b.left, b.name).toBeGreaterThanOrEqual(SAFE.left);
    expect(b.right, b.name).toBeLessThanOrEqual(SAFE.right);
    expect(b.top, b.name).toBeGreaterThanOrEqual(SAFE.top);
    expect(b.bottom, b.name).toBeLessThanOrEqual(SAFE.bottom);
  }
  const scroll = await frame.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  expect(scroll).toEqual([W, H]);
}

/** Screenshot, then: every checkerboard cell centre away from the drawn boxes is the checkerboard. */
async function expectTransparentAround(page: Page, frame: Frame): Promise<Buffer> {
  const png = await page.screenshot();
  const px = await decodePng(browser, png);
  expect([px.width, px.height]).toEqual([W, H]);
  const drawn = await boxes(frame);
  const margin = 30; // the plates' soft shadow
  let checked = 0;
  for (let y = CELL / 2; y < H; y += CELL) {
    for (let x = CELL / 2; x < W; x += CELL) {
      if (drawn.some((b) => x > b.left - margin && x < b.right + margin && y > b.top - margin && y < b.bottom + margin)) continue;
      const [r, g, b] = px.at(x, y);
      const want = board(x, y);
      if (Math.abs(r - want[0]!) > 2 || Math.abs(g - want[1]!) > 2 || Math.abs(b - want[2]!) > 2) {
        throw new Error(`pixel (${x}, ${y}) is ${r},${g},${b}, not the checkerboard ${want.join(',')}`);
      }
      checked++;
    }
  }
  // Most of the frame is checked: the overlay is a lower third (and a poll box), not a full screen.
  expect(checked).toBeGreaterThan(0.55 * (W / CELL) * (H / CELL));
  // And the plates themselves are opaque enough to read over any video.
  const main = drawn.find((b) => b.name === 'lt-onair');
  if (main) {
    const [r, g, b] = px.at(main.left + 60, main.bottom - 12);
    expect(Math.max(r, g, b)).toBeLessThan(50);
  }
  return png;
}

describe('lower-third overlay', { timeout: 90_000 }, () => {
  // The tests share one episode and run in order: the last one ends it.
  it('shows only the question on air with its asker and the join strip, transparent around, inside title-safe', async () => {
    const first = await ask('Kapan jadwal pengangkutan sampah di Pasar Kliwon ditambah jadi dua kali sehari? Sore hari sampah sudah menumpuk.', 'Mas Yoga', 'Kec. Sidoharjo');
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: first.id });
    onAirId = first.id;
    const { page, frame, errors } = await overlay();
    await frame.getByTestId('lt-question').waitFor();
    expect(await frame.getByTestId('lt-question').textContent()).toBe(first.text);
    expect(await frame.getByTestId('lt-asker').textContent()).toBe('— Mas Yoga, Kec. Sidoharjo');
    const strip = await frame.getByTestId('lt-join').textContent();
    expect(strip).toContain(`radio.example.id/j/${ep.code}`);
    expect(strip?.replace(/\s/g, '')).toContain(ep.code);
    // Nothing else of the studio screen: no title, no queue, no QR.
    expect(await frame.locator('h1, [data-testid=queue], [data-testid=qr], [data-testid=address-warning]').count()).toBe(0);
    await expectInsideTitleSafe(frame);
    // Legible when the stream is scaled to 720p: no text under 2.5% of the frame's height
    // (27 px here, 18 px at 720p).
    const sizes = await frame.evaluate(() => [...document.querySelectorAll('[data-testid^=lt-] *, [data-testid^=lt-]')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .map((el) => parseFloat(getComputedStyle(el).fontSize)));
    expect(sizes.length).toBeGreaterThan(4);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(H * 0.025);
    expect(await seriousA11yProblems(frame)).toEqual([]);
    const png = await expectTransparentAround(page, frame);

    // web/docs/lower-third.png is this file, copied by hand (a run must not dirty the checkout).
    await mkdir(join('test-output', 'screenshots'), { recursive: true });
    await writeFile(join('test-output', 'screenshots', 'lower-third.png'), png);
    // As a 720p stream shows it: the smallest text must still read.
    await writeFile(join('test-output', 'screenshots', 'lower-third-720p.png'), await scalePng(browser, png, 1280, 720));
    expect(errors).toEqual([]);
  });

  it('follows the host live, clamps a long question, draws only the strip when nothing is on air, and keeps listener text as text', async () => {
    const { page, frame, errors } = await overlay();
    await frame.getByTestId('lt-question').waitFor();
    if (onAirId) await must(c.host, 'question:answered', { episodeId: ep.id, questionId: onAirId });

    const long = await ask(`${'Jalan desa Mekarsari rusak berat sejak musim hujan tahun lalu dan belum ada perbaikan. '.repeat(5)}Kapan diperbaiki?`, null, 'Desa Mekarsari');
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: long.id });
    await expect.poll(() => frame.getByTestId('lt-question').textContent(), WAIT).toBe(long.text);
    expect(await frame.getByTestId('lt-asker').textContent()).toBe('— Tanpa nama, Desa Mekarsari');
    // Clamped with an ellipsis: the box holds three lines, the text is longer.
    expect(await frame.getByTestId('lt-question').evaluate((el) => el.scrollHeight > el.clientHeight + 4)).toBe(true);
    await expectInsideTitleSafe(frame);
    await expectTransparentAround(page, frame);

    await must(c.host, 'question:answered', { episodeId: ep.id, questionId: long.id });
    await expect.poll(() => frame.getByTestId('lt-onair').count(), WAIT).toBe(0);
    expect(await frame.getByTestId('lt-join').isVisible()).toBe(true);
    await expectTransparentAround(page, frame);

    const evil = await ask('<img src=x onerror=alert(1)><script>alert(2)</script> benar?', '<b>Tono</b>', null);
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: evil.id });
    await expect.poll(() => frame.getByTestId('lt-question').textContent(), WAIT).toBe(evil.text);
    expect(await frame.getByTestId('lt-asker').textContent()).toBe('— <b>Tono</b>');
    expect(await frame.locator('[data-testid=overlay] :is(img, script, b)').count()).toBe(0);
    expect(errors).toEqual([]);
    await must(c.host, 'question:answered', { episodeId: ep.id, questionId: evil.id });
  });

  it('shows the open poll only with ?poll=1, inside title-safe; after the show, nothing', async () => {
    const q = await ask('Apakah bank sampah desa bisa dapat bantuan timbangan digital?', 'Bu Sri', 'Desa Kadumanis');
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: q.id });
    const poll = await must(c.host, 'poll:open', { episodeId: ep.id, kind: 'single', question: 'Jalan mana diperbaiki dulu?', options: ['Cibening', 'Kadumanis', 'Mekarjaya'], showResults: true });

    const plain = await overlay();
    await plain.frame.getByTestId('lt-question').waitFor();
    expect(await plain.frame.getByTestId('lt-poll').count()).toBe(0);

    const { page, frame, errors } = await overlay('&poll=1');
    await frame.getByTestId('lt-poll').waitFor();
    expect(await frame.getByTestId('lt-poll').textContent()).toContain('Jalan mana diperbaiki dulu?');
    expect(await frame.getByTestId('lt-poll').textContent()).toContain('Kadumanis');
    await expectInsideTitleSafe(frame);
    const png = await expectTransparentAround(page, frame);
    await writeFile(join('test-output', 'screenshots', 'lower-third-poll.png'), png);

    await must(c.host, 'poll:close', { episodeId: ep.id, pollId: poll.id });
    await expect.poll(() => frame.getByTestId('lt-poll').count(), WAIT).toBe(0);

    // After the show the overlay draws nothing at all: the whole frame is the checkerboard.
    expect((await api(server.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: c.hostCookie })).status).toBe(200);
    await expect.poll(() => frame.locator('[data-testid^=lt-]').count(), WAIT).toBe(0);
    await expectTransparentAround(page, frame);
    expect(errors).toEqual([]);
  });
});
