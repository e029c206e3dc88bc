// Zones, labels and wall-clock conversion as the server and the web share them.
import { describe, expect, it } from 'vitest';
import { dateInZone, fieldsToInstant, instantToFields, toInstant, zoneLabel } from '../../server/contract/zone.ts';

describe('wall-clock fields ↔ instants in Indonesia’s zones', () => {
  it.each([
    ['Asia/Jakarta', '2019-03-16T12:00:00.000Z'],
    ['Asia/Makassar', '2019-03-16T11:00:00.000Z'],
    ['Asia/Jayapura', '2019-03-16T10:00:00.000Z'],
  ])('19.00 on 16 March 2019 in %s is %s', (zone, iso) => {
    expect(fieldsToInstant('2019-03-16', '19:00', zone)).toBe(iso);
    expect(instantToFields(iso, zone)).toEqual({ date: '2019-03-16', time: '19:00' });
  });

  it('crosses midnight into the previous UTC day', () => {
    expect(fieldsToInstant('2026-01-01', '05:30', 'Asia/Jayapura')).toBe('2025-12-31T20:30:00.000Z');
  });

  it('handles a zone with summer time (the conversion is not a fixed offset)', () => {
    expect(fieldsToInstant('2026-07-01', '12:00', 'Europe/Amsterdam')).toBe('2026-07-01T10:00:00.000Z');
    expect(fieldsToInstant('2026-01-01', '12:00', 'Europe/Amsterdam')).toBe('2026-01-01T11:00:00.000Z');
  });

  it.each([
    ['2026-02-30', '19:00'], ['2026-13-01', '19:00'], ['2026-1-1', '19:00'], ['2026-01-01', '24:00'], ['2026-01-01', '7pm'], ['', ''],
  ])('refuses %j %j', (date, time) => {
    expect(fieldsToInstant(date, time, 'Asia/Jakarta')).toBeNull();
  });

  it('refuses an unknown zone', () => {
    expect(fieldsToInstant('2026-01-01', '19:00', 'Asia/Atlantis')).toBeNull();
  });

  it('names the zones the way Indonesians do', () => {
    expect([zoneLabel('Asia/Jakarta'), zoneLabel('Asia/Makassar'), zoneLabel('Asia/Jayapura'), zoneLabel('Europe/Paris')]).toEqual(['WIB', 'WITA', 'WIT', 'Europe/Paris']);
  });

  it('names another zone by its short name at an instant when one is given (the notula)', () => {
    expect(zoneLabel('Asia/Makassar', '2026-07-01T00:00:00Z')).toBe('WITA');
    expect(zoneLabel('UTC', '2026-07-01T00:00:00Z')).toBe('UTC');
  });

  it('reads the same wall clock the same way through the form fields and through a typed time', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Jayapura', 'Europe/Amsterdam']) {
      expect(fieldsToInstant('2026-03-29', '02:30', zone)).toBe(toInstant('2026-03-29T02:30', zone));
      const iso = toInstant('2026-10-03 19:00', zone)!;
      expect(instantToFields(iso, zone)).toEqual({ date: '2026-10-03', time: '19:00' });
      expect(dateInZone(iso, zone)).toBe('2026-10-03');
    }
  });
});
