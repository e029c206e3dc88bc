// An invented district for the sample: names and codes are our own (province 99 does
// not exist, so no code can be mistaken for a real one).
import { NATIONAL_DIMENSIONS } from '../domain/district.ts';
import type { District } from '../domain/types.ts';

export function sampleDistrict(): District {
  return {
    name: 'Kabupaten Giriwangi',
    code: '99.01',
    timeZone: 'Asia/Jakarta',
    dimensions: NATIONAL_DIMENSIONS.map((d) => ({ ...d })),
    kecamatan: [
      { code: '99.01.01', name: 'Kaliwening', desa: [
        { code: '99.01.01.1001', name: 'Kaliwening' },
        { code: '99.01.01.2001', name: 'Sumberrejo' },
        { code: '99.01.01.2002', name: 'Tegalsari' },
      ] },
      { code: '99.01.02', name: 'Girimulyo', desa: [
        { code: '99.01.02.1001', name: 'Kauman' },
        { code: '99.01.02.2001', name: 'Ngadirejo' },
        { code: '99.01.02.2002', name: 'Banyuurip' },
      ] },
      { code: '99.01.03', name: 'Lerengsari', desa: [
        { code: '99.01.03.2001', name: 'Wonokerto' },
        { code: '99.01.03.2002', name: 'Gunungsari' },
        { code: '99.01.03.2003', name: 'Sidomakmur' },
      ] },
    ],
  };
}
