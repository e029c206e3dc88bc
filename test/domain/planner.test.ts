import { describe, expect, it } from 'vitest';
import { setAspirationStatus, submitAspiration, supportAspiration, mergeAspirations, enterAspiration } from '../../server/domain/aspiration.ts';
import {
  aspirationView, countAspirations, deskView, filterAspirations, fold, listenerAspirations, notulaAspirations, staffAspirations,
} from '../../server/domain/planner.ts';
import type { Aspiration } from '../../server/contract/types.ts';
import { listener, liveEpisode, makeCtx, planner, screener, unwrap } from './fixtures.ts';
import { DESA_A1, DESA_A2, DESA_B1, KEC_A, KEC_B, testDistrict, usulan } from './planning-fixtures.ts';

function desk() {
  const ctx = makeCtx('2024-05-04T12:00:00.000Z');
  const district = testDistrict();
  const e1 = liveEpisode(ctx);
  const e2 = liveEpisode(ctx);
  e2.id = 'ep-2';
  const list: Aspiration[] = [];
  const add = (e: typeof e1, who: string, o: object, supporters: number, hours = 0) => {
    ctx.now = new Date(Date.parse('2024-05-04T12:00:00.000Z') + hours * 3600_000).toISOString();
    const a = unwrap(submitAspiration(list, district, e, listener(who), usulan(o), ctx));
    for (let i = 0; i < supporters; i++) unwrap(supportAspiration(list, listener(`S-${a.id}-${i}`), a.id));
    return a;
  };
  const bridge = add(e1, 'L-1', { text: 'Jembatan gantung ke sekolah', problem: 'Anak menyeberang sungai' }, 3);
  const road = add(e1, 'L-2', { text: 'Pengaspalan jalan Cibening', problem: 'Jalan berlubang, ambulans susah lewat', dimension: 'living', kecamatan: KEC_B, desa: DESA_B1, name: 'Bu Tati', phone: '081200001111', consent: true }, 6, 2);
  const market = add(e2, 'L-3', { text: 'Pasar desa yang bersih', problem: 'Pedagang berjualan di bahu jalan; PÉMBANGUNAN kios tertunda', dimension: 'economy', desa: DESA_A2 }, 1, 20);
  const spam = add(e2, 'L-4', { text: 'Promo pulsa', problem: 'Promo', dimension: 'economy' }, 0, 21);
  unwrap(setAspirationStatus(list, planner, [spam.id], 'ditolak', 'Iklan', ctx));
  const dup = add(e2, 'L-5', { text: 'Jembatan gantung Mekarjaya', problem: 'Sama dengan usulan jembatan' }, 2, 22);
  unwrap(mergeAspirations(list, planner, [dup.id], bridge.id, ctx));
  return { ctx, district, e1, e2, list, bridge, road, market, spam, dup };
}

describe('the desk filters', () => {
  it('sorts by support by default and hides merged duplicates unless asked', () => {
    const d = desk();
    expect(filterAspirations(d.list, {}, d.district).map((a) => a.id)).toEqual([d.road.id, d.bridge.id, d.market.id, d.spam.id]);
    expect(d.bridge.supporters).toHaveLength(5);
    expect(filterAspirations(d.list, { status: ['digabung'] }, d.district).map((a) => a.id)).toEqual([d.dup.id]);
  });

  it('filters by dimension, kecamatan, desa, status, episode and date range', () => {
    const d = desk();
    const ids = (f: object) => filterAspirations(d.list, f, d.district).map((a) => a.id).sort();
    expect(ids({ dimension: ['economy'] })).toEqual([d.market.id, d.spam.id].sort());
    expect(ids({ kecamatan: [KEC_B] })).toEqual([d.road.id]);
    expect(ids({ desa: [DESA_A1, DESA_A2] })).toEqual([d.bridge.id, d.market.id, d.spam.id].sort());
    expect(ids({ status: ['ditolak'] })).toEqual([d.spam.id]);
    expect(ids({ episode: ['ep-2'] })).toEqual([d.market.id, d.spam.id].sort());
    // 19.00 WIB on 4 May, then 20 hours later is 5 May in Jakarta.
    expect(ids({ from: '2024-05-05' })).toEqual([d.market.id, d.spam.id].sort());
    expect(ids({ to: '2024-05-04' })).toEqual([d.bridge.id, d.road.id].sort());
    expect(ids({ from: '2024-05-06' })).toEqual([]);
  });

  it('searches text and problem, ignoring case and accents, every word', () => {
    const d = desk();
    const ids = (q: string) => filterAspirations(d.list, { q }, d.district).map((a) => a.id);
    expect(ids('JEMBATAN')).toEqual([d.bridge.id]);
    expect(ids('pembangunan kios')).toEqual([d.market.id]);
    expect(ids('ambulans')).toEqual([d.road.id]);
    expect(ids('jembatan ambulans')).toEqual([]);
    expect(fold('Pémbangunan Café')).toBe('pembangunan cafe');
  });

  it('sorts newest and oldest first on request', () => {
    const d = desk();
    expect(filterAspirations(d.list, { sort: 'newest' }, d.district).map((a) => a.id)).toEqual([d.spam.id, d.market.id, d.road.id, d.bridge.id]);
    expect(filterAspirations(d.list, { sort: 'oldest' }, d.district).map((a) => a.id)).toEqual([d.bridge.id, d.road.id, d.market.id, d.spam.id]);
  });

  it('counts per dimension and per kecamatan, zeros included, with supports', () => {
    const d = desk();
    const c = countAspirations(filterAspirations(d.list, {}, d.district), d.district);
    expect(c.total).toBe(4);
    expect(c.byDimension.map((r) => [r.code, r.count, r.supports])).toEqual([
      ['governance', 0, 0], ['branding', 0, 0], ['economy', 2, 1], ['living', 2, 11], ['society', 0, 0], ['environment', 0, 0],
    ]);
    expect(c.byKecamatan.map((r) => [r.name, r.count, r.supports])).toEqual([['Sukamaju', 3, 6], ['Karangsari', 1, 6]]);
    expect(c.byStatus).toEqual({ baru: 3, ditinjau: 0, diteruskan: 0, ditolak: 1, digabung: 0 });
  });
});

