// The one join-code normaliser, as the web's code box, the socket join, the HTML route,
// the by-code lookup, the import and the store's index all use it.
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, looksLikeCode, normalizeCode, parseJoinCode } from '../../server/contract/join-code.ts';

describe('join codes', () => {
  it('accepts what a phone keyboard produces', () => {
    for (const typed of ['sd7air', 'SD7 AIR', ' sd7-air ', 'Sd7.Air', 'sd7\tair\n']) expect(normalizeCode(typed)).toBe('SD7AIR');
  });

  it('refuses what cannot be a code', () => {
    expect(looksLikeCode('SD7AIR')).toBe(true);
    expect(looksLikeCode('AB')).toBe(false);
    expect(looksLikeCode('SD7AIR/../x')).toBe(false);
  });

  it('parses only codes the server could have made, or the two sample codes', () => {
    expect(parseJoinCode(' ktg7qx ')).toBe('KTG7QX');
    expect(parseJoinCode('ktg-7qx')).toBe('KTG7QX');
    expect(parseJoinCode('sd7air')).toBe('SD7AIR');
    expect(parseJoinCode('JLN8GW')).toBe('JLN8GW');
    for (const bad of ['SD0AIR', 'SD7AIRX', '"../x"', 'SD7 AI', 'ILOILO', '', 42, null]) expect(parseJoinCode(bad), String(bad)).toBeNull();
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });
});
