// The station's own district: the sample stepping aside, the switch to an official
// kabupaten, single-region edits, the official tables, and "Hapus contoh".
import { describe, expect, it } from 'vitest';
import { codesInUse } from '../../server/domain/aspiration.ts';
import { blockingCodes, desaName, dimensionName, importRegionCsv, isSampleRegion, kecamatanName, updateDistrict } from '../../server/domain/district.ts';
import { officialKabupaten, parseKabupaten, parseProvinces, provinceTimeZone } from '../../server/domain/official-regions.ts';
import type { OfficialKabupaten } from '../../server/domain/official-regions.ts';
import { addRegion, renameRegion, switchKabupaten } from '../../server/domain/region-edit.ts';
import { checkSampleRemoval, removeSampleAspirations, removeSampleDistrict, samplePlan } from '../../server/domain/sample.ts';
import type { Aspiration, District } from '../../server/contract/types.ts';
import { buildDraftSample, buildSampleShow } from '../../server/sample/episodes.ts';
import { admin, planner } from './fixtures.ts';
import { expectRefusedState, testDistrict } from './planning-fixtures.ts';

const GAMPING: OfficialKabupaten = {
  code: '34.04', name: 'Kabupaten Sleman', provinceCode: '34',
  kecamatan: [
    { code: '34.04.01', name: 'Gamping', desa: [{ code: '34.04.01.2001', name: 'Balecatur' }, { code: '34.04.01.2002', name: 'Ambarketawang' }] },
    { code: '34.04.02', name: 'Godean', desa: [{ code: '34.04.02.2001', name: 'Sidoluhur' }] },
  ],
};

function sample(): { district: District; aspirations: Aspiration[] } {
  const s = buildSampleShow();
  return { district: s.district, aspirations: s.aspirations };
}

/** An usulan of a real episode (not the sample's) at a place. */
function realUsulan(kecamatan: string, desa: string): Aspiration {
  return { ...sample().aspirations[0]!, id: 'real-1', episodeId: 'ep-real', kecamatan, desa };
}

describe('the sample district', () => {
  it('lives in province 99, which Kemendagri never uses', () => {
    expect(sample().district.code).toBe('99.01');
    expect(sample().district.name).toContain('contoh');
    for (const c of ['99', '99.01', '99.01.01.2001']) expect(isSampleRegion(c)).toBe(true);
    for (const c of [null, '', '34.04', '39.99', '9', '990.1']) expect(isSampleRegion(c)).toBe(false);
  });

  it('holds its own codes while it is the district, and none once another is chosen', () => {
    const inUse = codesInUse(sample().aspirations);
    expect([...inUse.kecamatan]).toEqual([]);
    expect([...blockingCodes(inUse, '99.01').kecamatan].sort()).toEqual(['99.01.01', '99.01.02', '99.01.03']);
    expect([...blockingCodes(inUse, '34.04').kecamatan]).toEqual([]);
    expect([...blockingCodes(inUse, null).desa]).toEqual([]);
  });
});

describe('switchKabupaten', () => {
  it('replaces the sample, which steps aside with its names', () => {
    const { district, aspirations } = sample();
    const r = switchKabupaten(district, admin, structuredClone(GAMPING), codesInUse(aspirations));
    expect(r.ok).toBe(true);
    expect([district.name, district.code, district.timeZone, district.kecamatan.length]).toEqual(['Kabupaten Sleman', '34.04', 'Asia/Jakarta', 2]);
    expect(district.dimensions).toHaveLength(6);
    expect(district.former?.map((f) => f.code)).toEqual(['99.01']);
    const a = aspirations.find((x) => x.text.startsWith('Sumur bor'))!;
    expect([kecamatanName(district, a.kecamatan), desaName(district, a.desa), dimensionName(district, a.dimension)]).toEqual(['Kaliwening', 'Tegalsari', 'Smart Living']);
    expect(kecamatanName(district, '34.04.02')).toBe('Godean');
    expect(desaName(district, '12.34.56.7890')).toBe('12.34.56.7890');
  });

  it('keeps one copy of the sample when switched twice', () => {
    const { district, aspirations } = sample();
    switchKabupaten(district, admin, structuredClone(GAMPING), codesInUse(aspirations));
    switchKabupaten(district, admin, { ...structuredClone(GAMPING), code: '34.71', name: 'Kota Yogyakarta', kecamatan: [{ code: '34.71.01', name: 'Mantrijeron', desa: [] }] }, codesInUse(aspirations));
    expect(district.former?.map((f) => f.code)).toEqual(['99.01']);
    expect(district.code).toBe('34.71');
  });

  it('refuses, changing nothing, when a real usulan would lose its desa', () => {
    const district = testDistrict();
    const inUse = codesInUse([realUsulan('98.02.01', '98.02.01.2001')]);
    expectRefusedState(district, 'region_in_use', () => switchKabupaten(district, admin, structuredClone(GAMPING), inUse));
  });

  it('is the admin\'s, and needs kecamatan in the official data', () => {
    const { district, aspirations } = sample();
    expectRefusedState(district, 'not_allowed', () => switchKabupaten(district, planner, structuredClone(GAMPING), codesInUse(aspirations)));
    expectRefusedState(district, 'kabupaten_not_found', () => switchKabupaten(district, admin, { ...GAMPING, kecamatan: [] }, codesInUse(aspirations)));
    const wrong = { ...structuredClone(GAMPING), code: '34.05' };
    expectRefusedState(district, 'district_invalid', () => switchKabupaten(district, admin, wrong, codesInUse(aspirations)));
  });

  it('takes the zone of the province', () => {
    expect(['11', '34', '61', '62', '51', '64', '76', '81', '96'].map(provinceTimeZone)).toEqual([
      'Asia/Jakarta', 'Asia/Jakarta', 'Asia/Jakarta', 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Makassar', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Jayapura',
    ]);
  });
});

