// The XSS corpus in every field of a published episode, listener-written and staff-written,
// read on every server-rendered public page in Chromium, with JavaScript on and off: no script
// may run, no element may grow a handler or a javascript: link, and the payloads show as text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, settle } from '../support/browser.ts';
import { browserStudio } from '../support/e2e.ts';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';
import { injected, XSS } from '../support/xss.ts';
import { normalizeLine } from '../../server/contract/text.ts';

const c = browserStudio({ sample: true, rateLimits: { listener: { points: 1e6, seconds: 1 }, staff: { points: 1e6, seconds: 1 } } }, { crew: true });
let episodePath = '';

beforeAll(async () => {
  const ep = await createLiveEpisode(c.url, c.admin, {
    ...SHOW_EPISODE, premoderation: false, series: `Seri ${XSS[0]!}`, title: XSS[1]!, place: XSS[2]!,
    hosts: [XSS[3]!, XSS[4]!],
    speakers: [{ fullName: XSS[5]!, shortName: XSS[6]!, position: XSS[7]!, agency: XSS[8]! }, { fullName: 'Bu Lestari', shortName: 'Bu Lestari', position: XSS[9]!, agency: XSS[10]! }],
  });
  const people: Client[] = [];
  for (let i = 0; i < 4; i++) {
    const { socket } = await listener(c.url);
    await must(socket, 'episode:join', { episodeId: ep.id });
    people.push(socket);
  }
  const d = c.server.app.aspirations.district;
  const kec = d.kecamatan[0]!;
  for (const [i, p] of XSS.entries()) {
    const q = await must(people[i % people.length]!, 'question:ask', { episodeId: ep.id, text: `${p} #${i}`, name: p, location: p });
    // Links and a listener asking fast are flagged and held: the screener lets them through.
    if (q.status === 'pending') await must(c.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    await must(c.host, 'question:air', { episodeId: ep.id, questionId: q.id });
    await must(c.notulis, 'note:add', { episodeId: ep.id, questionId: q.id, by: { kind: 'agency', label: XSS[(i + 3) % XSS.length]!.slice(0, 80) }, text: XSS[(i + 7) % XSS.length]! });
    await must(c.host, 'question:answered', { episodeId: ep.id, questionId: q.id });
    const r = await (people[i % people.length]!.timeout(5_000) as any).emitWithAck('aspiration:submit', {
      episodeId: ep.id, text: `${p} usulan #${i}`, problem: p, dimension: d.dimensions[i % d.dimensions.length]!.code, kecamatan: kec.code, desa: kec.desa[0]!.code,
      rtRw: null, name: p, phone: '081234567890', consent: true,
    });
    if (!r.ok) throw new Error(`aspiration:submit refused: ${r.error.code} ${r.error.message}`);
  }
  await must(c.host, 'poll:open', { episodeId: ep.id, kind: 'single', question: XSS[11]!, options: [XSS[12]!, XSS[13]!] });
  expect((await api(c.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: c.hostCookie })).status).toBe(200);
  episodePath = (await fetch(`${c.url}/arsip/e/${ep.id}`, { redirect: 'manual' })).headers.get('location')!;
  expect(episodePath).toMatch(/^\/arsip\/[a-z0-9-]+\/[a-z0-9-]+$/);
}, 180_000);

/** Every public page that is server-rendered now (the tracker and data pages once they exist). */
async function publicPages(): Promise<string[]> {
  const list = ['/arsip', `/arsip?q=${encodeURIComponent(XSS[0]!)}`, episodePath, `${episodePath}?t=5`];
  for (const p of ['/usulan', '/data']) if ((await api(c.url, p)).text.includes('<header class="site">')) list.push(p);
  return list;
}

async function check(page: Page, path: string, javaScript = true) {
  await page.goto(path);
  if (javaScript) await settle(page);
  return {
    found: await injected(page),
    flag: await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    text: await page.evaluate(() => document.body.innerText),
  };
}

describe('the XSS corpus on the public pages', () => {
  it('runs no script with JavaScript on, the reader poll answered included', async () => {
    const pages = await publicPages();
    const { page, dialogs, close } = await c.open(null, { phone: true, dialogs: true });
    try {
      const report: string[] = [];
      for (const path of pages) {
        const r = await check(page, path);
        expect(r.found, path).toEqual([]);
        expect(r.flag, path).toBeUndefined();
        // A long payload wraps instead of widening the page past the phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
        const shown = XSS.filter((x) => r.text.includes(normalizeLine(x))).length;
        report.push(`${path.slice(0, 40)}: ${shown} shown as text`);
        if (path === episodePath) expect(shown, path).toBeGreaterThanOrEqual(XSS.length - 5);
      }
      // The results the script swaps in after an answer.
      await page.goto(episodePath);
      await page.locator('#tanggapan').scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-output/screenshots/public-xss-poll.png' });
      await page.locator('#tanggapan').getByLabel('Puas', { exact: true }).check();
      await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await page.locator('#tanggapan ul.hasil').waitFor();
      expect(await injected(page)).toEqual([]);
      expect(dialogs).toEqual([]);
      process.stdout.write(`public XSS (JS on): ${report.join('; ')}\n`);
    } finally {
      await close();
    }
  }, 120_000);

  it('builds no markup from it with JavaScript off', async () => {
    const pages = await publicPages();
    const ctx = await c.browser.newContext({ ...PHONE, baseURL: c.url, javaScriptEnabled: false, locale: 'id-ID' });
    try {
      const page = await ctx.newPage();
      for (const path of pages) {
        const r = await check(page, path, false);
        expect(r.found, path).toEqual([]);
        expect(r.text.length, path).toBeGreaterThan(100);
      }
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
