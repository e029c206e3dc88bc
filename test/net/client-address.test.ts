import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { addressKey, clientAddress } from '../../server/net/client-address.ts';

const req = (remote: string, xff?: string) => ({ socket: { remoteAddress: remote }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('uses the peer and ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress(req('::ffff:203.0.113.9', '1.2.3.4'))).toBe('203.0.113.9');
    expect(clientAddress(req('127.0.0.1', '198.51.100.7'), 1)).toBe('198.51.100.7');
  });

  it('takes the address the outermost trusted proxy saw, never one the client wrote', () => {
    // The client forged "6.6.6.6"; nginx appended the real peer.
    expect(clientAddress(req('127.0.0.1', '6.6.6.6, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientAddress(req('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2'), 2)).toBe('198.51.100.7');
  });

  it('falls back to the peer when the header is missing or not an address', () => {
    expect(clientAddress(req('127.0.0.1'), 1)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', 'garbage'), 1)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', '[2001:db8::1]:443'), 1)).toBe('2001:db8:0:0::/64');
  });

  it('puts every address of one IPv6 /64 under one key', () => {
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe(addressKey('2001:db8:aa:bb::9'));
    expect(addressKey('2001:db8:aa:bb::9')).not.toBe(addressKey('2001:db8:aa:bc::9'));
    expect(addressKey('2001:DB8:00AA:bb::1')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('')).toBe('unknown');
  });
});
