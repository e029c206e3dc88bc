// The reader side of an episode's page as readers' phones meet it over plain HTTP: "N Dilihat"
// once per reader per day, and the reader poll "Bagaimana Tanggapan Anda?" posted as a form
// (and as JSON, as the page's script does), with every refusal changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { SAMPLE_EPISODES } from '../../server/domain/sample.ts';

const ID = SAMPLE_EPISODES.finished;
const PATH = '/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung';
const PHONE = 'Mozilla/5.0 (Linux; Android 8.1; itel A16) Chrome/96 Mobile';

let now = Date.parse('2026-11-20T03:00:00Z');
let s: TestServer;
beforeAll(async () => {
  s = await startServer({ sample: true, now: () => new Date(now) });
});
afterAll(async () => s?.stop());

/** One reader's browser: keeps the cookie the server gives it, like a phone does. */
function reader(userAgent = PHONE) {
  let cookie: string | null = null;
  const headers = (extra: Record<string, string> = {}) => ({ 'user-agent': userAgent, ...(cookie ? { cookie } : {}), ...extra });
  return {
    get cookie() { return cookie; },
    set cookie(c: string | null) { cookie = c; },
    async open(path = PATH) {
      const r = await fetch(`${s.url}${path}`, { headers: headers() });
      const set = r.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      return { status: r.status, text: await r.text(), headers: r.headers, setCookie: set };
    },
    async answer(body: string, accept = 'text/html') {
      const r = await fetch(`${s.url}${PATH}/tanggapan`, {
        method: 'POST', redirect: 'manual', body,
        headers: headers({ 'content-type': 'application/x-www-form-urlencoded', accept }),
      });
      return { status: r.status, text: await r.text(), headers: r.headers };
    },
  };
}

const viewsOn = (page: string) => Number(/(\d+) Dilihat/.exec(page)?.[1]);
const resultsOn = (page: string) => [...page.matchAll(/<li><span>([^<]+)<\/span> <strong>(\d+) %<\/strong>/g)].map((m) => `${m[1]} ${m[2]}`);
async function onDisk() {
  return JSON.parse(await readFile(join(s.dataDir, 'readers.json'), 'utf8')) as { episodes: Record<string, { views: number; votes: Record<string, number> }> };
}
/** The page's views as shown, past the 30 s its cached copy may lag. */
async function shownViews() {
  now += 31_000;
  return viewsOn((await reader('Probe/1 bot').open()).text);
}

describe('views on an episode page', () => {
  it('counts a reader once a day, not per reload; a new reader and the next day count again; link previews not at all', async () => {
    const a = reader();
    const first = await a.open();
    expect(first.status).toBe(200);
    expect(first.setCookie).toMatch(/^kentongan_pembaca=r\.[\w-]{16}\.[\w-]{22}; Max-Age=31536000; Path=\/arsip; HttpOnly; SameSite=Lax$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const start = viewsOn(first.text);
    expect(start).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 5; i++) expect((await a.open()).setCookie).toBeNull();
    expect(await shownViews()).toBe(start);
    // Another phone of the same model from the same address (a carrier's CGNAT) is another reader.
    await reader().open();
    expect(await shownViews()).toBe(start + 1);
    await reader('WhatsApp/2.23.20.0 A').open();
    await fetch(`${s.url}${PATH}`, { headers: { 'user-agent': PHONE, 'sec-purpose': 'prefetch' } });
    expect(await shownViews()).toBe(start + 1);
    now += 24 * 3600_000;
    await a.open();
    expect(await shownViews()).toBe(start + 2);
  });

  it('ignores a cookie it did not issue (and issues a real one)', async () => {
    const forged = reader();
    forged.cookie = 'kentongan_pembaca=r.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB';
    const r = await forged.open();
    expect(r.status).toBe(200);
    expect(r.setCookie).toMatch(/^kentongan_pembaca=r\./);
    expect(forged.cookie).not.toContain('AAAAAAAAAAAAAAAA');
  });
});

