// lines(): a form's single-line fields checked in the order given, the first refusal answered.
import { describe, expect, it } from 'vitest';
import { lines } from '../../server/contract/lines.ts';

describe('lines()', () => {
  it('normalises every field and turns an empty optional one into null', () => {
    const r = lines({ title: ['  Sampah\n pasar ', 20, 'Judul'], place: ['   ', 20, 'Tempat', 'optional'], partners: [undefined, 20, 'Mitra', 'optional'] });
    expect(r).toEqual({ ok: true, values: { title: 'Sampah pasar', place: null, partners: null } });
  });

  it('answers with the first field that is refused, naming it', () => {
    const r = lines({ title: ['', 20, 'Judul'], place: ['x'.repeat(21), 20, 'Tempat', 'optional'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'text_empty' } });
    expect(!r.ok && r.error.message).toContain('Judul');
    const long = lines({ title: ['Judul', 20, 'Judul'], place: ['x'.repeat(21), 20, 'Tempat', 'optional'] });
    expect(long).toMatchObject({ ok: false, error: { code: 'text_too_long' } });
    expect(!long.ok && long.error.message).toContain('Tempat paling banyak 20 karakter.');
  });
});
