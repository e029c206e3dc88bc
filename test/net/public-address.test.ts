// The join address picker over injected interface lists: no real interface is read or contacted.
import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackHost } from '../../server/contract/public-address.ts';
import { parsePublicUrl, pickLanAddress, resolvePublicAddress } from '../../server/net/public-address.ts';
import type { Interfaces } from '../../server/net/public-address.ts';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal, cidr: `${address}/24` };
}
function v6(address: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:00:00:00:00:00', internal, cidr: `${address}/64`, scopeid: 0 };
}
const lo = { lo: [v4('127.0.0.1', true), v6('::1', true)] };

describe('pickLanAddress', () => {
  it('takes the private IPv4 address of the studio PC, with the port', () => {
    const ifs: Interfaces = { ...lo, wlp2s0: [v6('fe80::1'), v4('192.168.1.23')] };
    expect(pickLanAddress(ifs, 3000)).toEqual({ url: 'http://192.168.1.23:3000', source: 'lan', loopback: false });
    expect(pickLanAddress(ifs, 80).url).toBe('http://192.168.1.23');
  });

  it('prefers a physical interface over a container bridge, and 192.168 over 10 over 172.16', () => {
    const ifs: Interfaces = { ...lo, docker0: [v4('172.17.0.1')], virbr0: [v4('192.168.122.1')], eth0: [v4('10.0.5.7')], wlan0: [v4('172.20.1.9')] };
    expect(pickLanAddress(ifs, 3000).url).toBe('http://10.0.5.7:3000');
    expect(pickLanAddress({ ...ifs, wlan1: [v4('192.168.0.4')] }, 3000).url).toBe('http://192.168.0.4:3000');
    expect(pickLanAddress({ ...lo, docker0: [v4('172.17.0.1')] }, 3000).url).toBe('http://172.17.0.1:3000');
  });

  it('is deterministic whatever order the interfaces come in', () => {
    const a: Interfaces = { eth1: [v4('192.168.5.2')], eth0: [v4('192.168.5.9')], ...lo };
    const b: Interfaces = { ...lo, eth0: [v4('192.168.5.9')], eth1: [v4('192.168.5.2')] };
    expect(pickLanAddress(a, 3000).url).toBe('http://192.168.5.9:3000');
    expect(pickLanAddress(b, 3000).url).toBe('http://192.168.5.9:3000');
    expect(pickLanAddress({ eth0: [v4('10.0.0.9'), v4('10.0.0.10')] }, 1).url).toBe('http://10.0.0.10:1');
  });

  it('falls back to a public IPv4 address (a VPS), then link-local, then loopback', () => {
    expect(pickLanAddress({ ...lo, ens3: [v4('203.0.113.5')], eth9: [v4('169.254.3.3')] }, 3000).url).toBe('http://203.0.113.5:3000');
    expect(pickLanAddress({ ...lo, eth9: [v4('169.254.3.3')] }, 3000).url).toBe('http://169.254.3.3:3000');
    expect(pickLanAddress(lo, 3000)).toEqual({ url: 'http://127.0.0.1:3000', source: 'loopback', loopback: true });
    expect(pickLanAddress({}, 3000).source).toBe('loopback');
    // Only IPv6 outside: phones on a LAN are reached over IPv4, so this is still loopback.
    expect(pickLanAddress({ ...lo, eth0: [v6('2001:db8::5')] }, 3000).source).toBe('loopback');
  });

  it('uses the one address a server bound to a specific host answers on', () => {
    const ifs: Interfaces = { ...lo, eth0: [v4('192.168.1.23')] };
    expect(pickLanAddress(ifs, 3000, '127.0.0.1')).toEqual({ url: 'http://127.0.0.1:3000', source: 'loopback', loopback: true });
    expect(pickLanAddress(ifs, 3000, 'localhost').source).toBe('loopback');
    expect(pickLanAddress(ifs, 3000, '10.1.2.3')).toEqual({ url: 'http://10.1.2.3:3000', source: 'lan', loopback: false });
    expect(pickLanAddress(ifs, 3000, '::').url).toBe('http://192.168.1.23:3000');
    expect(pickLanAddress(ifs, 3000, '::1')).toEqual({ url: 'http://[::1]:3000', source: 'loopback', loopback: true });
  });
});

describe('resolvePublicAddress', () => {
  const ifs: Interfaces = { ...lo, eth0: [v4('192.168.1.23')] };
  it('takes PUBLIC_URL over any interface, and flags one that is loopback itself', () => {
    expect(resolvePublicAddress({ configured: 'https://radio.example.id', interfaces: ifs, port: 3000 })).toEqual({ url: 'https://radio.example.id', source: 'configured', loopback: false });
    expect(resolvePublicAddress({ configured: 'http://localhost:3000', interfaces: ifs, port: 3000 })).toEqual({ url: 'http://localhost:3000', source: 'configured', loopback: true });
    expect(resolvePublicAddress({ configured: null, interfaces: ifs, port: 8080 }).url).toBe('http://192.168.1.23:8080');
  });
});

describe('parsePublicUrl', () => {
  it('keeps the origin of an http(s) address', () => {
    expect(parsePublicUrl('https://radio.example.id')).toEqual({ ok: true, url: 'https://radio.example.id' });
    expect(parsePublicUrl(' https://Radio.Example.id:8443/ ')).toEqual({ ok: true, url: 'https://radio.example.id:8443' });
    expect(parsePublicUrl('http://192.168.1.5:3000')).toEqual({ ok: true, url: 'http://192.168.1.5:3000' });
  });
  it('refuses a path prefix, credentials, other schemes and non-addresses', () => {
    for (const bad of ['https://radio.example.id/kentongan', 'https://a.id/?x=1', 'https://a.id/#x', 'https://u:p@a.id', 'ftp://a.id', 'radio.example.id', '']) {
      expect(parsePublicUrl(bad).ok, bad).toBe(false);
    }
  });
});

describe('isLoopbackHost', () => {
  it('knows the names a phone cannot open', () => {
    for (const h of ['localhost', 'LOCALHOST', 'studio.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '0.0.0.0']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['radio.example.id', '192.168.1.2', '10.0.0.1', 'localhost.example.id', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });
});
