// A citizen on a 360 px phone: from the home page to the archive, to the sample episode, and
// to the moment a question was answered — with JavaScript (the chapter seeks the player in
// place) and without (the chapter link reloads with a media fragment). The recording is a
// few seconds of silent WAV served by the test itself: no network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PHONE, screenshot } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, must } from '../support/client.ts';
import { SAMPLE_EPISODES } from '../../server/domain/sample.ts';
import { buildFinishedSample } from '../../server/sample/episodes.ts';
import { notulaQuestions } from '../../server/domain/notula/layout.ts';

const ID = SAMPLE_EPISODES.finished;
const PATH = '/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung';
const TITLE = 'Eps. 7: Air bersih untuk desa-desa di lereng gunung';
/** The first chapter lands this many seconds into the recording (the start is set so). */
const AT = 3;

/** `seconds` of 8 kHz, 8-bit mono silence as a WAV file. */
function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const data = rate * seconds;
  const b = Buffer.alloc(44 + data, 0x80); // 0x80 is silence for unsigned 8-bit PCM
  b.write('RIFF', 0); b.writeUInt32LE(36 + data, 4); b.write('WAVE', 8);
  b.write('fmt ', 12); b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate, 28); b.writeUInt16LE(1, 32); b.writeUInt16LE(8, 34);
  b.write('data', 36); b.writeUInt32LE(data, 40);
  return b;
}

/** Serves the WAV with byte ranges, as a station's file host would: a player seeks by range. */
function audioServer(wav: Buffer): Promise<Server> {
  const server = createServer((req, res) => {
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    res.setHeader('Content-Type', 'audio/wav');
    res.setHeader('Accept-Ranges', 'bytes');
    if (!range) return void res.end(wav);
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
    res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${wav.length}`, 'Content-Length': end - start + 1 });
    res.end(wav.subarray(start, end + 1));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const c = browserStudio({ sample: true, station: { name: 'Suara Giri FM' } }, { crew: true });
let audio: Server;
let recordingUrl: string;

beforeAll(async () => {
  audio = await audioServer(silentWav(10));
  recordingUrl = `http://127.0.0.1:${(audio.address() as AddressInfo).port}/rekaman/eps-7.wav`;
  await must(c.host, 'episode:recording', { episodeId: ID, recordingUrl });
  // The recorder started AT seconds before the first question went on air.
  const first = notulaQuestions(buildFinishedSample())[0]!;
  const start = new Date(Date.parse(first.onAirAt!) - AT * 1000).toISOString();
  const r = await api(c.url, `/api/episodes/${ID}/recording-start`, { method: 'PUT', cookie: c.hostCookie, body: { recordingStartedAt: start } });
  expect(r.status).toBe(200);
});

afterAll(async () => {
  await new Promise((resolve) => audio?.close(resolve));
});

describe('the public archive on a phone', () => {
  it('leads from / to the episode and plays the recording from a chapter (JavaScript on)', async () => {
    const { page, errors, close } = await c.open('/', { phone: true });
    try {
      await page.getByRole('link', { name: 'Arsip siaran' }).click();
      await page.waitForURL('**/arsip');
      await page.getByRole('heading', { name: 'Arsip siaran', level: 1 }).waitFor();
      await page.getByRole('heading', { name: /SUARA DESA/, level: 2 }).waitFor();
      await screenshot(page, 'arsip-phone');
      // Nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await page.getByRole('link', { name: TITLE }).click();
      await page.waitForURL(`**${PATH}`);
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await page.getByText('Hal-hal penting dalam diskusi').waitFor();
      // What a phone shows first (title, player, chapters); the whole long page beside it.
      await page.screenshot({ path: 'test-output/screenshots/arsip-episode-phone.png' });
      await screenshot(page, 'arsip-episode-phone-full');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      // A chapter seeks the player in place: no reload, the shared address gets #t=.
      await page.evaluate(() => {
        const a = document.getElementById('rekaman') as HTMLAudioElement;
        (window as unknown as { stayed: boolean }).stayed = true;
        a.addEventListener('seeked', () => ((window as unknown as { seekedAt: number }).seekedAt = a.currentTime), { once: true });
      });
      const chapter = page.locator(`ol.bab a[data-t="${AT}"]`);
      expect(await chapter.getAttribute('href')).toBe(`?t=${AT}#rekaman`);
      await chapter.click();
      await page.waitForFunction(() => (window as unknown as { seekedAt?: number }).seekedAt !== undefined, null, { timeout: 15_000 });
      expect(await page.evaluate(() => (window as unknown as { seekedAt: number }).seekedAt)).toBe(AT);
      expect(await page.evaluate(() => (document.getElementById('rekaman') as HTMLAudioElement).currentTime)).toBeGreaterThanOrEqual(AT);
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      expect(new URL(page.url()).hash).toBe(`#t=${AT}`);
      // The page's CSP lets its one script run and blocks nothing it needs.
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows notula and chapters without JavaScript; a chapter link starts the player at its moment', async () => {
    const ctx = await c.browser.newContext({ ...PHONE, baseURL: c.url, javaScriptEnabled: false, locale: 'id-ID' });
    try {
      const page = await ctx.newPage();
      await page.goto('/');
      // The home page is the Svelte app: without JavaScript its archive link is not there, so the
      // reader comes by the archive's own address (as from a search engine or the portal).
      await page.goto('/arsip?q=air+bersih');
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByText('Hal-hal penting dalam diskusi').waitFor();
      const chapters = page.locator('ol.bab li');
      expect(await chapters.count()).toBe(notulaQuestions(buildFinishedSample()).length);
      expect(await page.locator('#rekaman').getAttribute('src')).toBe(recordingUrl);
      await page.locator(`ol.bab a[data-t="${AT}"]`).click();
      await page.waitForURL(`**${PATH}?t=${AT}#rekaman`);
      expect(await page.locator('#rekaman').getAttribute('src')).toBe(`${recordingUrl}#t=${AT}`);
      expect(await page.locator('audio[controls][preload=none]').count()).toBe(1);
    } finally {
      await ctx.close();
    }
  });

  it('lets the notulis move the recording start on the after-show card; the chapters follow', async () => {
    const { page, errors, close } = await c.open(`/notulis/${ID}`, { cookie: c.notulisCookie });
    try {
      await page.getByTestId('after-show').waitFor({ timeout: 30_000 });
      const field = page.getByLabel('Awal rekaman (WIB)');
      const first = notulaQuestions(buildFinishedSample())[0]!;
      // Shown on the episode's clock (WIB = UTC+7), to the second: the start set above.
      const wib = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 19);
      await expect.poll(() => field.inputValue(), { timeout: 10_000 }).toBe(wib(Date.parse(first.onAirAt!) - AT * 1000));
      await field.fill(wib(Date.parse(first.onAirAt!) - 5000));
      await page.getByRole('button', { name: 'Simpan awal rekaman' }).click();
      await page.getByText(/^Awal rekaman disimpan: /).waitFor({ timeout: 10_000 });
      await page.getByTestId('after-show').screenshot({ path: 'test-output/screenshots/recording-start.png' });
      expect((await api(c.url, PATH)).text).toContain('data-t="5"');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
