// The usulan tracker and its open data as a citizen's phone and a district portal meet them:
// plain HTTP against a real server with the sample, plus an usulan sent over a real listener
// socket with a name, phone and consent, a phone and e-mail in its text, and a rejection
// whose reason holds a phone number. None of it may reach a public body.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { studioServer } from '../support/integration.ts';
import { transferred } from '../support/weight.ts';
import { api, listener, must } from '../support/client.ts';
import { createLiveEpisode } from '../support/show.ts';
import { TRACKER_COLUMNS } from '../../server/domain/tracker.ts';

const EPISODE_PATH = '/arsip/suara-desa-obrolan-warga-dan-pemerintah/7-air-bersih-untuk-desa-desa-di-lereng-gunung';
const KALIWENING = '99.01.01';
const LERENGSARI = '99.01.03';
const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

describe('the usulan tracker and its open data', () => {
  const s = studioServer({ sample: true, publicUrl: 'https://radio.example.id', station: { name: 'Suara Giri FM' } });
  /** Planted below; none may appear in a public body. The sample adds its listener ids and Sri's number. */
  const pii = ['Budi Rahasiawan', '0813-2222-9999', '081322229999', '2222', 'budi@contoh.id', '0877 1234 5678', '087712345678',
    '0812-7777-6666', '6666', 'sample-listener-', '0812-0000-0001', '081200000001', 'Petugas', 'Perencana Contoh',
    'Koordinasikan dengan Diskominfo', 'consentAt', 'submittedBy', 'supporters'];
  let planted = '';

  async function plant(): Promise<void> {
    if (planted) return;
    const ep = await createLiveEpisode(s.url, s.hostCookie);
    const [who, fan] = [await listener(s.url), await listener(s.url)];
    pii.push(who.token, fan.token);
    try {
      for (const p of [who, fan]) await must(p.socket, 'episode:join', { code: ep.code });
      const a = await must(who.socket, 'aspiration:submit', {
        episodeId: ep.id, text: 'Lampu jalan <img src=x onerror=alert(1)> hubungi 0877 1234 5678 / budi@contoh.id',
        problem: 'Gelap; WA 0813-2222-9999', dimension: 'living', kecamatan: KALIWENING, desa: '99.01.01.2001', rtRw: '1/2',
        name: 'Budi Rahasiawan', phone: '0813-2222-9999', consent: true,
      });
      await must(fan.socket, 'aspiration:support', { aspirationId: a.id });
      planted = a.id;
    } finally {
      who.socket.disconnect();
      fan.socket.disconnect();
    }
    // The admin rejects a sample usulan with a reason that names a phone number.
    const rows = (await api(s.url, '/data/usulan.json')).json.usulan as Array<{ id: string; usulan: string }>;
    const bumdes = rows.find((r) => r.usulan.startsWith('Penampungan air hujan komunal'))!;
    const r = await api(s.url, '/api/aspirations/status', { method: 'POST', cookie: s.admin, body: { ids: [bumdes.id], status: 'ditolak', reason: 'Sudah dianggarkan desa; tanya 0812-7777-6666' } });
    expect(r.status, r.text).toBe(200);
  }

  function expectNoPii(body: string, where: string): void {
    for (const p of pii) expect(body, `${where} holds "${p}"`).not.toContain(p);
  }

  it('shows every usulan as a card with its place, support, episode link and status history', async () => {
    await plant();
    const r = await api(s.url, '/usulan');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.text).toContain('<h1>Usulan warga</h1>');
    expect(r.text).toContain('aria-current="page">Usulan warga</a>');
    expect(r.text).toContain(`<a href="${EPISODE_PATH}">SUARA DESA`);
    // The live show's usulan names its episode without a link; its text stays text, its contact masked.
    expect(r.text).toContain('Sampah pasar dan bank sampah desa <span class="muted">(notula belum terbit)</span>');
    expect(r.text).toContain('Lampu jalan &lt;img src=x onerror=alert(1)&gt; hubungi [nomor disamarkan] / [surel disamarkan]');
    expect(r.text).toContain('Ditolak — alasan: Sudah dianggarkan desa; tanya [nomor disamarkan]');
    expect(r.text).toMatch(/<time datetime="2026-11-16T02:\d\d:00\.000Z">Senin, 16 November 2026 09\.\d\d WIB<\/time>: Diteruskan ke musrenbang/);
    // The merged duplicate sits inside its target's card.
    const target = r.text.indexOf('<h2>Sumur bor untuk Dusun Krajan</h2>');
    const dup = r.text.indexOf('<h3>Sumur bor di Krajan, Tegalsari</h3>');
    expect(target).toBeGreaterThan(0);
    expect(dup).toBeGreaterThan(target);
    expect(r.text.slice(target, dup)).not.toContain('</article>');
    expectNoPii(r.text, '/usulan');
  });

  it('filters by kecamatan, dimension and status; a bad filter is a 400 with an Indonesian message', async () => {
    await plant();
    const kec = await api(s.url, `/usulan?kecamatan=${LERENGSARI}`);
    expect(kec.status).toBe(200);
    expect(kec.text).toMatch(/\d+ dari \d+ usulan cocok/);
    expect(kec.text).toContain('Pelatihan BUMDes');
    expect(kec.text).not.toContain('Sumur bor untuk Dusun Krajan');
    expect(kec.text).toContain(`<option value="${LERENGSARI}" selected>`);
    expect(kec.text).toContain(`href="/data/usulan.csv?kecamatan=${LERENGSARI}"`);
    const st = await api(s.url, '/usulan?status=diteruskan&dimensi=economy');
    expect(st.text).toContain('1 dari');
    expect(st.text).toContain('Pelatihan BUMDes');
    const cases: Array<[string, string]> = [
      ['?kecamatan=12.34.56', 'Kecamatan itu tidak ada'],
      ['?dimensi=%3Cscript%3E', 'Dimensi itu tidak dikenal'],
      ['?status=selesai', 'Status itu tidak dikenal'],
      ['?status=baru&status=ditolak', 'hanya boleh diisi sekali'],
      ['?urut=baru', 'tidak dikenal'],
      ['?halaman=nol', 'Nomor halaman tidak valid'],
    ];
    for (const [q, message] of cases) {
      const page = await api(s.url, `/usulan${q}`);
      expect(page.status, q).toBe(400);
      expect(page.text, q).toContain(message);
      expect(page.text, q).toContain('role="alert"');
      expect(page.headers.get('cache-control'), q).toBe('no-store');
      expect(page.text).not.toContain('<script>');
      for (const file of ['/data/usulan.csv', '/data/usulan.json']) {
        if (q.startsWith('?halaman')) continue;
        const bad = await api(s.url, `${file}${q}`);
        expect(bad.status, `${file}${q}`).toBe(400);
        expect(bad.json.error.code).toBe('invalid_filter');
        expect(bad.json.error.message).toContain(message);
        expect(bad.headers.get('access-control-allow-origin')).toBe('*');
      }
    }
  });

  it('serves the CSV (BOM, header from the column list, parses back) and the JSON with the same rows and filters', async () => {
    await plant();
    const csv = await fetch(`${s.url}/data/usulan.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="usulan.csv"');
    expect(csv.headers.get('access-control-allow-origin')).toBe('*');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(TRACKER_COLUMNS.map((c) => c.name));

    const json = await api(s.url, '/data/usulan.json');
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe('inline; filename="usulan.json"');
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
    const rows = json.json.usulan as Array<Record<string, unknown>>;
    expect(json.json.jumlah).toBe(rows.length);
    expect(json.json.penerbit).toBe('Suara Giri FM');
    expect(rows.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(rows.length).toBe(9);
    // Same values, CSV as text; the episode link absolute for a portal.
    const mine = rows.find((r) => r.id === planted)!;
    expect(mine).toMatchObject({ dukungan: 1, status: 'baru', episodeAlamat: null, episodeJudul: 'Sampah pasar dan bank sampah desa', rtRw: '001/002' });
    const linked = rows.find((r) => r.episodeAlamat !== null)!;
    expect(linked.episodeAlamat).toBe(`https://radio.example.id${EPISODE_PATH}`);
    const rec = records.find((r) => r.id === linked.id)!;
    for (const c of TRACKER_COLUMNS) {
      if (c.name === 'riwayat') continue;
      const v = linked[c.name];
      expect(rec[c.name], c.name).toBe(v === null ? '' : String(v));
    }
    expect(rec.riwayat).toContain(' baru');

    const filtered = await api(s.url, `/data/usulan.json?kecamatan=${KALIWENING}&status=baru`);
    expect(filtered.json.saringan).toEqual({ kecamatan: KALIWENING, dimensi: null, status: 'baru' });
    expect(filtered.json.usulan.length).toBeGreaterThan(0);
    expect(filtered.json.usulan.every((r: Record<string, unknown>) => r.kecamatanKode === KALIWENING && r.status === 'baru')).toBe(true);
    const fcsv = parse((await api(s.url, `/data/usulan.csv?kecamatan=${KALIWENING}&status=baru`)).text, { bom: true, columns: true }) as Record<string, string>[];
    expect(fcsv.map((r) => r.id)).toEqual(filtered.json.usulan.map((r: { id: string }) => r.id));
    expectNoPii(text, 'CSV');
    expectNoPii(json.text, 'JSON');
  });

  it('has a data dictionary page generated from the column list, linking every dataset', async () => {
    await plant();
    const r = await api(s.url, '/data');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<h1>Data terbuka</h1>');
    for (const c of TRACKER_COLUMNS) expect(r.text).toContain(`<td><code>${c.name}</code></td>`);
    for (const href of ['/data/usulan.csv', '/data/usulan.json', '/data/notula.json', '/arsip/feed.atom', '/data/catalog.jsonld', '/usulan']) {
      expect(r.text).toContain(`href="${href}"`);
    }
    expect(r.text).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(r.text).toContain(`<code>${KALIWENING}</code> (Kaliwening)`);
    expectNoPii(r.text, '/data');
  });

  it('weighs at most 30 KB on the wire', async () => {
    await plant();
    for (const p of ['/usulan', '/data']) {
      const w = await transferred(`${s.url}${p}`);
      expect(w.encoding).toBe('gzip');
      process.stdout.write(`page weight ${p}: ${w.bytes} bytes gzip\n`);
      expect(w.bytes).toBeLessThanOrEqual(30 * 1024);
    }
  });

  it('answers 304 to a client that has the answer, and a status change makes a new one', async () => {
    await plant();
    const paths = ['/usulan', '/usulan?status=baru', '/data', '/data/usulan.csv', '/data/usulan.json'];
    const etags = new Map<string, string>();
    for (const p of paths) {
      const first = await api(s.url, p, { headers: { 'accept-encoding': 'gzip' } });
      expect(first.headers.get('cache-control'), p).toBe('public, max-age=60');
      const etag = first.headers.get('etag')!;
      expect(etag, p).toMatch(/^W\/"/);
      expect(first.headers.get('content-encoding'), p).toBe('gzip');
      const again = await fetch(`${s.url}${p}`, { headers: revalidate(etag) });
      expect(again.status, p).toBe(304);
      etags.set(p, etag);
    }
    const r = await api(s.url, '/api/aspirations/status', { method: 'POST', cookie: s.admin, body: { ids: [planted], status: 'ditinjau' } });
    expect(r.status, r.text).toBe(200);
    // The dictionary does not show statuses: rebuilt, the same bytes, still the phone's copy.
    expect((await fetch(`${s.url}/data`, { headers: revalidate(etags.get('/data')!) })).status).toBe(304);
    for (const p of paths.filter((x) => x !== '/data')) {
      const after = await fetch(`${s.url}${p}`, { headers: revalidate(etags.get(p)!) });
      expect(after.status, p).toBe(200);
      expect(after.headers.get('etag'), p).not.toBe(etags.get(p));
      expectNoPii(await after.text(), p);
    }
    expect((await api(s.url, '/usulan?status=ditinjau')).text).toContain('Lampu jalan');
  });

  it('never keeps a page of a change whose write failed, even one rendered while the write was under way', async () => {
    await plant();
    const list = s.server.app.aspirations.list;
    const [one, two] = list.filter((a) => a.id !== planted && a.status === 'baru');
    // A saved change (the rows are stale now), then a command's change that is in memory while its
    // write is under way: the reader asking then gets rows with it, and that page is cached. The
    // second is set here by hand, so the moment is not left to timing.
    const saved = await api(s.url, '/api/aspirations/status', { method: 'POST', cookie: s.admin, body: { ids: [one!.id], status: 'ditinjau' } });
    expect(saved.status, saved.text).toBe(200);
    list.find((a) => a.id === planted)!.status = 'diteruskan';
    expect((await api(s.url, '/usulan?status=diteruskan')).text).toContain('Lampu jalan');
    // The write fails for real (the file's path becomes a directory): memory goes back to the disk.
    const file = join(s.server.dataDir, 'aspirations.json');
    await rename(file, `${file}.aside`);
    await mkdir(join(file, 'blocked'), { recursive: true });
    try {
      const r = await api(s.url, '/api/aspirations/status', { method: 'POST', cookie: s.admin, body: { ids: [two!.id], status: 'ditinjau' } });
      expect(r.status, r.text).toBe(503);
      expect(r.json.error.code).toBe('not_saved');
    } finally {
      await rm(file, { recursive: true });
      await rename(`${file}.aside`, file);
    }
    // No file was written, yet the cached page is not served: it showed what is not on disk.
    expect((await api(s.url, '/usulan?status=diteruskan')).text).not.toContain('Lampu jalan');
    expect((await api(s.url, '/usulan?status=ditinjau')).text).toContain('Lampu jalan');
    const row = (await api(s.url, '/data/usulan.json')).json.usulan.find((x: { id: string }) => x.id === planted);
    expect(row.status).toBe('ditinjau');
    expect(row.riwayat.map((h: { status: string }) => h.status)).toEqual(['baru', 'ditinjau']);
  });
});
