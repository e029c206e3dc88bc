// An invented district for the sample: names and codes are our own. Province 99 does
// not exist (Kemendagri numbers 11 to 96), so no code can be mistaken for a real one, and
// the name says it is an example. It steps aside when the admin picks the real kabupaten
// (domain/district.ts isSampleRegion), and "Hapus contoh" removes it (domain/sample.ts).
import { NATIONAL_DIMENSIONS } from '../contract/dimensions.ts';
import { SAMPLE_PROVINCE } from '../domain/district.ts';
import type { District } from '../contract/types.ts';

export function sampleDistrict(): District {
  return {
    name: 'Kabupaten Giriwangi (contoh)',
    code: `${SAMPLE_PROVINCE}.01`,
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
