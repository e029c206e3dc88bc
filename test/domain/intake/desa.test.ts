import { describe, expect, it } from 'vitest';
import { matchDesa, placeKey } from '../../../server/domain/intake/desa.ts';
import type { District } from '../../../server/contract/types.ts';

const district: District = {
  name: 'Kabupaten Uji', code: '98.03', timeZone: 'Asia/Jakarta', dimensions: [],
  kecamatan: [
    { code: '98.03.01', name: 'Kalikajar', desa: [{ code: '98.03.01.2001', name: 'Sukamaju' }, { code: '98.03.01.2002', name: 'Tegal Sari' }] },
    { code: '98.03.02', name: 'Kertek', desa: [{ code: '98.03.02.2001', name: 'Sukamaju' }, { code: '98.03.02.1001', name: 'Kertek' }] },
  ],
};

describe('matching the desa a listener texted', () => {
  it('finds a unique desa however it is spelt on a keypad', () => {
    for (const written of ['Tegal Sari', 'tegalsari', 'DESA TEGALSARI', 'Ds. Tegal-Sari']) {
      expect(matchDesa(district, written)).toMatchObject({ kind: 'one', desa: { code: '98.03.01.2002' } });
    }
  });

  it('asks which when two kecamatan have a desa of that name, and takes the kecamatan after a comma', () => {
    expect(matchDesa(district, 'Sukamaju')).toEqual({ kind: 'ambiguous', name: 'Sukamaju', kecamatan: ['Kalikajar', 'Kertek'] });
    expect(matchDesa(district, 'Sukamaju, Kertek')).toMatchObject({ kind: 'one', desa: { code: '98.03.02.2001' } });
    expect(matchDesa(district, 'sukamaju kec kalikajar')).toMatchObject({ kind: 'one', desa: { code: '98.03.01.2001' } });
    expect(matchDesa(district, 'Sukamaju/Kec. Kertek')).toMatchObject({ kind: 'one', kecamatan: { name: 'Kertek' } });
    expect(matchDesa(district, 'Sukamaju, Wonosobo')).toMatchObject({ kind: 'ambiguous' });
  });

  it('says none rather than guessing a near name', () => {
    expect(matchDesa(district, 'Sukamaj')).toEqual({ kind: 'none', name: 'Sukamaj' });
    expect(matchDesa(district, '!!!')).toEqual({ kind: 'none', name: '!!!' });
  });

  it('keys places without accents, case, prefixes or punctuation', () => {
    expect(placeKey('Kelurahan Kauman')).toBe('kauman');
    expect(placeKey('Désa  Sumber-Rejo')).toBe('sumberrejo');
  });
});
