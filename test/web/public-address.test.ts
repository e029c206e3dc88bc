// Which base the join link uses, from the server's answer and the browser's own origin.
import { describe, expect, it } from 'vitest';
import { joinBase, joinUrl, shortJoinUrl } from '../../web/src/lib/public-address.ts';

describe('joinBase', () => {
  it("takes the server's address over the browser's own origin", () => {
    expect(joinBase({ url: 'https://radio.example.id', source: 'configured', loopback: false }, 'http://127.0.0.1:3000')).toEqual({ url: 'https://radio.example.id', loopback: false });
    expect(joinBase({ url: 'http://192.168.1.23:3000', source: 'lan', loopback: false }, 'http://localhost:3000')).toEqual({ url: 'http://192.168.1.23:3000', loopback: false });
  });
  it('warns when both the server and the browser only know loopback', () => {
    expect(joinBase({ url: 'http://127.0.0.1:3000', source: 'loopback', loopback: true }, 'http://localhost:3000')).toEqual({ url: 'http://127.0.0.1:3000', loopback: true });
    // PUBLIC_URL=http://localhost is the operator's word: shown, and warned about.
    expect(joinBase({ url: 'http://localhost:3000', source: 'configured', loopback: true }, 'https://radio.example.id')).toEqual({ url: 'http://localhost:3000', loopback: true });
  });
  it('behind a proxy without PUBLIC_URL, uses the name the browser reached the server by', () => {
    expect(joinBase({ url: 'http://127.0.0.1:3000', source: 'loopback', loopback: true }, 'https://radio.example.id')).toEqual({ url: 'https://radio.example.id', loopback: false });
  });
  it("falls back to the browser's origin when the server did not answer", () => {
    expect(joinBase(null, 'http://192.168.1.5:3000')).toEqual({ url: 'http://192.168.1.5:3000', loopback: false });
    expect(joinBase(null, 'http://localhost:3000')).toEqual({ url: 'http://localhost:3000', loopback: true });
  });
});

describe('joinUrl / shortJoinUrl', () => {
  it('builds BASE/j/CODE and its short form for print', () => {
    const url = joinUrl({ url: 'https://radio.example.id', loopback: false }, 'SD7AIR');
    expect(url).toBe('https://radio.example.id/j/SD7AIR');
    expect(shortJoinUrl(url)).toBe('radio.example.id/j/SD7AIR');
  });
});
