// Fixtures for the polls, aspirations and district rules. The district is invented
// (province 98 does not exist); every name is our own.
import { NATIONAL_DIMENSIONS } from '../../server/contract/dimensions.ts';
import type { AspirationInput } from '../../server/domain/aspiration.ts';
import type { District } from '../../server/contract/types.ts';

export const KEC_A = '98.02.01'; // Sukamaju
export const KEC_B = '98.02.02'; // Karangsari
export const DESA_A1 = '98.02.01.2001'; // Sukamaju: Mekarjaya
export const DESA_A2 = '98.02.01.1001'; // Sukamaju: Kelurahan Pasirlaya
export const DESA_B1 = '98.02.02.2001'; // Karangsari: Cibening

/** Payloads that a spreadsheet would run as formulas if they reached a cell unescaped. */
export const FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '=1+1;2', '\uFF1D1+1'];

export function testDistrict(): District {
  return {
    name: 'Kabupaten Lembah Hijau',
    code: '98.02',
    timeZone: 'Asia/Jakarta',
    dimensions: NATIONAL_DIMENSIONS.map((d) => ({ ...d })),
    kecamatan: [
      { code: KEC_A, name: 'Sukamaju', desa: [{ code: DESA_A2, name: 'Pasirlaya' }, { code: DESA_A1, name: 'Mekarjaya' }] },
      { code: KEC_B, name: 'Karangsari', desa: [{ code: DESA_B1, name: 'Cibening' }, { code: '98.02.02.2002', name: 'Kadumanis' }] },
    ],
  };
}

export function usulan(overrides: Partial<AspirationInput> = {}): AspirationInput {
  return {
    text: 'Perbaikan jembatan gantung ke sekolah',
    problem: 'Anak-anak menyeberang sungai saat banjir karena jembatan putus.',
    dimension: 'living',
    kecamatan: KEC_A,
    desa: DESA_A1,
    ...overrides,
  };
}

export { expectRefused as expectRefusedState } from './fixtures.ts';
