// A new station with the sample present switches to its real kabupaten, as an admin would
// over HTTP on a real server with real files: the official Kemendagri lists from the
// idn-area-data package, the sample stepping aside (its usulan still named), a listener's
// usulan in a real desa, single-region edits, then "Hapus contoh". Before this, every way
// to the real kabupaten was refused (region_in_use, "dari kabupaten lain").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, listener, must, signIn, startServer } from '../support/server.ts';
import { runningServer } from '../support/integration.ts';
import type { Client, TestServer } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { RELAXED_LIMITS, plannerCookie } from '../support/planning.ts';
import { buildFinishedSample } from '../../server/sample/episodes.ts';
import { transcriptFileName } from '../../server/domain/notula/index.ts';

type DeskRow = { text: string; kecamatan: string; desa: string; kecamatanName: string; desaName: string; dimensionName: string };
const SAMPLE_NOTULA = join('transcripts', transcriptFileName(buildFinishedSample()));

describe('switching from the sample to the real kabupaten', () => {
  let server: TestServer;
  let admin: string;
  let socket: Client | null = null;
  const desk = async () => (await api(server.url, '/api/aspirations', { cookie: admin })).json.aspirations as DeskRow[];

  beforeAll(async () => {
    server = await startServer({ rateLimits: RELAXED_LIMITS });
    admin = await signIn(server.url);
  });
  afterAll(async () => {
    socket?.disconnect();
    await server?.stop();
  });

  it('lists the official provinces and kabupaten/kota, and refuses codes of the wrong shape before any look-up', async () => {
    const provinces = await api(server.url, '/api/regions/provinces', { cookie: admin });
    expect(provinces.status).toBe(200);
    expect(provinces.json.provinces).toHaveLength(38);
    expect(provinces.json.provinces).toContainEqual({ code: '34', name: 'Daerah Istimewa Yogyakarta' });
    expect(provinces.json.provinces.some((p: { code: string }) => p.code === '99')).toBe(false);
    const diy = await api(server.url, '/api/regions/provinces/34/kabupaten', { cookie: admin });
    expect(diy.json.kabupaten.map((k: { code: string; name: string }) => `${k.code} ${k.name}`)).toEqual([
      '34.01 Kabupaten Kulon Progo', '34.02 Kabupaten Bantul', '34.03 Kabupaten Gunungkidul', '34.04 Kabupaten Sleman', '34.71 Kota Yogyakarta',
    ]);
    const sleman = await api(server.url, '/api/regions/kabupaten/34.04', { cookie: admin });
    expect(sleman.json).toMatchObject({ code: '34.04', name: 'Kabupaten Sleman', province: { code: '34' }, timeZone: 'Asia/Jakarta' });
    expect(sleman.json.counts.kecamatan).toBeGreaterThan(0);
    for (const bad of ['3404', '34.04.01', '99.01', '34.99', '%2e%2e%2fstaff', '34.04%20', '34.04%0A']) {
      const r = await api(server.url, `/api/regions/kabupaten/${bad}`, { cookie: admin });
      expect([r.status, r.json?.error?.code], bad).toEqual([404, 'kabupaten_not_found']);
    }
    expect((await api(server.url, '/api/regions/provinces/9/kabupaten', { cookie: admin })).status).toBe(404);
    // Bodies of the wrong shape change nothing.
    const before = (await api(server.url, '/api/district')).text;
    for (const body of [{ code: 3404 }, { code: '34.04', extra: 1 }, {}, { code: 'x'.repeat(21) }, '34.04']) {
      const r = await api(server.url, '/api/district/kabupaten', { method: 'POST', cookie: admin, body });
      expect([r.status, r.json.error.code], JSON.stringify(body)).toEqual([400, 'invalid_payload']);
    }
    for (const body of [{ code: '34.04.01' }, { code: '34.04.01', name: 'x', more: true }, { name: 5, code: '34.04.01' }]) {
      expect((await api(server.url, '/api/district/region', { method: 'POST', cookie: admin, body })).json.error.code).toBe('invalid_payload');
    }
    expect((await api(server.url, '/api/district')).text).toBe(before);
    // Staff who are not admins, and the public, read none of it.
    const planner = await plannerCookie(server.url, admin);
    expect((await api(server.url, '/api/regions/provinces', { cookie: planner })).status).toBe(403);
    expect((await api(server.url, '/api/regions/provinces')).status).toBe(401);
    expect((await api(server.url, '/api/district/kabupaten', { method: 'POST', cookie: planner, body: { code: '34.04' } })).status).toBe(403);
    expect((await api(server.url, '/api/district/sample', { method: 'DELETE', cookie: planner })).status).toBe(403);
  });

  it('switches to Sleman with the sample present; the sample usulan keep their names', async () => {
    const before = await desk();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((a) => a.kecamatan.startsWith('99.'))).toBe(true);
    const notulaBefore = (await api(server.url, '/api/episodes/sample-finished-07/notula.md')).text;

    const preview = (await api(server.url, '/api/regions/kabupaten/34.04', { cookie: admin })).json;
    const r = await api(server.url, '/api/district/kabupaten', { method: 'POST', cookie: admin, body: { code: '34.04' } });
    expect(r.status).toBe(200);
    const d = r.json.district;
    console.log(`district switched: ${d.name} ${d.code}, kecamatan ${r.json.counts.kecamatan}, desa ${r.json.counts.desa}`);
    expect([d.name, d.code, d.timeZone]).toEqual(['Kabupaten Sleman', '34.04', 'Asia/Jakarta']);
    expect(r.json.counts).toMatchObject(preview.counts);
    expect(d.kecamatan.find((k: { code: string }) => k.code === '34.04.01')?.name).toBe('Gamping');
    expect(d.kecamatan.every((k: { code: string; desa: Array<{ code: string }> }) => k.code.startsWith('34.04.') && k.desa.every((x) => x.code.startsWith(`${k.code}.`)))).toBe(true);
    // The public list (the listener's form) offers Sleman only; the sample is kept aside for its names.
    const pub = (await api(server.url, '/api/district')).json;
    expect(pub.district.kecamatan.some((k: { code: string }) => k.code.startsWith('99.'))).toBe(false);
    expect(pub.district.former.map((f: { name: string; code: string }) => `${f.name} ${f.code}`)).toEqual(['Kabupaten Giriwangi (contoh) 99.01']);

    const after = await desk();
    expect(after.map((a) => [a.text, a.kecamatanName, a.desaName, a.dimensionName])).toEqual(before.map((a) => [a.text, a.kecamatanName, a.desaName, a.dimensionName]));
    expect(after.find((a) => a.text.startsWith('Sumur bor'))).toMatchObject({ kecamatanName: 'Kaliwening' });
    expect((await api(server.url, '/api/episodes/sample-finished-07/notula.md')).text).toBe(notulaBefore);
  });

  it('takes a listener\'s usulan in a Sleman desa, and no longer one in the sample\'s', async () => {
    const ep = await createLiveEpisode(server.url, admin);
    socket = (await listener(server.url)).socket;
    await must(socket, 'episode:join', { code: ep.code });
    const usulan = await must(socket, 'aspiration:submit', {
      episodeId: ep.id, text: 'Trotoar di depan Pasar Gamping', problem: 'Pejalan kaki berjalan di badan jalan.',
      dimension: 'living', kecamatan: '34.04.01', desa: '34.04.01.2001',
    });
    expect(usulan).toMatchObject({ kecamatan: '34.04.01', desa: '34.04.01.2001' });
    const sampleDesa = await (socket.timeout(5_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; error?: { code: string } }> })
      .emitWithAck('aspiration:submit', { episodeId: ep.id, text: 'x', problem: 'y', dimension: 'living', kecamatan: '99.01.01', desa: '99.01.01.2001' });
    expect(sampleDesa.error?.code).toBe('unknown_kecamatan');
    const row = (await desk()).find((a) => a.text.startsWith('Trotoar'))!;
    expect([row.kecamatanName, row.desaName]).toEqual(['Gamping', 'Balecatur']);
  });

  it('adds and renames regions in the app; a rename keeps the usulan on its code', async () => {
    const add = (code: string, name: string) => api(server.url, '/api/district/region', { method: 'POST', cookie: admin, body: { code, name } });
    const created = await add('34.04.01.2099', 'Sidomulyo Baru');
    expect(created.status).toBe(201);
    expect(created.json.district.kecamatan[0].desa.at(-1)).toEqual({ code: '34.04.01.2099', name: 'Sidomulyo Baru' });
    expect((await add('34.04.01.2099', 'Lagi')).json.error.code).toBe('region_exists');
    expect((await add('34.71.01', 'Kota lain')).json.error.code).toBe('district_invalid');
    expect((await add('34.04.99.2001', 'Tanpa kecamatan')).json.error.code).toBe('district_invalid');
    expect((await add('../x', 'Jalur')).json.error.code).toBe('district_invalid');
    expect((await add('34.04.01.2098', '   ')).json.error.code).toBe('text_empty');

    const rename = (code: string, name: string) => api(server.url, `/api/district/region/${code}`, { method: 'PATCH', cookie: admin, body: { name } });
    const renamed = await rename('34.04.01.2001', 'Balecatur (Gamping)');
    expect(renamed.status).toBe(200);
    expect((await rename('34.04.01.2001', 'Balecatur (Gamping)')).json.error.code).toBe('no_change');
    expect((await rename('34.04.01.2777', 'Tidak ada')).status).toBe(404);
    expect((await rename('99.01.01.2001', 'Contoh')).status).toBe(404);
    const row = (await desk()).find((a) => a.text.startsWith('Trotoar'))!;
    expect([row.desa, row.desaName]).toEqual(['34.04.01.2001', 'Balecatur (Gamping)']);
  });

  it('lets later edits through the sample usulan, but a real usulan still holds its desa', async () => {
    const current = (await api(server.url, '/api/district')).json.district;
    const put = await api(server.url, '/api/district', {
      method: 'PUT', cookie: admin, body: { name: current.name, code: current.code, timeZone: current.timeZone, dimensions: current.dimensions, kecamatan: current.kecamatan },
    });
    expect(put.status).toBe(200);
    // Another kabupaten would lose the desa of the Gamping usulan: refused, nothing changed.
    const away = await api(server.url, '/api/district/kabupaten', { method: 'POST', cookie: admin, body: { code: '34.71' } });
    expect([away.status, away.json.error.code]).toEqual([409, 'region_in_use']);
    expect(away.json.error.message).toContain('34.04.01.2001');
    expect((await api(server.url, '/api/district')).json.district.code).toBe('34.04');
    // A correction by CSV of the same kabupaten still goes through (the Gamping desa kept).
    const csv = ['kode,nama', '34.04.01,Gamping', '34.04.01.2001,Balecatur', '34.04.01.2002,Ambarketawang'].join('\n');
    const imported = await api(server.url, '/api/district/regions', { method: 'POST', cookie: admin, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(200);
    expect(imported.json.counts).toMatchObject({ kecamatan: 1, desa: 2 });
    expect((await api(server.url, '/api/district/kabupaten', { method: 'POST', cookie: admin, body: { code: '34.04' } })).status).toBe(200);
  });

  it('removes the sample in one action, after telling what goes', async () => {
    // As in a checkout whose transcripts/ holds the committed sample notula.
    await mkdir(server.transcriptsDir, { recursive: true });
    await copyFile(SAMPLE_NOTULA, join(server.transcriptsDir, transcriptFileName(buildFinishedSample())));
    const plan = (await api(server.url, '/api/district/sample', { cookie: admin })).json.sample;
    expect(plan.episodes.map((e: { id: string }) => e.id).sort()).toEqual(['sample-draft-08', 'sample-finished-07']);
    expect(plan.aspirations).toBeGreaterThan(0);
    expect(plan.districts).toEqual([{ name: 'Kabupaten Giriwangi (contoh)', code: '99.01', current: false }]);
    expect(plan.transcripts).toEqual([transcriptFileName(buildFinishedSample())]);

    const removed = await api(server.url, '/api/district/sample', { method: 'DELETE', cookie: admin });
    expect(removed.status).toBe(200);
    expect(removed.json.removed.transcripts).toEqual(plan.transcripts);
    const rows = await desk();
    expect(rows.map((a) => a.text)).toEqual(['Trotoar di depan Pasar Gamping']);
    const episodes = (await api(server.url, '/api/episodes', { cookie: admin })).json.episodes as Array<{ id: string }>;
    expect(episodes.some((e) => e.id.startsWith('sample-'))).toBe(false);
    const pub = (await api(server.url, '/api/district')).json;
    expect(pub.district.former).toBeUndefined();
    expect(pub.district.code).toBe('34.04');
    expect((await api(server.url, '/api/district/sample', { cookie: admin })).json.sample).toBeNull();
    expect((await api(server.url, '/api/district/sample', { method: 'DELETE', cookie: admin })).json.error.code).toBe('sample_absent');
    const audit = await readFile(join(server.dataDir, 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"action":"district.switchKabupaten"');
    expect(audit).toContain('"action":"sample.remove"');

    // All of it is on disk: a restart finds Sleman, the Gamping usulan, and no sample.
    server = await server.restart();
    admin = await signIn(server.url);
    expect((await api(server.url, '/api/district')).json.district.name).toBe('Kabupaten Sleman');
    expect((await desk()).map((a) => a.desaName)).toEqual(['Balecatur']);
    expect(((await api(server.url, '/api/episodes', { cookie: admin })).json.episodes as unknown[]).length).toBe(1);
  });
});

describe('the sample removed before any switch', () => {
  const server = runningServer();

  it('leaves empty settings with the dimensions, and a CSV of a real kabupaten is then taken', async () => {
    const admin = await signIn(server.url);
    const plan = (await api(server.url, '/api/district/sample', { cookie: admin })).json.sample;
    expect(plan.districts).toEqual([{ name: 'Kabupaten Giriwangi (contoh)', code: '99.01', current: true }]);
    const r = await api(server.url, '/api/district/sample', { method: 'DELETE', cookie: admin });
    expect(r.status).toBe(200);
    expect(r.json.district).toMatchObject({ name: '', code: null, kecamatan: [] });
    expect(r.json.counts.dimensions).toBe(6);
    expect((await api(server.url, '/api/aspirations', { cookie: admin })).json.aspirations).toEqual([]);
  });
});

describe('a CSV of the real kabupaten with the sample present', () => {
  const server = runningServer();

  it('replaces the sample\'s regions (it was refused as "from another kabupaten")', async () => {
    const admin = await signIn(server.url);
    const csv = ['kode,nama', '34.04.01,Gamping', '34.04.01.2001,Balecatur'].join('\n');
    const r = await api(server.url, '/api/district/regions', { method: 'POST', cookie: admin, body: csv, headers: { 'content-type': 'text/csv' } });
    expect([r.status, r.json.error?.message ?? null]).toEqual([200, null]);
    expect([r.json.district.code, r.json.district.name]).toEqual(['34.04', '']);
    const rows = (await api(server.url, '/api/aspirations', { cookie: admin })).json.aspirations as DeskRow[];
    expect(rows.find((a) => a.text.startsWith('Sumur bor'))?.kecamatanName).toBe('Kaliwening');
  });
});
