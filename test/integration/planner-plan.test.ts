// The planner's plan fields and the admin's OPD list against a real server and real files:
// filled values reach the desk and every export, survive a restart, and the minimum-support
// filter holds for list and exports alike. Bad input gets its code and message in words and
// changes neither the files on disk nor the server's memory. The OPD list lives in
// district.json: no new file in the data folder (the backup holds exactly what it did).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { api, listener, must, signIn } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { PLACE, RELAXED_LIMITS, plannerCookie, setupDistrict } from '../support/planning.ts';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';
import type { ErrorCode } from '../../server/contract/errors.ts';
import { DEFAULT_OPD } from '../../server/contract/plan.ts';

describe('plan fields and the OPD list', { timeout: 60_000 }, () => {
  let planner: string;
  const sockets: Client[] = [];
  const ids: Record<'road' | 'lamp', string> = { road: '', lamp: '' };

  const files = async () => Promise.all(['aspirations.json', 'district.json'].map((f) => readFile(join(studio.server.dataDir, f), 'utf8')));
  const memory = () => JSON.stringify([studio.server.app.aspirations.list, studio.server.app.aspirations.district, studio.server.app.aspirations.opd]);
  const flush = () => studio.server.app.aspirations.flush();

  async function refused(path: string, init: Parameters<typeof api>[2], status: number, code: ErrorCode): Promise<string> {
    await flush();
    const [before, mem] = [await files(), memory()];
    const r = await api(studio.url, path, init);
    expect(r.status, r.text).toBe(status);
    expect(r.json.error.code).toBe(code);
    expect(r.json.error.message.startsWith(ERROR_MESSAGES[code])).toBe(true);
    await flush();
    expect(await files()).toEqual(before);
    expect(memory()).toBe(mem);
    return r.json.error.message;
  }
  const plan = (id: string, body: object, cookie = planner) => ({ method: 'PUT', cookie, body, path: `/api/aspirations/${id}/plan` });
  const put = (p: ReturnType<typeof plan>) => api(studio.url, p.path, p);

  const studio = studioServer({ rateLimits: RELAXED_LIMITS });
  beforeAll(async () => {
    planner = await plannerCookie(studio.url, studio.admin);
    await setupDistrict(studio.url, studio.admin);
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    for (let i = 0; i < 3; i++) {
      const { socket } = await listener(studio.url);
      await must(socket, 'episode:join', { episodeId: ep.id });
      sockets.push(socket);
    }
    const form = { episodeId: ep.id, dimension: 'living', kecamatan: PLACE.sukamaju, desa: PLACE.mekarjaya };
    ids.road = (await must(sockets[0]!, 'aspiration:submit', { ...form, text: 'Jalan Mekarjaya diaspal', problem: 'Berlubang' })).id;
    ids.lamp = (await must(sockets[0]!, 'aspiration:submit', { ...form, text: 'Lampu jalan', problem: 'Gelap' })).id;
    for (const s of sockets.slice(1)) await must(s, 'aspiration:support', { aspirationId: ids.road });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
  });

  it('starts with the default OPD list, kept in district.json', async () => {
    const r = await api(studio.url, '/api/opd');
    expect(r.json.opd).toEqual(DEFAULT_OPD);
    expect(r.json.satuan).toContain('meter');
    await flush();
    expect(JSON.parse(await readFile(join(studio.server.dataDir, 'district.json'), 'utf8')).opd).toEqual(DEFAULT_OPD);
  });

  it('a planner fills the fields; the desk and every export carry them, also after a restart', async () => {
    const r = await put(plan(ids.road, { volume: '1.250,5', satuan: 'Meter', perkiraanBiaya: 'Rp 15.000.000', opdTujuan: 'dinas pupr' }));
    expect(r.status, r.text).toBe(200);
    expect(r.json.aspiration.plan).toEqual({ volume: 1250.5, satuan: 'meter', perkiraanBiaya: 15_000_000, opdTujuan: 'Dinas PUPR' });

    const csv = parse((await api(studio.url, '/api/aspirations/export.csv?personal=0', { cookie: planner })).text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(csv[0]).toMatchObject({ Usulan: 'Jalan Mekarjaya diaspal', Volume: '1250.5', Satuan: 'meter', 'Perkiraan Biaya': '15000000', 'OPD Tujuan': 'Dinas PUPR' });
    expect(csv[1]).toMatchObject({ Volume: '', Satuan: '', 'Perkiraan Biaya': '', 'OPD Tujuan': '' });
    const semi = parse((await api(studio.url, '/api/aspirations/export.csv?personal=0&delimiter=semicolon', { cookie: planner })).text, { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(semi[0]!.Volume).toBe('1250,5');
    const md = (await api(studio.url, '/api/aspirations/export.md?personal=0', { cookie: planner })).text;
    expect(md).toContain('| Volume | 1.250,5 |');
    expect(md).toContain('| Satuan | meter |');
    expect(md).toContain('| Perkiraan biaya | Rp 15.000.000 |');
    expect(md).toContain('| OPD tujuan | Dinas PUPR |');
    const json = (await api(studio.url, '/api/aspirations/export.json?personal=0', { cookie: planner })).json;
    expect(json.usulan[0]).toMatchObject({ volume: 1250.5, satuan: 'meter', perkiraanBiaya: 15_000_000, opdTujuan: 'Dinas PUPR' });

    // Cleared with an empty value; the others stay.
    expect((await put(plan(ids.road, { perkiraanBiaya: '' }))).json.aspiration.plan.perkiraanBiaya).toBeNull();
    expect((await put(plan(ids.road, { perkiraanBiaya: 15_000_000 }))).json.aspiration.plan.perkiraanBiaya).toBe(15_000_000);

    await studio.restart();
    planner = await signIn(studio.url, 'perencana', 'sandi-perencana-1');
    const after = await api(studio.url, `/api/aspirations/${ids.road}`, { cookie: planner });
    expect(after.json.aspiration.plan).toEqual({ volume: 1250.5, satuan: 'meter', perkiraanBiaya: 15_000_000, opdTujuan: 'Dinas PUPR' });
  });

  it('"dukungan minimal" filters the list and the exports alike', async () => {
    const list = await api(studio.url, '/api/aspirations?minSupport=2', { cookie: planner });
    expect(list.json.aspirations.map((a: { id: string }) => a.id)).toEqual([ids.road]);
    expect(list.json.counts.total).toBe(1);
    const csv = parse((await api(studio.url, '/api/aspirations/export.csv?minSupport=2&personal=0', { cookie: planner })).text, { bom: true, columns: true }) as unknown[];
    expect(csv).toHaveLength(1);
    expect((await api(studio.url, '/api/aspirations?minSupport=0', { cookie: planner })).json.aspirations).toHaveLength(2);
    await refused('/api/aspirations?minSupport=-1', { cookie: planner }, 400, 'invalid_payload');
    await refused('/api/aspirations/export.csv?minSupport=lima', { cookie: planner }, 400, 'invalid_payload');
  });

  it('refuses bad values in words, changing nothing', async () => {
    const bad = (body: object, code: ErrorCode, status = 400, cookie = planner) => {
      const p = plan(ids.lamp, body, cookie);
      return refused(p.path, p, status, code);
    };
    expect(await bad({ volume: 'dua', satuan: 'unit' }, 'invalid_volume')).toContain('"dua" bukan angka');
    expect(await bad({ volume: '-3', satuan: 'unit' }, 'invalid_volume')).toContain('lebih dari nol');
    expect(await bad({ volume: '2,555', satuan: 'unit' }, 'invalid_volume')).toContain('dua angka di belakang koma');
    expect(await bad({ volume: '3', satuan: '=SUM(A1)' }, 'invalid_satuan')).toContain('bukan satuan');
    expect(await bad({ volume: '3' }, 'plan_unit_required')).toContain('Isi satuannya juga');
    expect(await bad({ perkiraanBiaya: 'Rp 15.000,50' }, 'invalid_biaya')).toContain('tanpa sen');
    expect(await bad({ perkiraanBiaya: '-5000' }, 'invalid_biaya')).toContain('negatif');
    expect(await bad({ perkiraanBiaya: '2 triliun' }, 'invalid_biaya')).toContain('Rp 1 triliun');
    expect(await bad({ perkiraanBiaya: 'mahal sekali' }, 'invalid_biaya')).toContain('tulis seperti Rp 15.000.000');
    expect(await bad({ opdTujuan: 'Dinas Rahasia' }, 'unknown_opd')).toContain('Dinas Rahasia');
    await bad({ volume: { $gt: 1 } }, 'invalid_payload');
    await bad({ anggaran: 5 }, 'invalid_payload');
    await bad({ volume: '3', satuan: 'unit' }, 'not_allowed', 403, studio.hostCookie);
    await bad({ volume: '3', satuan: 'unit' }, 'not_signed_in', 401, '');
    const missing = plan('tidak-ada', { volume: '3', satuan: 'unit' });
    await refused(missing.path, missing, 404, 'aspiration_not_found');
  });

  it('the admin edits the OPD list; bad lists, other roles and dropping a name in use are refused', async () => {
    const opd = (list: unknown, cookie = studio.admin) => ({ method: 'PUT', cookie, body: { opd: list } });
    await refused('/api/opd', opd(['Bappeda'], planner), 403, 'not_allowed');
    expect(await refused('/api/opd', opd(['Bappeda', 'BAPPEDA', 'Dinas PUPR']), 400, 'opd_list_invalid')).toContain('dua kali');
    expect(await refused('/api/opd', opd(['Bappeda', '', 'Dinas PUPR']), 400, 'opd_list_invalid')).toContain('ke-2 kosong');
    expect(await refused('/api/opd', opd(['Bappeda']), 409, 'opd_in_use')).toContain('"Dinas PUPR"');
    await refused('/api/opd', opd('Bappeda'), 400, 'invalid_payload');

    const before = (await readdir(studio.server.dataDir)).sort();
    const r = await api(studio.url, '/api/opd', opd([' Dinas PUPR ', 'Dinas Perikanan', 'Bappeda']));
    expect(r.status, r.text).toBe(200);
    expect(r.json.opd).toEqual(['Dinas PUPR', 'Dinas Perikanan', 'Bappeda']);
    expect((await put(plan(ids.lamp, { opdTujuan: 'Dinas Perikanan' }))).json.aspiration.plan.opdTujuan).toBe('Dinas Perikanan');
    const gone = plan(ids.lamp, { opdTujuan: 'BPBD' });
    await refused(gone.path, gone, 400, 'unknown_opd');
    await flush();
    expect(JSON.parse(await readFile(join(studio.server.dataDir, 'district.json'), 'utf8')).opd).toEqual(['Dinas PUPR', 'Dinas Perikanan', 'Bappeda']);
    expect((await readdir(studio.server.dataDir)).sort()).toEqual(before);
    await studio.restart();
    expect((await api(studio.url, '/api/opd')).json.opd).toEqual(['Dinas PUPR', 'Dinas Perikanan', 'Bappeda']);
  });
});
