import { describe, expect, it } from 'vitest';
import { dateInZone } from '../../../server/contract/zone.ts';
import { formatWaktu } from '../../../server/domain/notula/index.ts';

describe('formatWaktu', () => {
  it('writes an open end as "selesai" in WIB', () => {
    expect(formatWaktu('2019-03-16T12:00:00.000Z', null, 'Asia/Jakarta')).toBe('Sabtu, 16 Maret 2019 (19.00–selesai WIB)');
  });

  it('labels Pontianak as WIB, Makassar as WITA and Jayapura as WIT', () => {
    expect(formatWaktu('2024-08-10T12:30:00.000Z', null, 'Asia/Pontianak')).toBe('Sabtu, 10 Agustus 2024 (19.30–selesai WIB)');
    expect(formatWaktu('2024-08-10T12:30:00.000Z', null, 'Asia/Makassar')).toBe('Sabtu, 10 Agustus 2024 (20.30–selesai WITA)');
    expect(formatWaktu('2024-08-10T12:30:00.000Z', '2024-08-10T14:00:00.000Z', 'Asia/Jayapura'))
      .toBe('Sabtu, 10 Agustus 2024 (21.30–23.00 WIT)');
  });

  it('writes a known end time with an en dash', () => {
    expect(formatWaktu('2019-03-16T12:00:00.000Z', '2019-03-16T14:00:00.000Z', 'Asia/Jakarta')).toBe('Sabtu, 16 Maret 2019 (19.00–21.00 WIB)');
  });

  it('names the end day when the show runs past midnight', () => {
    expect(formatWaktu('2024-01-05T16:00:00.000Z', '2024-01-05T18:30:00.000Z', 'Asia/Jakarta'))
      .toBe('Jumat, 5 Januari 2024 (23.00–Sabtu, 6 Januari 2024 01.30 WIB)');
  });

  it('uses the date in the episode zone, not the server zone, and falls back to Intl for other zones', () => {
    // 20.00 UTC on the 5th is already the 6th in Jakarta.
    expect(dateInZone('2024-01-05T20:00:00.000Z', 'Asia/Jakarta')).toBe('2024-01-06');
    expect(dateInZone('2024-01-05T20:00:00.000Z', 'UTC')).toBe('2024-01-05');
    expect(formatWaktu('2024-01-05T20:00:00.000Z', null, 'UTC')).toBe('Jumat, 5 Januari 2024 (20.00–selesai UTC)');
  });
});
