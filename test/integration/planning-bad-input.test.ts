// Bad input for aspirations, polls and the district: each gets a clear error, in the
// closed set with its Indonesian message, and changes nothing — neither the files on
// disk (aspirations.json, district.json, the episode) nor the server's memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, call, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { PLACE, RELAXED_LIMITS, plannerCookie, setupDistrict } from '../support/planning.ts';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';
import type { ErrorCode } from '../../server/contract/errors.ts';

describe('bad input for aspirations, polls and the district', () => {
  let planner: string;
  let ep: { id: string; code: string };
  let someone: Client;
  let other: Client;
  let open: string;
  let rejected: string;
  let pollId: string;

  const files = async () => Promise.all(['aspirations.json', 'district.json', `episodes/${ep.id}.json`].map((f) => readFile(join(studio.server.dataDir, f), 'utf8')));
  const memory = () => JSON.stringify([studio.server.app.aspirations.list, studio.server.app.aspirations.district, studio.server.app.store.get(ep.id)]);

  async function unchanged(send: () => Promise<{ code: string; message: string }>, code: ErrorCode): Promise<string> {
    await Promise.all([studio.server.app.store.flush(), studio.server.app.aspirations.flush()]);
    const [before, mem] = [await files(), memory()];
    const error = await send();
    expect(error.code).toBe(code);
    expect(error.message.startsWith(ERROR_MESSAGES[code])).toBe(true);
    await Promise.all([studio.server.app.store.flush(), studio.server.app.aspirations.flush()]);
    expect(await files()).toEqual(before);
    expect(memory()).toBe(mem);
    return error.message;
  }

  const viaSocket = (socket: Client, event: string, payload: object) => async () => {
    const r = await call(socket, event as never, payload as never);
    if (r.ok) throw new Error(`${event} was accepted`);
    return r.error;
  };
  const viaHttp = (path: string, init: Parameters<typeof api>[2], status: number) => async () => {
    const r = await api(studio.url, path, init);
    expect(r.status, r.text).toBe(status);
    return r.json.error as { code: string; message: string };
  };
  const form = (overrides: object = {}) => ({
    episodeId: ep.id, text: 'Lampu jalan', problem: 'Gelap', dimension: 'environment', kecamatan: PLACE.sukamaju, desa: PLACE.mekarjaya, ...overrides,
  });

  const studio = studioServer({ rateLimits: RELAXED_LIMITS });
  beforeAll(async () => {
    planner = await plannerCookie(studio.url, studio.admin);
    await setupDistrict(studio.url, studio.admin);
    ep = await createLiveEpisode(studio.url, studio.hostCookie);
    someone = (await listener(studio.url)).socket;
    other = (await listener(studio.url)).socket;
    await must(someone, 'episode:join', { episodeId: ep.id });
    await must(other, 'episode:join', { episodeId: ep.id }); // supports need the episode joined
    open = (await must(someone, 'aspiration:submit', form())).id;
    rejected = (await must(someone, 'aspiration:submit', form({ text: 'Promo' }))).id;
    await must(studio.screener, 'aspiration:status', { aspirationId: rejected, status: 'ditolak', reason: 'Iklan' });
    await must(other, 'aspiration:support', { aspirationId: open });
    pollId = (await must(studio.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' })).id;
    await must(studio.host, 'poll:close', { episodeId: ep.id, pollId });
  });
  afterAll(async () => {
    for (const s of [someone, other]) s?.disconnect();
  });

  it('refuses an usulan with an unknown dimension or desa, a desa outside its kecamatan, or empty text', async () => {
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ dimension: 'smart-sihir' })), 'unknown_dimension');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ desa: '98.02.01.2999' })), 'unknown_desa');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ kecamatan: '98.02.09' })), 'unknown_kecamatan');
    const where = await unchanged(viaSocket(someone, 'aspiration:submit', form({ kecamatan: PLACE.sukamaju, desa: PLACE.cibening })), 'desa_outside_kecamatan');
    expect(where).toContain('Cibening ada di Kecamatan Karangsari');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ text: ' \n\t ' })), 'text_empty');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ problem: '' })), 'text_empty');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ rtRw: 'tiga/lima' })), 'invalid_rt_rw');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ phone: '12' , consent: true })), 'invalid_phone');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ name: 'Bu Yati', phone: '081234567890' })), 'consent_required');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ dimension: 42 })), 'invalid_payload');
    await unchanged(viaSocket(someone, 'aspiration:submit', form({ episodeId: 'tidak-ada' })), 'episode_not_found');
  });

  it('refuses a second support, support for a rejected usulan, and staff events from a listener', async () => {
    await unchanged(viaSocket(other, 'aspiration:support', { aspirationId: open }), 'already_supported');
    await unchanged(viaSocket(other, 'aspiration:support', { aspirationId: rejected }), 'aspiration_closed');
    await unchanged(viaSocket(other, 'aspiration:support', { aspirationId: 'tidak-ada' }), 'aspiration_not_found');
    await unchanged(viaSocket(other, 'aspiration:status', { aspirationId: open, status: 'ditolak', reason: 'x' }), 'not_signed_in');
    await unchanged(viaSocket(other, 'aspiration:enter', { ...form(), channel: 'sms' }), 'not_signed_in');
    await unchanged(viaSocket(studio.notulis, 'aspiration:enter', { ...form(), channel: 'sms' }), 'not_allowed');
    await unchanged(viaSocket(studio.screener, 'aspiration:status', { aspirationId: open, status: 'diteruskan' }), 'not_allowed');
    await unchanged(viaSocket(studio.screener, 'aspiration:status', { aspirationId: open, status: 'ditolak' }), 'reason_required');
  });

  it('refuses a vote on a closed poll', async () => {
    await unchanged(viaSocket(someone, 'poll:answer', { episodeId: ep.id, pollId, option: 0 }), 'poll_closed');
  });

  it('refuses bad planner requests, all or nothing', async () => {
    await unchanged(viaHttp('/api/aspirations/status', { method: 'POST', cookie: planner, body: { ids: [open, 'tidak-ada'], status: 'diteruskan' } }, 404), 'aspiration_not_found');
    await unchanged(viaHttp('/api/aspirations/status', { method: 'POST', cookie: planner, body: { ids: [open], status: 'ditolak' } }, 400), 'reason_required');
    await unchanged(viaHttp('/api/aspirations/status', { method: 'POST', cookie: planner, body: { ids: [open], status: 'selesai' } }, 400), 'invalid_payload');
    await unchanged(viaHttp('/api/aspirations/merge', { method: 'POST', cookie: planner, body: { sourceIds: [open], targetId: open } }, 409), 'aspiration_merge_invalid');
    await unchanged(viaHttp('/api/aspirations/merge', { method: 'POST', cookie: planner, body: { sourceIds: [rejected], targetId: open } }, 409), 'aspiration_merge_invalid');
    await unchanged(viaHttp(`/api/aspirations/${open}`, { method: 'PATCH', cookie: planner, body: { desa: PLACE.cibening } }, 400), 'desa_outside_kecamatan');
    await unchanged(viaHttp(`/api/aspirations/${open}/notes`, { method: 'POST', cookie: planner, body: { text: '  ' } }, 400), 'text_empty');
    await unchanged(viaHttp('/api/aspirations?status=selesai', { cookie: planner }, 400), 'invalid_payload');
    await unchanged(viaHttp('/api/aspirations?from=kemarin', { cookie: planner }, 400), 'invalid_payload');
    await unchanged(viaHttp('/api/aspirations/merge', { method: 'POST', cookie: studio.hostCookie, body: { sourceIds: [open], targetId: rejected } }, 403), 'not_allowed');
  });

  it('refuses a malformed district CSV with an error naming the line', async () => {
    const csv = (text: string, status = 400) => viaHttp('/api/district/regions', { method: 'POST', cookie: studio.admin, body: text, headers: { 'content-type': 'text/csv' } }, status);
    const quote = await unchanged(csv('kode,nama\n98.02.01,Sukamaju\n98.02.01.2001,"Mekarjaya\n98.02.02,Karangsari\n'), 'district_csv_invalid');
    expect(quote).toContain('Baris 3: tanda kutip dibuka tetapi tidak pernah ditutup');
    const code = await unchanged(csv('kode,nama\n98.02.01,Sukamaju\n98.02.01.2001,Mekarjaya\n98.02.01.20O2,Typo O untuk nol\n'), 'district_csv_invalid');
    expect(code).toContain('Baris 4: kode "98.02.01.20O2" tidak dikenal');
    const dup = await unchanged(csv('kode;nama\r\n98.02.01;Sukamaju\r\n98.02.01;Sukamaju Lagi\r\n'), 'district_csv_invalid');
    expect(dup).toContain('Baris 3: kode 98.02.01 sudah ada di baris 2');
    const header = await unchanged(csv('98.02.01,Sukamaju\n'), 'district_csv_invalid');
    expect(header).toContain('Baris 1:');
    // Dropping regions an usulan uses is refused too, naming them.
    const used = await unchanged(csv('kode,nama\n98.02.02,Karangsari\n98.02.02.2001,Cibening\n', 409), 'region_in_use');
    expect(used).toContain('98.02.01.2001');
    await unchanged(viaHttp('/api/district/regions', { method: 'POST', cookie: studio.admin, body: '{"kode":1}', headers: { 'content-type': 'application/json' } }, 400), 'invalid_payload');
  });

  it('refuses bad district settings', async () => {
    const put = (body: object, status: number) => viaHttp('/api/district', { method: 'PUT', cookie: studio.admin, body }, status);
    const district = studio.server.app.aspirations.district;
    const base = { name: district.name, code: district.code, dimensions: district.dimensions, kecamatan: district.kecamatan };
    await unchanged(put({ ...base, dimensions: district.dimensions.filter((d) => d.code !== 'environment') }, 409), 'region_in_use');
    await unchanged(put({ ...base, dimensions: [] }, 400), 'district_invalid');
    await unchanged(put({ ...base, timeZone: 'Bulan/Purnama' }, 400), 'invalid_time_zone');
    await unchanged(put({ ...base, kecamatan: [{ code: '98.02.01', name: 'Sukamaju', desa: [{ code: '98.02.02.2001', name: 'Salah' }] }] }, 400), 'district_invalid');
    await unchanged(put({ name: 'x' }, 400), 'invalid_payload');
  });
});