describe('the other ways step the sample aside too', () => {
  it('a CSV of a real kabupaten replaces the sample (it was "from another kabupaten")', () => {
    const { district, aspirations } = sample();
    const r = importRegionCsv(district, admin, 'kode,nama\n34.04.01,Gamping\n34.04.01.2001,Balecatur', codesInUse(aspirations));
    expect(r.ok).toBe(true);
    expect([district.code, district.name, district.former?.[0]?.name]).toEqual(['34.04', '', 'Kabupaten Giriwangi (contoh)']);
  });

  it('the whole settings with a real kabupaten\'s regions are taken', () => {
    const { district, aspirations } = sample();
    const r = updateDistrict(district, admin, { name: 'Kabupaten Sleman', code: '34.04', dimensions: district.dimensions, kecamatan: GAMPING.kecamatan }, codesInUse(aspirations));
    expect(r.ok).toBe(true);
    expect(district.former).toHaveLength(1);
  });

  it('while the sample is the district, its usulan still hold its regions', () => {
    const { district, aspirations } = sample();
    const fewer = { name: district.name, code: district.code, dimensions: district.dimensions, kecamatan: district.kecamatan.slice(1) };
    expectRefusedState(district, 'region_in_use', () => updateDistrict(district, admin, fewer, codesInUse(aspirations)));
  });
});

describe('addRegion and renameRegion', () => {
  it('add a kecamatan and a desa in code order, inside the kabupaten', () => {
    const d = testDistrict();
    expect(addRegion(d, admin, { code: '98.02.03', name: ' Cikadu ' }).ok).toBe(true);
    expect(addRegion(d, admin, { code: '9802032002', name: 'Sindang' }).ok).toBe(true);
    expect(addRegion(d, admin, { code: '98.02.03.2001', name: 'Wangun' }).ok).toBe(true);
    const k = d.kecamatan.find((x) => x.code === '98.02.03')!;
    expect(k).toEqual({ code: '98.02.03', name: 'Cikadu', desa: [{ code: '98.02.03.2001', name: 'Wangun' }, { code: '98.02.03.2002', name: 'Sindang' }] });
    expect(d.kecamatan.map((x) => x.code)).toEqual([...d.kecamatan.map((x) => x.code)].sort());
  });

  it('refuse, changing nothing: a taken code, another kabupaten, a desa without its kecamatan, a bad code, an empty name, a non-admin', () => {
    const d = testDistrict();
    expectRefusedState(d, 'region_exists', () => addRegion(d, admin, { code: '98.02.01', name: 'X' }));
    expectRefusedState(d, 'region_exists', () => addRegion(d, admin, { code: '98.02.01.2001', name: 'X' }));
    expectRefusedState(d, 'district_invalid', () => addRegion(d, admin, { code: '34.04.01', name: 'X' }));
    expectRefusedState(d, 'district_invalid', () => addRegion(d, admin, { code: '98.02.09.2001', name: 'X' }));
    expectRefusedState(d, 'district_invalid', () => addRegion(d, admin, { code: '98.02', name: 'X' }));
    expectRefusedState(d, 'district_invalid', () => addRegion(d, admin, { code: '../../etc', name: 'X' }));
    expectRefusedState(d, 'text_empty', () => addRegion(d, admin, { code: '98.02.09', name: '  ' }));
    expectRefusedState(d, 'not_allowed', () => addRegion(d, planner, { code: '98.02.09', name: 'X' }));
  });

  it('a first kecamatan gives an empty district its kabupaten', () => {
    const d: District = { ...testDistrict(), code: null, kecamatan: [] };
    expect(addRegion(d, admin, { code: '34.04.01', name: 'Gamping' }).ok).toBe(true);
    expect(d.code).toBe('34.04');
  });

  it('rename keeps the code, so usulan placed there follow', () => {
    const d = testDistrict();
    expect(renameRegion(d, admin, '98.02.01.2001', 'Mekarjaya Baru').ok).toBe(true);
    expect(desaName(d, '98.02.01.2001')).toBe('Mekarjaya Baru');
    expect(renameRegion(d, admin, '98.02.01', 'Sukamaju Kidul').ok).toBe(true);
    expect(kecamatanName(d, '98.02.01')).toBe('Sukamaju Kidul');
    expectRefusedState(d, 'no_change', () => renameRegion(d, admin, '98.02.01', 'Sukamaju Kidul'));
    expectRefusedState(d, 'region_not_found', () => renameRegion(d, admin, '98.02.07', 'X'));
    expectRefusedState(d, 'region_not_found', () => renameRegion(d, admin, '98.02', 'X'));
    expectRefusedState(d, 'not_allowed', () => renameRegion(d, planner, '98.02.01', 'X'));
  });
});

