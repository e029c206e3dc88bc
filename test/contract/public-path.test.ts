import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, episodeSlug, publicPath, slugify } from '../../server/contract/public-path.ts';

const show = { id: 'AbCdEfGh1234', series: 'OBROLAN PAGI – Warga Bertanya, Pemerintah Menjawab', number: 12, title: 'Sampah pasar & bank sampah desa' };

describe('public paths', () => {
  it('makes readable ASCII slugs from Indonesian titles', () => {
    expect(slugify('DISKO (Diskusi Kota) Eps. 2: Smart City — Sleman?')).toBe('disko-diskusi-kota-eps-2-smart-city-sleman');
    expect(slugify('Café ñandú')).toBe('cafe-nandu');
    expect(slugify('!!!')).toBe('episode');
    expect(slugify('kata '.repeat(30)).length).toBeLessThanOrEqual(60);
    expect(SLUG_PATTERN.test(slugify('kata '.repeat(30)))).toBe(true);
  });

  it('gives an episode /arsip/<series>/<number-title>', () => {
    expect(publicPath(show)).toBe('/arsip/obrolan-pagi-warga-bertanya-pemerintah-menjawab/12-sampah-pasar-dan-bank-sampah-desa');
  });

  it('tells twins apart without moving the first one', () => {
    const twin = { ...show, id: 'ZyXwVuTs9876' };
    expect(episodeSlug(show, [show, twin])).toBe('12-sampah-pasar-dan-bank-sampah-desa');
    expect(episodeSlug(twin, [show, twin])).toBe('12-sampah-pasar-dan-bank-sampah-desa-zyxwvuts');
    // nanoid ids carry "_" and "-": the suffix is still a slug.
    const odd = { ...show, id: 'a_B-c_D-e9' };
    expect(SLUG_PATTERN.test(episodeSlug(odd, [show, odd]))).toBe(true);
  });
});
