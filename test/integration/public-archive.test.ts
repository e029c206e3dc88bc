// The public archive as a reader's phone and the district portal meet it: plain HTTP against
// a real server with the sample, the pages' caching, and the staff's recording start.
import { describe, expect, it } from 'vitest';
import { studioServer } from '../support/integration.ts';
import { transferred } from '../support/weight.ts';
import { api, must } from '../support/client.ts';
import { SAMPLE_EPISODES } from '../../server/domain/sample.ts';
import { buildFinishedSample } from '../../server/sample/episodes.ts';
import { chapters } from '../../server/domain/recording-start.ts';

const ID = SAMPLE_EPISODES.finished;
const PATH = '/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung';

// fetch adds "Cache-Control: no-cache" to a conditional request unless one is given, and
// Express then rightly answers in full; a phone's browser revalidating sends max-age=0.
const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

describe('the public archive', () => {
  const s = studioServer({ sample: true, publicUrl: 'https://radio.example.id', station: { name: 'Suara Giri FM' } });

  it('lists the published episode, not the draft, with its counts, speakers and poll', async () => {
    const r = await api(s.url, '/arsip');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.text).toContain(`href="${PATH}"`);
    expect(r.text).toContain('Eps. 7: Air bersih untuk desa-desa di lereng gunung');
    expect(r.text).toContain('Sabtu, 14 November 2026');
    expect(r.text).toContain('BAPPEDA Kabupaten Giriwangi, Dinas PUPR Kabupaten Giriwangi');
    expect(r.text).toMatch(/\d+ pertanyaan dijawab · \d+ pendengar/);
    expect(r.text).toContain('Jajak pendapat');
    expect(r.text).toContain('Suara Giri FM');
    // The draft (episode 8) is not published.
    expect(r.text).not.toMatch(/Eps\. 8/);
    expect(r.headers.get('content-security-policy')).toContain("form-action 'self'");
  });

  it('filters by words, series, year and dimension; a miss says so', async () => {
    for (const q of ['?q=air+bersih', '?seri=suara-desa-obrolan-warga-dan-pemerintah', '?tahun=2026', '?q=&seri=&tahun=&dimensi=']) {
      const r = await api(s.url, `/arsip${q}`);
      expect(r.status, q).toBe(200);
      expect(r.text, q).toContain(`href="${PATH}"`);
    }
    const page = (await api(s.url, '/arsip')).text;
    const dim = /<select name="dimensi">.*?<option value="([a-z0-9-]+)"/.exec(page)?.[1];
    expect(dim).toBeTruthy();
    expect((await api(s.url, `/arsip?dimensi=${dim}`)).text).toContain(`href="${PATH}"`);
    for (const q of ['?q=tidakadakatasepertiini', '?tahun=2019']) {
      const r = await api(s.url, `/arsip${q}`);
      expect(r.status).toBe(200);
      expect(r.text).toContain('0 dari 1 siaran cocok');
      expect(r.text).not.toContain(`href="${PATH}"`);
    }
  });

  it('refuses a bad query with a clear message and a 400, listing nothing filtered', async () => {
    const cases: Array<[string, string]> = [
      ['?tahun=20x6', 'Tahun harus empat angka'],
      ['?seri=Bukan_Slug', 'Seri itu tidak ada'],
      ['?seri=seri-lain', 'Seri itu tidak ada'],
      ['?dimensi=../../etc', 'Dimensi itu tidak ada'],
      ['?q=a&q=b', 'hanya boleh diisi sekali'],
      [`?q=${'x'.repeat(101)}`, 'paling banyak 100'],
      ['?q=%00', 'tidak bisa dipakai'],
      ['?urut=baru', 'tidak dikenal'],
    ];
    for (const [q, message] of cases) {
      const r = await api(s.url, `/arsip${q}`);
      expect(r.status, q).toBe(400);
      expect(r.text, q).toContain(message);
      expect(r.headers.get('cache-control'), q).toBe('no-store');
    }
    // Reflected text stays text.
    const r = await api(s.url, '/arsip?q=%3Cscript%3Ealert(1)%3C/script%3E');
    expect(r.text).not.toContain('<script>alert(1)');
    expect(r.text).toContain('&lt;script&gt;');
  });

  it('shows the episode page: notula, station, chapters, Open Graph, share and download links', async () => {
    const r = await api(s.url, PATH);
    expect(r.status).toBe(200);
    expect(r.text).toContain('<meta property="og:type" content="article">');
    expect(r.text).toContain(`<meta property="og:url" content="https://radio.example.id${PATH}">`);
    expect(r.text).toContain('og:title" content="Eps. 7: Air bersih untuk desa-desa di lereng gunung"');
    expect(r.text).toContain('https://wa.me/?text=');
    expect(r.text).toContain(`href="/api/episodes/${ID}/notula.md" download`);
    expect(r.text).toContain('Suara Giri FM');
    expect(r.text).toContain('Hal-hal penting dalam diskusi');
    // The sample's recording link is not an audio file: a link, chapters without seeking.
    expect(r.text).not.toContain('<audio');
    expect(r.text).toContain('href="https://example.org/rekaman/suara-desa-07"');
    expect(r.text).toContain('@page{size:A4');
    const expected = chapters(buildFinishedSample());
    expect(expected.length).toBeGreaterThan(1);
    expect(r.text.match(/<ol class="bab">/g)).toHaveLength(1);
    // The old API address keeps working.
    expect((await api(s.url, `/api/episodes/${ID}/notula.html`)).status).toBe(200);
    // Never a listener id.
    expect(r.text).not.toMatch(/sample-listener-/);
  });

  it('weighs at most 30 KB on the wire, HTML and CSS together (one file)', async () => {
    for (const p of ['/arsip', PATH]) {
      const w = await transferred(`${s.url}${p}`);
      expect(w.encoding).toBe('gzip');
      // The figure for test/bench/RESULTS.md and the closing note.
      process.stdout.write(`page weight ${p}: ${w.bytes} bytes gzip\n`);
      expect(w.bytes).toBeLessThanOrEqual(30 * 1024);
    }
  });

  it('answers 404 for malformed and unknown addresses, and 301 from /arsip/e/<id>', async () => {
    for (const p of ['/arsip/suara-desa/7-tidak-ada', '/arsip/Seri_Besar/7-x', '/arsip/suara-desa-obrolan-warga-dan-pemerintah/..%2F..%2Fetc', '/arsip/e/bukan*id', '/arsip/e/tidakada1234', '/arsip/tidak-ada']) {
      const r = await api(s.url, p);
      expect(r.status, p).toBe(404);
      expect(r.text, p).toContain('Halaman tidak ditemukan');
    }
    // The draft has an id but no page.
    const draft = await api(s.url, `/arsip/e/${SAMPLE_EPISODES.draft}`);
    expect(draft.status).toBe(404);
    const moved = await fetch(`${s.url}/arsip/e/${ID}`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(PATH);
    expect((await api(s.url, `${PATH}?t=abc`)).status).toBe(400);
    expect((await api(s.url, `${PATH}?t=12&x=1`)).status).toBe(400);
  });

  it('sends Cache-Control and an ETag, answers 304 to a phone that has the page, and a change makes a new one', async () => {
    const first = await api(s.url, PATH, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const again = await fetch(`${s.url}${PATH}`, { headers: revalidate(etag) });
    expect(again.status).toBe(304);
    const list = await api(s.url, '/arsip');
    const listAgain = await fetch(`${s.url}/arsip`, { headers: revalidate(list.headers.get('etag')!) });
    expect(listAgain.status).toBe(304);
    // A correction changes the episode: a new page, a new ETag. An audio recording gets a player.
    await must(s.host, 'episode:recording', { episodeId: ID, recordingUrl: 'https://radio.example.id/rekaman/eps-7.mp3' });
    const audio = await api(s.url, PATH);
    expect(audio.headers.get('etag')).not.toBe(etag);
    expect(audio.text).toContain('<audio id="rekaman" controls preload="none" src="https://radio.example.id/rekaman/eps-7.mp3">');
    expect((await api(s.url, `${PATH}?t=75`)).text).toContain('src="https://radio.example.id/rekaman/eps-7.mp3#t=75"');
    const e = buildFinishedSample();
    const start = new Date(Date.parse(e.startedAt!) + 60_000).toISOString();
    const put = await api(s.url, `/api/episodes/${ID}/recording-start`, { method: 'PUT', cookie: s.hostCookie, body: { recordingStartedAt: start } });
    expect(put.status).toBe(200);
    const after = await api(s.url, PATH);
    expect(after.headers.get('etag')).not.toBe(audio.headers.get('etag'));
    const firstChapter = chapters(e)[0]!.seconds;
    expect(after.text).toContain(`data-t="${Math.max(0, firstChapter - 60)}"`);
    expect((await api(s.url, `/api/episodes/${ID}/recording-start`, { method: 'PUT', cookie: s.hostCookie, body: { recordingStartedAt: null } })).status).toBe(200);
  });

  it('lets host and notulis set the recording start after the show, and refuses everyone else and bad times', async () => {
    const e = buildFinishedSample();
    const route = `/api/episodes/${ID}/recording-start`;
    const at = (ms: number) => new Date(Date.parse(e.startedAt!) + ms).toISOString();
    const put = (body: unknown, cookie?: string, path = route) => api(s.url, path, { method: 'PUT', cookie, body });
    expect((await put({ recordingStartedAt: at(-120_000) })).status).toBe(401);
    expect((await put({ recordingStartedAt: at(-120_000) }, s.screenerCookie)).status).toBe(403);
    const ok = await put({ recordingStartedAt: at(-120_000) }, s.notulisCookie);
    expect(ok.status).toBe(200);
    expect(ok.json.episode.recordingStartedAt).toBe(at(-120_000));
    expect((await put({ recordingStartedAt: at(-120_000) }, s.hostCookie)).json.error.code).toBe('no_change');
    for (const bad of [{ recordingStartedAt: 'kemarin' }, { recordingStartedAt: at(-7 * 3600_000) }, { recordingStartedAt: '2030-01-01T00:00:00Z' }]) {
      const r = await put(bad, s.hostCookie);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.json.error.code).toBe('invalid_date');
    }
    for (const bad of [{}, { recordingStartedAt: 5 }, { recordingStartedAt: null, extra: 1 }]) {
      expect((await put(bad, s.hostCookie)).json.error.code, JSON.stringify(bad)).toBe('invalid_payload');
    }
    expect((await put({ recordingStartedAt: null }, s.hostCookie, `/api/episodes/${SAMPLE_EPISODES.draft}/recording-start`)).json.error.code).toBe('episode_not_ended');
    expect((await put({ recordingStartedAt: null }, s.hostCookie, '/api/episodes/bukan*id/recording-start')).status).toBe(404);
    // Refusals changed nothing: still the notulis's time; the page counts from it.
    const page = await api(s.url, PATH);
    expect(page.text).toContain(`data-t="${chapters(e)[0]!.seconds + 120}"`);
    // The edit log says who moved it.
    const staffView = await api(s.url, `/api/episodes/${ID}`, { cookie: s.hostCookie });
    expect(JSON.stringify(staffView.json)).toContain('recordingStartedAt');
  });
});