describe('the official tables (idn-area-data CSV)', () => {
  const provinces = 'code,name\n11,Aceh\n34,Daerah Istimewa Yogyakarta\n';
  const regencies = 'code,province_code,name\n34.01,34,Kabupaten Kulon Progo\n34.04,34,Kabupaten Sleman\n35.04,35,Kabupaten Tulungagung\n';
  const districts = 'code,regency_code,name\n34.04.02,34.04,Godean\n34.04.01,34.04,Gamping\n34.71.01,34.71,Mantrijeron\n';
  const villages = 'code,district_code,name\n34.04.01.2002,34.04.01,Ambarketawang\n34.04.01.2001,34.04.01,"Balecatur, Lor"\n34.04.02.2001,34.04.02,"Soka""an"\n34.71.01.1001,34.71.01,Gedongkiwo';

  it('read provinces, a province\'s kabupaten, and one kabupaten in code order', () => {
    expect(parseProvinces(provinces)).toEqual([{ code: '11', name: 'Aceh' }, { code: '34', name: 'Daerah Istimewa Yogyakarta' }]);
    expect(parseKabupaten(regencies, '34').map((k) => k.code)).toEqual(['34.01', '34.04']);
    const k = officialKabupaten({ code: '34.04', name: 'Kabupaten Sleman', provinceCode: '34' }, districts, villages);
    expect(k.kecamatan).toEqual([
      { code: '34.04.01', name: 'Gamping', desa: [{ code: '34.04.01.2001', name: 'Balecatur, Lor' }, { code: '34.04.01.2002', name: 'Ambarketawang' }] },
      { code: '34.04.02', name: 'Godean', desa: [{ code: '34.04.02.2001', name: 'Soka"an' }] },
    ]);
  });
});

describe('Hapus contoh', () => {
  it('names what goes, then removes the sample usulan and the district it left behind', () => {
    const { district, aspirations } = sample();
    const episodes = [buildSampleShow().episode, buildDraftSample(new Date('2026-12-01T00:00:00Z'))];
    switchKabupaten(district, admin, structuredClone(GAMPING), codesInUse(aspirations));
    const list = [...aspirations, realUsulan('34.04.01', '34.04.01.2001')];
    const plan = samplePlan(episodes, list, district)!;
    expect(plan.episodes.map((e) => e.id)).toEqual(['sample-finished-07', 'sample-draft-08']);
    expect(plan.aspirations).toBe(aspirations.length);
    expect(plan.districts).toEqual([{ name: 'Kabupaten Giriwangi (contoh)', code: '99.01', current: false }]);
    expect(checkSampleRemoval(planner, plan).ok).toBe(false);
    expect(checkSampleRemoval(admin, null)).toMatchObject({ ok: false, error: { code: 'sample_absent' } });
    const removed = removeSampleAspirations(list);
    expect(removed).toMatchObject({ ok: true, value: aspirations.length });
    expect(list.map((a) => a.id)).toEqual(['real-1']);
    removeSampleDistrict(district, list);
    expect(district.former).toBeUndefined();
    expect(samplePlan([], list, district)).toBeNull();
  });

  it('refuses while a sample episode is on air', () => {
    const draft = buildDraftSample(new Date('2026-12-01T00:00:00Z'));
    draft.status = 'live';
    const { district, aspirations } = sample();
    expect(checkSampleRemoval(admin, samplePlan([draft], aspirations, district))).toMatchObject({ ok: false, error: { code: 'episode_live' } });
  });

  it('as the district, leaves empty settings; a copy stays only for usulan sent into it outside the sample', () => {
    const a = sample();
    removeSampleDistrict(a.district, []);
    expect([a.district.name, a.district.code, a.district.kecamatan, a.district.former]).toEqual(['', null, [], undefined]);
    expect(a.district.dimensions).toHaveLength(6);
    const b = sample();
    const stray = realUsulan('99.01.01', '99.01.01.2001');
    removeSampleDistrict(b.district, [stray]);
    expect(b.district.code).toBeNull();
    expect(desaName(b.district, stray.desa)).toBe('Sumberrejo');
  });
});
