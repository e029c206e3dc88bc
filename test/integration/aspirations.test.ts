// Aspirations end to end over real sockets, HTTP and files: listeners submit and support
// usulan during two episodes, a screener types one in, a planner filters, merges across
// episodes, sets statuses, and exports for the musrenbang; the CSV opens back as the same
// rows, formulas stay text, and personal data appears only where the listener agreed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, listener, must, waitFor } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { testClock } from '../support/clock.ts';
import { SHOW_EPISODE, createLiveEpisode, joinStaff } from '../support/show.ts';
import { expectReimportsByteForByte, studioServer } from '../support/integration.ts';
import { PLACE, RELAXED_LIMITS, plannerCookie, setupDistrict } from '../support/planning.ts';
import type { AspirationView } from '../../server/contract/planner.ts';
import type { Delta } from '../../server/contract/events.ts';

const FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3'];

/** What csv-stringify's escape_formulas makes of a cell: a leading apostrophe keeps it text. */
function inert(s: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) ? `'${s}` : s;
}

// Waiting for what a socket handler applies: the shared, timing-free helper.
import { until } from '../support/until.ts';

describe('aspirations from the show to the musrenbang', () => {
  let planner: string;
  const clock = testClock('2026-10-03T11:50:00.000Z');
  const people: Array<{ socket: Client; token: string }> = [];

  const studio = studioServer({ now: clock.now, rateLimits: RELAXED_LIMITS });
  beforeAll(async () => {
    planner = await plannerCookie(studio.url, studio.admin);
    await setupDistrict(studio.url, studio.admin);
  });
  afterAll(async () => {
    for (const p of people) p.socket.disconnect();
  });

  it('runs from the listener form to the planner\'s exports', async () => {
    // The public district lists feed the listener's form.
    const district = await api(studio.url, '/api/district');
    expect(district.json.counts).toEqual({ dimensions: 7, kecamatan: 2, desa: 4 });
    expect(district.json.district.kecamatan[0].desa.map((d: { name: string }) => d.name)).toEqual(['Pasirlaya', 'Mekarjaya']);

    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await joinStaff(studio.screener, ep.id);
    const staffDeltas: Delta[] = [];
    studio.screener.on('episode:delta', (d) => staffDeltas.push(d));
    for (let i = 0; i < 8; i++) people.push(await listener(studio.url));
    const listenerDeltas: Delta[] = [];
    people[7]!.socket.on('episode:delta', (d) => listenerDeltas.push(d));
    for (const p of people) await must(p.socket, 'episode:join', { code: ep.code });

    // Listener 0 agrees to be contacted; listener 1 does not leave contact; listener 2 tries formulas.
    clock.advance(5);
    const bridge = await must(people[0]!.socket, 'aspiration:submit', {
      episodeId: ep.id, text: 'Jembatan gantung ke SD Mekarjaya', problem: 'Anak-anak menyeberang sungai saat banjir.',
      dimension: 'living', kecamatan: PLACE.sukamaju, desa: PLACE.mekarjaya, rtRw: '3/5', name: 'Bu Yati', phone: '0812 3456 7890', consent: true,
    });
    expect(bridge).toMatchObject({ status: 'baru', supports: 0, rtRw: '003/005', channel: 'web' });
    expect(JSON.stringify(bridge)).not.toMatch(/Bu Yati|0812/);
    clock.advance(1);
    const road = await must(people[1]!.socket, 'aspiration:submit', {
      episodeId: ep.id, text: 'Pengaspalan jalan Cibening–Kadumanis', problem: 'Ambulans tidak bisa lewat saat hujan.',
      dimension: 'living', kecamatan: PLACE.karangsari, desa: PLACE.cibening,
    });
    const formulas: AspirationView[] = [];
    for (const f of FORMULAS) {
      clock.advance(1);
      formulas.push(await must(people[2]!.socket, 'aspiration:submit', { episodeId: ep.id, text: f, problem: f, dimension: 'culture', kecamatan: PLACE.karangsari, desa: PLACE.kadumanis }));
    }
    clock.advance(1);
    const sms = await must(studio.screener, 'aspiration:enter', {
      episodeId: ep.id, channel: 'sms', text: 'Lampu jalan di Pasirlaya', problem: 'Gelap dan rawan begal.',
      dimension: 'environment', kecamatan: PLACE.sukamaju, desa: PLACE.pasirlaya, name: 'Pak Karto', phone: '081399990000', consent: true,
    });
    expect(sms.channel).toBe('sms');

    // Supports: one per listener; a second is refused.
    for (const i of [1, 2, 3, 4, 5]) await must(people[i]!.socket, 'aspiration:support', { aspirationId: bridge.id });
    for (const i of [3, 4]) await must(people[i]!.socket, 'aspiration:support', { aspirationId: road.id });
    const second = await (people[1]!.socket.timeout(5_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; error?: { code: string } }> })
      .emitWithAck('aspiration:support', { aspirationId: bridge.id });
    expect(second.ok ? null : second.error?.code).toBe('already_supported');

    // Other listeners and staff see the usulan and the counts in coalesced deltas, never listener ids or contact.
    await until(() => listenerDeltas.some((d) => d.supports?.[bridge.id] === 5) && staffDeltas.some((d) => d.supports?.[road.id] === 2));
    const wire = JSON.stringify(listenerDeltas) + JSON.stringify(staffDeltas);
    expect(wire).toContain('Jembatan gantung');
    expect(wire).not.toMatch(/Bu Yati|0812|Pak Karto|0813|submittedBy|supporters/);
    for (const p of people) expect(wire).not.toContain(p.token.split('.')[0]);

    // A later snapshot carries the usulan, the listener's own and what they support.
    const snap = await must(people[3]!.socket, 'episode:join', { episodeId: ep.id });
    if (snap.audience !== 'listener') throw new Error('listener snapshot expected');
    expect(snap.aspirations.map((a) => a.id)).toEqual([bridge.id, road.id, ...formulas.map((f) => f.id), sms.id]);
    expect(snap.mySupports.sort()).toEqual([bridge.id, road.id].sort());
    const mine = await must(people[0]!.socket, 'episode:join', { episodeId: ep.id });
    expect(mine.audience === 'listener' && mine.myAspirations.map((a) => a.id)).toEqual([bridge.id]);

    // A second episode a week later: a duplicate of the bridge, supported by some of the same listeners.
    clock.advance(7 * 24 * 60);
    const ep2 = await createLiveEpisode(studio.url, studio.hostCookie, { ...SHOW_EPISODE, number: 13, title: 'Jembatan dan jalan desa', startsAt: '2026-10-10T12:00:00.000Z' });
    for (const p of people.slice(0, 7)) await must(p.socket, 'episode:join', { episodeId: ep2.id });
    const dup = await must(people[6]!.socket, 'aspiration:submit', {
      episodeId: ep2.id, text: 'Jembatan gantung Mekarjaya diperbaiki', problem: 'Jembatan lama putus dua tahun lalu.',
      dimension: 'living', kecamatan: PLACE.sukamaju, desa: PLACE.mekarjaya,
    });
    for (const i of [4, 5, 6]) await must(people[i]!.socket, 'aspiration:support', { aspirationId: dup.id });

    // The planner's desk: every episode, filtered, searched, sorted by support, with counts.
    const desk = async (query = '') => {
      const r = await api(studio.url, `/api/aspirations${query}`, { cookie: planner });
      expect(r.status).toBe(200);
      return r.json as { aspirations: Array<AspirationView & { contact: unknown; episode: { id: string } | null }>; counts: { byDimension: Array<{ code: string; count: number; supports: number }>; byKecamatan: Array<{ code: string; count: number }>; total: number } };
    };
    const all = await desk();
    expect(all.aspirations.map((a) => a.id)).toEqual([bridge.id, dup.id, road.id, ...formulas.map((f) => f.id), sms.id]);
    expect(all.counts.total).toBe(8);
    expect(all.counts.byDimension.find((d) => d.code === 'culture')).toEqual({ code: 'culture', name: 'Smart Culture', count: 4, supports: 0 });
    expect(all.counts.byKecamatan.map((k) => [k.code, k.count])).toEqual([[PLACE.sukamaju, 3], [PLACE.karangsari, 5]]);
    expect((await desk('?dimension=living&sort=newest')).aspirations.map((a) => a.id)).toEqual([dup.id, road.id, bridge.id]);
    expect((await desk(`?kecamatan=${PLACE.karangsari}&desa=${PLACE.cibening}`)).aspirations.map((a) => a.id)).toEqual([road.id]);
    expect((await desk(`?episode=${ep2.id}`)).aspirations.map((a) => a.id)).toEqual([dup.id]);
    expect((await desk('?q=JEMBATAN%20gantung')).aspirations.map((a) => a.id)).toEqual([bridge.id, dup.id]);
    expect((await desk('?q=ambulans')).aspirations.map((a) => a.id)).toEqual([road.id]);
    expect((await desk('?from=2026-10-10&to=2026-10-10')).aspirations.map((a) => a.id)).toEqual([dup.id]);
    expect((await desk('?to=2026-10-03')).aspirations).toHaveLength(7);
    expect((await desk()).aspirations.find((a) => a.id === bridge.id)!.contact).toEqual({ name: 'Bu Yati', phone: '081234567890' });
    expect((await desk()).aspirations.find((a) => a.id === road.id)!.contact).toBeNull();

    // Merge across episodes: supporters 1–5 and 4–6 become 1–6, each listener once.
    const mergeNotice = waitFor<{ aspiration: AspirationView }>(people[6]!.socket, 'aspiration:mine', (p) => p.aspiration.id === dup.id);
    const merged = await api(studio.url, '/api/aspirations/merge', { method: 'POST', cookie: planner, body: { sourceIds: [dup.id], targetId: bridge.id } });
    expect(merged.status).toBe(200);
    expect(merged.json.aspiration).toMatchObject({ id: bridge.id, supports: 6, mergedFrom: [dup.id] });
    expect((await mergeNotice).aspiration).toMatchObject({ status: 'digabung', mergedInto: bridge.id });
    expect((await desk()).aspirations.map((a) => a.id)).not.toContain(dup.id);
    expect((await desk('?status=digabung')).aspirations.map((a) => a.id)).toEqual([dup.id]);

    // Statuses, in bulk; the submitting listener sees theirs change.
    const notice = waitFor<{ aspiration: AspirationView }>(people[0]!.socket, 'aspiration:mine', (p) => p.aspiration.status === 'diteruskan');
    const bulk = await api(studio.url, '/api/aspirations/status', { method: 'POST', cookie: planner, body: { ids: [bridge.id, road.id, sms.id], status: 'diteruskan' } });
    expect(bulk.status).toBe(200);
    expect((await notice).aspiration).toMatchObject({ id: bridge.id, status: 'diteruskan' });
    const rejected = await api(studio.url, '/api/aspirations/status', { method: 'POST', cookie: planner, body: { ids: [formulas[3]!.id], status: 'ditolak', reason: 'Bukan usulan pembangunan' } });
    expect(rejected.json.aspirations[0]).toMatchObject({ status: 'ditolak', rejectReason: 'Bukan usulan pembangunan' });
    const note = await api(studio.url, `/api/aspirations/${road.id}/notes`, { method: 'POST', cookie: planner, body: { text: 'Cek data jalan di Dinas PUPR.' } });
    expect(note.status).toBe(201);
    expect(note.json.aspiration.notes.map((n: { by: string; text: string }) => [n.by, n.text])).toEqual([['Perencana BAPPEDA', 'Cek data jalan di Dinas PUPR.']]);
    const edited = await api(studio.url, `/api/aspirations/${sms.id}`, { method: 'PATCH', cookie: planner, body: { dimension: 'living', rtRw: '1/2' } });
    expect(edited.json.aspiration).toMatchObject({ dimension: 'living', rtRw: '001/002', dimensionName: 'Smart Living' });

    // Exports. The JSON export is the reference; the CSV must open back as the same rows.
    const json = await api(studio.url, '/api/aspirations/export.json', { cookie: planner });
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('no-store');
    const rows = json.json.usulan as Array<Record<string, string | number | null>>;
    expect(rows.map((r) => r.idUsulan)).toEqual([bridge.id, road.id, ...formulas.map((f) => f.id), sms.id]);
    const csvRes = await fetch(`${studio.url}/api/aspirations/export.csv`, { headers: { cookie: planner } });
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toMatch(/attachment; filename="usulan-musrenbang_\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = Buffer.from(await csvRes.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    const back = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    const headers = (json.json.kolom as Array<{ kunci: string; judul: string }>);
    expect(Object.keys(back[0]!)).toEqual(headers.map((h) => h.judul));
    expect(back).toHaveLength(rows.length);
    back.forEach((cells, i) => {
      for (const { kunci, judul } of headers) expect(cells[judul], `${judul} of row ${i + 1}`).toBe(inert(String(rows[i]![kunci] ?? '')));
    });
    expect(back[0]).toMatchObject({
      Usulan: 'Jembatan gantung ke SD Mekarjaya', Dimensi: 'Smart Living', Kecamatan: 'Sukamaju', 'Desa/Kelurahan': 'Mekarjaya',
      'RT/RW': 'RT 003/RW 005', Dukungan: '6', Status: 'Diteruskan ke musrenbang', 'Tanggal Episode': '2026-10-03',
      Volume: '', Satuan: '', 'Perkiraan Biaya': '', 'OPD Tujuan': '', 'Nama Pengusul': 'Bu Yati', 'Telepon Pengusul': '0812-3456-7890',
    });
    expect(back[0]!['Sumber Episode']).toBe(`${SHOW_EPISODE.series} Eps. 12: ${SHOW_EPISODE.title}`);
    // Excel formula payloads come out inert: every cell that could start a formula starts with an apostrophe.
    for (const cell of back.flatMap((r) => Object.values(r))) expect(cell).not.toMatch(/^[=+\-@]/);
    for (const f of FORMULAS.slice(0, 3)) expect(back.map((r) => r.Usulan)).toContain(`'${f}`);
    // Personal data only where consented.
    expect(back.find((r) => r['ID Usulan'] === inert(road.id))).toMatchObject({ 'Nama Pengusul': '', 'Telepon Pengusul': '' });
    expect(back.find((r) => r['ID Usulan'] === inert(sms.id))).toMatchObject({ 'Nama Pengusul': 'Pak Karto', 'Telepon Pengusul': '0813-9999-0000' });
    const anonymous = await api(studio.url, '/api/aspirations/export.csv?personal=0&delimiter=semicolon', { cookie: planner });
    expect(anonymous.text).not.toMatch(/Bu Yati|0812|Pak Karto|0813|Nama Pengusul/);
    expect(anonymous.text.split('\r\n')[0]).toContain(';"Usulan";');
    const filtered = parse((await api(studio.url, '/api/aspirations/export.csv?status=ditolak', { cookie: planner })).text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(filtered.map((r) => [r['ID Usulan'], r['Alasan Ditolak']])).toEqual([[formulas[3]!.id, 'Bukan usulan pembangunan']]);
    const md = await api(studio.url, '/api/aspirations/export.md', { cookie: planner });
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('# USULAN WARGA UNTUK MUSRENBANG KABUPATEN LEMBAH HIJAU');
    expect(md.text).toContain('| Pengusul (bersedia dihubungi) | Bu Yati, 0812-3456-7890 |');

    // Into the notula: grouped by dimension, no personal data; and the archive re-imports byte for byte.
    clock.advance(30);
    const ended = await api(studio.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: studio.hostCookie });
    expect(ended.status).toBe(200);
    const archived = await readFile(join(studio.server.transcriptsDir, ended.json.transcript), 'utf8');
    const section = archived.slice(archived.indexOf('## Aspirasi Pendengar'), archived.indexOf('## Ringkasan'));
    expect(section).toContain('### Smart Living\n\n- Jembatan gantung ke SD Mekarjaya — Permasalahan: Anak-anak menyeberang sungai saat banjir. — RT 003/RW 005, Mekarjaya, Kec. Sukamaju — 6 dukungan');
    expect(section).toContain('### Smart Culture\n\n- \\=HYPERLINK');
    expect(section).not.toContain('Bukan usulan'); // the rejected one stays out
    for (const secret of ['Bu Yati', '0812', 'Pak Karto', '0813', people[0]!.token.split('.')[0]!]) expect(archived).not.toContain(secret);
    const publicNotula = await api(studio.url, `/api/episodes/${ep.id}/notula.md`);
    expect(publicNotula.text).toBe(archived);
    await expectReimportsByteForByte(archived, ep.id);

    // Support keeps working after the show for open usulan.
    expect((await must(people[7]!.socket, 'aspiration:support', { aspirationId: bridge.id })).supports).toBe(7);

    // Everything survives a restart.
    await studio.server.app.aspirations.flush();
    const onDisk = JSON.parse(await readFile(join(studio.server.dataDir, 'aspirations.json'), 'utf8'));
    expect(onDisk.aspirations).toHaveLength(8);
    expect(onDisk.aspirations.find((a: { id: string }) => a.id === bridge.id).supporters).toHaveLength(7);
  });

  it('keeps the desk and the district settings to the roles that own them', async () => {
    for (const cookie of [studio.hostCookie, studio.screenerCookie, studio.notulisCookie]) {
      expect((await api(studio.url, '/api/aspirations', { cookie })).status).toBe(403);
      expect((await api(studio.url, '/api/aspirations/export.csv', { cookie })).status).toBe(403);
    }
    expect((await api(studio.url, '/api/aspirations')).status).toBe(401);
    expect((await api(studio.url, '/api/district', { method: 'PUT', cookie: planner, body: { name: 'x', dimensions: [], kecamatan: [] } })).status).toBe(403);
    expect((await api(studio.url, '/api/district/regions', { method: 'POST', cookie: planner, body: 'kode,nama', headers: { 'content-type': 'text/csv' } })).status).toBe(403);
    const regions = await api(studio.url, '/api/district/regions.csv');
    expect(parse(regions.text, { bom: true, columns: true })).toHaveLength(6);
  });
});
