// The planner's desk: the filters on screen, in the address bar and in the export links
// are one query, so a downloaded file holds exactly the rows shown.
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, exportUrl, fromQuery, toQuery } from '../../web/src/routes/planner/filters.ts';
import { deskQuery } from '../../server/http/planning-schemas.ts';
import * as v from 'valibot';

describe('desk filters', () => {
  it('leaves out what is not filtered, so the server applies its defaults', () => {
    expect(toQuery(NO_FILTERS).toString()).toBe('');
  });

  it('round-trips through the address bar', () => {
    const f = { q: 'jalan berlubang', dimension: 'living', kecamatan: '99.01.01', desa: '99.01.01.2002', status: 'all', episode: 'e1', from: '2026-11-01', to: '2026-11-30', minSupport: '3', sort: 'newest' as const };
    expect(fromQuery(toQuery(f))).toEqual(f);
    expect(fromQuery(toQuery({ ...NO_FILTERS, status: 'ditolak' })).status).toBe('ditolak');
  });

  it('drops values the server would refuse', () => {
    expect(fromQuery(new URLSearchParams('sort=loudest&status=lost&from=kemarin&minSupport=-2'))).toEqual(NO_FILTERS);
    expect(toQuery({ ...NO_FILTERS, minSupport: 'lima' }).toString()).toBe('');
    expect(toQuery({ ...NO_FILTERS, minSupport: '0' }).toString()).toBe('');
    expect(toQuery({ ...NO_FILTERS, minSupport: ' 05 ' }).toString()).toBe('minSupport=5');
  });

  it('builds queries the server\'s schema accepts', () => {
    const f = { ...NO_FILTERS, q: 'x'.repeat(300), status: 'all', from: '2026-11-01', minSupport: '2', sort: 'oldest' as const };
    const raw: Record<string, unknown> = {};
    for (const [k, val] of new URL(exportUrl(f, 'csv-semicolon', true), 'http://x').searchParams) {
      raw[k] = ['status', 'dimension', 'kecamatan', 'desa', 'episode'].includes(k) ? val.split(',') : val;
    }
    expect(v.safeParse(deskQuery, raw).success).toBe(true);
    expect(raw).toMatchObject({ personal: '1', delimiter: 'semicolon', minSupport: '2' });
  });

  it('exports the same filters as the list, to each format', () => {
    const f = { ...NO_FILTERS, dimension: 'living' };
    expect(exportUrl(f, 'csv', false)).toBe('/api/aspirations/export.csv?dimension=living&personal=0');
    expect(exportUrl(f, 'md', false)).toBe('/api/aspirations/export.md?dimension=living&personal=0');
    expect(exportUrl(f, 'json', true)).toBe('/api/aspirations/export.json?dimension=living&personal=1');
    expect(exportUrl({ ...f, minSupport: '4' }, 'csv', false)).toBe('/api/aspirations/export.csv?dimension=living&minSupport=4&personal=0');
  });
});
