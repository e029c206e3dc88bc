import { describe, expect, it } from 'vitest';
import { ConnectionCounter, connectionCap, openFilesLimit } from '../../server/net/connections.ts';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max processes             63431                63431                processes
Max open files            1024                 524288               files
`;

describe('open-files limit and the connection cap', () => {
  it('reads /proc/self/limits, and nothing where there is none', () => {
    expect(openFilesLimit(() => LIMITS)).toEqual({ soft: 1024, hard: 524288 });
    expect(openFilesLimit(() => LIMITS.replace('1024                 524288', 'unlimited            unlimited'))).toEqual({ soft: Infinity, hard: Infinity });
    expect(openFilesLimit(() => { throw new Error('ENOENT'); })).toBeNull();
  });

  it('keeps a fifth of the descriptors, at least 64, for the data', () => {
    expect(connectionCap({ soft: 1024, hard: 1024 })).toBe(819);
    expect(connectionCap({ soft: 256, hard: 256 })).toBe(192);
    expect(connectionCap({ soft: 50, hard: 50 })).toBe(1);
    expect(connectionCap(null)).toBeNull();
    expect(connectionCap({ soft: Infinity, hard: Infinity })).toBeNull();
  });
});

describe('ConnectionCounter', () => {
  it('refuses above the per-address cap and above the total, and frees a slot on close', () => {
    const c = new ConnectionCounter(2, 3);
    expect([c.open('a'), c.open('a'), c.open('a')]).toEqual(['ok', 'ok', 'address']);
    expect([c.open('b'), c.open('b')]).toEqual(['ok', 'total']);
    expect(c.open(null)).toBe('total');
    c.close('a');
    expect(c.open('a')).toBe('ok');
    expect(c.count).toBe(3);
  });

  it('counts only the total for connections without an address (behind a proxy)', () => {
    const c = new ConnectionCounter(1, null);
    expect([c.open(null), c.open(null), c.open(null)]).toEqual(['ok', 'ok', 'ok']);
  });
});
