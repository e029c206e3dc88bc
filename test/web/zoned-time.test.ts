import { describe, expect, it } from 'vitest';
import { formatElapsed, fromInstant, toInstant, zoneLabel } from '../../web/src/lib/zoned-time.ts';

describe('wall-clock fields ↔ instants in Indonesia’s zones', () => {
  it.each([
    ['Asia/Jakarta', '2019-03-16T12:00:00.000Z'],
    ['Asia/Makassar', '2019-03-16T11:00:00.000Z'],
    ['Asia/Jayapura', '2019-03-16T10:00:00.000Z'],
  ])('19.00 on 16 March 2019 in %s is %s', (zone, iso) => {
    expect(toInstant('2019-03-16', '19:00', zone)).toBe(iso);
    expect(fromInstant(iso, zone)).toEqual({ date: '2019-03-16', time: '19:00' });
  });

  it('crosses midnight into the previous UTC day', () => {
    expect(toInstant('2026-01-01', '05:30', 'Asia/Jayapura')).toBe('2025-12-31T20:30:00.000Z');
  });

  it('handles a zone with summer time (the conversion is not a fixed offset)', () => {
    expect(toInstant('2026-07-01', '12:00', 'Europe/Amsterdam')).toBe('2026-07-01T10:00:00.000Z');
    expect(toInstant('2026-01-01', '12:00', 'Europe/Amsterdam')).toBe('2026-01-01T11:00:00.000Z');
  });

  it.each([
    ['2026-02-30', '19:00'], ['2026-13-01', '19:00'], ['2026-1-1', '19:00'], ['2026-01-01', '24:00'], ['2026-01-01', '7pm'], ['', ''],
  ])('refuses %j %j', (date, time) => {
    expect(toInstant(date, time, 'Asia/Jakarta')).toBeNull();
  });

  it('refuses an unknown zone', () => {
    expect(toInstant('2026-01-01', '19:00', 'Asia/Atlantis')).toBeNull();
  });

  it('names the zones the way Indonesians do', () => {
    expect([zoneLabel('Asia/Jakarta'), zoneLabel('Asia/Makassar'), zoneLabel('Asia/Jayapura'), zoneLabel('Europe/Paris')]).toEqual(['WIB', 'WITA', 'WIT', 'Europe/Paris']);
  });
});

describe('formatElapsed', () => {
  it.each([[0, '0:00'], [9_000, '0:09'], [65_000, '1:05'], [3_725_000, '1:02:05'], [-5, '0:00']])('%i ms → %s', (ms, s) => {
    expect(formatElapsed(ms)).toBe(s);
  });
});