describe('the reader poll', () => {
  it('shows the four choices as a form until the reader answers, then the results, and counts one answer per reader', async () => {
    const a = reader();
    const page = (await a.open()).text;
    expect(page).toContain('<h2>Bagaimana Tanggapan Anda?</h2>');
    expect(page).toContain(`<form id="tanggapan-form" method="post" action="${PATH}/tanggapan">`);
    for (const [i, label] of ['Sangat Puas', 'Puas', 'Cukup Puas', 'Tidak Puas'].entries()) {
      expect(page).toContain(`<input type="radio" name="pilihan" value="${i + 1}" required>${label}</label>`);
    }
    expect(resultsOn(page)).toEqual([]);
    const posted = await a.answer('pilihan=1');
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`${PATH}#tanggapan`);
    const after = (await a.open()).text;
    expect(after).toContain('Terima kasih, tanggapan Anda sudah tercatat.');
    expect(after).not.toContain('id="tanggapan-form"');
    expect(resultsOn(after)).toEqual(['Sangat Puas 100', 'Puas 0', 'Cukup Puas 0', 'Tidak Puas 0']);
    expect(after).toContain('1 tanggapan pembaca');
    // The second answer changes nothing and says so.
    const again = await a.answer('pilihan=4');
    expect(again.status).toBe(409);
    expect(again.text).toContain('Anda sudah memberi tanggapan untuk siaran ini; tanggapan pertama Anda yang dihitung.');
    expect(resultsOn(again.text)).toEqual(['Sangat Puas 100', 'Puas 0', 'Cukup Puas 0', 'Tidak Puas 0']);
    // Acknowledged = on disk: the answer is in the file before the 303 was sent.
    const file = await onDisk();
    expect(Object.values(file.episodes[ID]!.votes)).toEqual([0]);
  });

  it('puts whole percentages that add up to 100 (largest remainder) and keeps the live poll apart', async () => {
    // With the first test's answer: Sangat Puas 4, Puas 1, Tidak Puas 2 → 57.1 / 14.3 / 0 / 28.6.
    for (const choice of [1, 1, 1, 2, 4, 4]) {
      const r = reader();
      await r.open();
      expect((await r.answer(`pilihan=${choice}`)).status).toBe(303);
    }
    const last = reader();
    await last.open();
    const json = await last.answer('pilihan=3', 'application/json');
    expect(json.status).toBe(200);
    const body = JSON.parse(json.text) as { ok: boolean; html: string };
    expect(body.ok).toBe(true);
    expect(body.html).toMatch(/^<section id="tanggapan"/);
    // Counts 4, 1, 1, 2 of 8: exactly 50, 12.5, 12.5, 25; the tie goes to the earlier option.
    expect(resultsOn(body.html)).toEqual(['Sangat Puas 50', 'Puas 13', 'Cukup Puas 12', 'Tidak Puas 25']);
    expect(body.html).toContain('8 tanggapan pembaca');
    // The live poll of the show is still its own line, from the episode.
    const page = (await last.open()).text;
    expect(page).toContain('Jajak pendapat');
    expect(page).toContain('Tanggapan pembaca halaman ini, terpisah dari jajak pendapat pendengar saat siaran.');
  });

  it('refuses a missing token, a forged one, a forged or missing choice, and an unknown episode, counting nothing', async () => {
    const before = JSON.stringify((await onDisk()).episodes[ID]);
    const stranger = reader();
    const cases: Array<[string | null, string, number, string]> = [
      [null, 'pilihan=1', 400, 'browser Anda tidak menyimpan cookie'],
      ['kentongan_pembaca=r.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB', 'pilihan=1', 400, 'browser Anda tidak menyimpan cookie'],
      ['kentongan_pembaca=../../etc/passwd', 'pilihan=1', 400, 'browser Anda tidak menyimpan cookie'],
    ];
    const real = reader();
    await real.open();
    for (const body of ['pilihan=0', 'pilihan=5', 'pilihan=-1', 'pilihan=1.5', 'pilihan=satu', 'pilihan=1&pilihan=2']) cases.push([real.cookie, body, 400, 'Pilihan jawaban tidak ada']);
    for (const body of ['', 'pilihan=', 'lain=1']) cases.push([real.cookie, body, 400, 'Pilih salah satu tanggapan dulu']);
    for (const [cookie, body, status, words] of cases) {
      stranger.cookie = cookie;
      const r = await stranger.answer(body);
      expect(r.status, `${cookie} ${body}`).toBe(status);
      expect(r.text, body).toContain(words);
      const j = await stranger.answer(body, 'application/json');
      expect(j.status, body).toBe(status);
      expect(JSON.parse(j.text).error.message).toContain(words);
    }
    const big = await real.answer(`pilihan=1&x=${'a'.repeat(5000)}`);
    expect(big.status).toBe(413);
    const nowhere = await fetch(`${s.url}/arsip/suara-desa-obrolan-warga-dan-pemerintah/99-tidak-ada/tanggapan`, { method: 'POST', body: 'pilihan=1', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: real.cookie! } });
    expect(nowhere.status).toBe(404);
    expect(JSON.stringify((await onDisk()).episodes[ID])).toBe(before);
    // The reader can still answer once after all that.
    expect((await real.answer('pilihan=2')).status).toBe(303);
  });

  it('keeps no address, browser name or token in its file, and the counts survive a restart', async () => {
    const text = await readFile(join(s.dataDir, 'readers.json'), 'utf8');
    for (const secret of ['127.0.0.1', 'Mozilla', 'Android', 'Opera', 'r.']) expect(text).not.toContain(secret);
    const shown = await shownViews();
    s = await s.restart();
    now += 31_000;
    const page = (await reader('Probe/1 bot').open()).text;
    expect(viewsOn(page)).toBe(shown);
    const a = reader();
    await a.open();
    expect((await a.answer('pilihan=1', 'application/json')).text).toContain('10 tanggapan pembaca');
  });
});

describe('a flood of answers from one address', () => {
  let f: TestServer;
  beforeAll(async () => {
    f = await startServer({ sample: true, addressLimits: { readerVotes: { points: 3, seconds: 600 } } });
  });
  afterAll(async () => f?.stop());

  it('is refused past the limit with a 429 and a wait, and the refused answers are not counted', async () => {
    const statuses: number[] = [];
    let refused = '';
    for (let i = 0; i < 5; i++) {
      const first = await fetch(`${f.url}${PATH}`);
      const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
      const r = await fetch(`${f.url}${PATH}/tanggapan`, { method: 'POST', redirect: 'manual', body: 'pilihan=1', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
      statuses.push(r.status);
      if (r.status === 429) {
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        refused = await r.text();
      }
    }
    expect(statuses).toEqual([303, 303, 303, 429, 429]);
    expect(refused).toContain('Terlalu banyak permintaan dari jaringan Anda');
    const file = JSON.parse(await readFile(join(f.dataDir, 'readers.json'), 'utf8'));
    expect(Object.keys(file.episodes[ID].votes)).toHaveLength(3);
  });
});