describe('views', () => {
  it('never carry listener ids; only the desk view carries contact', () => {
    const d = desk();
    const view = JSON.stringify([...d.list.map(aspirationView), staffAspirations(d.list, d.e1.id), listenerAspirations(d.list, d.e1.id, 'L-2')]);
    expect(view).not.toMatch(/L-\d|S-|Bu Tati|081200001111|submittedBy|supporters|contact/);
    const desked = deskView(d.road, d.district, (id) => (id === d.e1.id ? d.e1 : undefined));
    expect(desked.contact).toEqual({ name: 'Bu Tati', phone: '081200001111' });
    expect(desked).toMatchObject({ dimensionName: 'Smart Living', kecamatanName: 'Karangsari', desaName: 'Cibening', supports: 6 });
    expect(desked.episode).toEqual({ id: d.e1.id, series: d.e1.series, number: 7, title: d.e1.title, date: '2024-05-04' });
    expect(JSON.stringify(desked)).not.toMatch(/"L-2"|S-/);
  });

  it('gives a listener the open usulan of the episode, their own from anywhere, and what they support', () => {
    const d = desk();
    const mine = listenerAspirations(d.list, d.e1.id, 'L-4');
    expect(mine.aspirations.map((a) => a.id)).toEqual([d.bridge.id, d.road.id]);
    expect(mine.myAspirations.map((a) => [a.id, a.status, a.rejectReason])).toEqual([[d.spam.id, 'ditolak', 'Iklan']]);
    const supporter = listenerAspirations(d.list, d.e1.id, `S-${d.road.id}-0`);
    expect(supporter.mySupports).toEqual([d.road.id]);
  });
});

describe('notulaAspirations', () => {
  it('lists the episode\'s open usulan by dimension order, then support, with names and no personal data', () => {
    const d = desk();
    unwrap(enterAspiration(d.list, d.district, d.e1, screener, { ...usulan({ text: 'Balai warga', dimension: 'governance', kecamatan: KEC_A, desa: DESA_A1 }), channel: 'sms', name: 'Pak Rahasia', consent: true }, d.ctx));
    const out = notulaAspirations(d.list, d.district, d.e1.id);
    expect(out.map((a) => [a.dimension, a.text, a.desa, a.kecamatan, a.supports])).toEqual([
      ['Smart Governance', 'Balai warga', 'Mekarjaya', 'Sukamaju', 0],
      ['Smart Living', 'Pengaspalan jalan Cibening', 'Cibening', 'Karangsari', 6],
      ['Smart Living', 'Jembatan gantung ke sekolah', 'Mekarjaya', 'Sukamaju', 5],
    ]);
    expect(JSON.stringify(out)).not.toMatch(/Pak Rahasia|Bu Tati|0812/);
    expect(notulaAspirations(d.list, d.district, d.e2.id).map((a) => a.id)).toEqual([d.market.id]);
  });
});
