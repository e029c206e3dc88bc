import { describe, expect, it } from 'vitest';
import { DEFAULT_ADDRESS_LIMITS, NO_ADDRESS_LIMITS, addressLimitsFromEnv, createAddressLimiter, createLimiter } from '../../server/realtime/rate-limit.ts';

describe('per-address limits', () => {
  it('counts per address in windows aligned on the injected clock', () => {
    let t = 120_000; // a window boundary
    const limit = createAddressLimiter({ asks: { points: 2, seconds: 60 } }, () => t);
    expect(limit('asks', '10.0.0.1')).toBeNull();
    expect(limit('asks', '10.0.0.1')).toBeNull();
    expect(limit('asks', '10.0.0.2')).toBeNull(); // another address has its own count
    t += 15_000;
    const refused = limit('asks', '10.0.0.1');
    expect(refused).toMatchObject({ retryAfter: 45, error: { code: 'address_limited', retryAfter: 45 } });
    expect(refused!.error.message).toMatch(/jaringan Anda.*Coba lagi dalam 45 detik\./);
    t += 45_000;
    expect(limit('asks', '10.0.0.1')).toBeNull();
  });

  it('words long waits in minutes and leaves unnamed limits at their defaults', () => {
    const limit = createAddressLimiter({ asks: null }, () => 0);
    for (let i = 0; i < 1_000; i++) expect(limit('asks', 'a')).toBeNull();
    for (let i = 0; i < DEFAULT_ADDRESS_LIMITS.newTokens!.points; i++) expect(limit('newTokens', 'a')).toBeNull();
    expect(limit('newTokens', 'a')!.error.message).toMatch(/Coba lagi dalam 10 menit\./);
  });

  it('reads the environment, and names a bad value instead of guessing', () => {
    expect(addressLimitsFromEnv({})).toEqual({ ok: true, limits: DEFAULT_ADDRESS_LIMITS });
    expect(addressLimitsFromEnv({ ADDRESS_LIMITS: 'off' })).toEqual({ ok: true, limits: NO_ADDRESS_LIMITS });
    const some = addressLimitsFromEnv({ ADDRESS_LIMIT_ASKS: '10/30', ADDRESS_LIMIT_VOTES: 'off' });
    expect(some.ok && some.limits).toMatchObject({ asks: { points: 10, seconds: 30 }, votes: null, joins: DEFAULT_ADDRESS_LIMITS.joins });
    const off = addressLimitsFromEnv({ ADDRESS_LIMITS: 'off', ADDRESS_LIMIT_ASKS: '5/60' });
    expect(off.ok && off.limits).toMatchObject({ asks: { points: 5, seconds: 60 }, votes: null });
    for (const bad of ['banyak', '0/60', '60/0', '60', '-1/5']) {
      const r = addressLimitsFromEnv({ ADDRESS_LIMIT_ASKS: bad });
      expect(r.ok ? '' : r.error).toMatch(/^ADDRESS_LIMIT_ASKS tidak valid/);
    }
    expect(addressLimitsFromEnv({ ADDRESS_LIMITS: 'mati' }).ok).toBe(false);
  });
});

describe('per-token limits', () => {
  it('answers at once, counts listeners and staff apart, and gives the budget back when the window turns', () => {
    let t = 30_000; // a window boundary for 10 s windows
    const limit = createLimiter({ listener: { points: 2, seconds: 10 }, staff: { points: 3, seconds: 10 } }, () => t);
    expect(limit('a', 'listener')).toBeNull();
    expect(limit('a', 'listener')).toBeNull();
    expect(limit('a', 'staff')).toBeNull(); // staff ids are counted on their own budget
    expect(limit('b', 'listener')).toBeNull();
    t += 2_500;
    const refused = limit('a', 'listener');
    expect(refused).toMatchObject({ code: 'rate_limited' });
    expect(refused!.message).toMatch(/coba lagi dalam 8 detik/);
    t += 7_500;
    expect(limit('a', 'listener')).toBeNull();
  });
});
