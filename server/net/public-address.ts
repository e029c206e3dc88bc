// The station's public address: where listeners' phones open the join link and the QR.
// PUBLIC_URL when the station set one; otherwise an address of this machine on its
// network, picked from os.networkInterfaces() so a studio on a LAN works without
// settings; loopback only when nothing else is there (then phones cannot open it, and
// the host console says so). Pure: the interface list and the port come in as values.
import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackHost } from '../contract/public-address.ts';
import type { PublicAddress } from '../contract/public-address.ts';

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * PUBLIC_URL as given by the operator: an http(s) origin. A path ("https://x.id/radio")
 * is refused rather than cut off: the web app, its API and its socket live at the root,
 * so a join link under a path prefix would lead nowhere.
 */
export function parsePublicUrl(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'bukan alamat lengkap' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: 'harus diawali http:// atau https://' };
  if (u.username || u.password) return { ok: false, reason: 'harus tanpa nama pengguna atau kata sandi' };
  if (u.pathname !== '/' || u.search || u.hash) return { ok: false, reason: 'harus tanpa path, ? atau #, karena Kentongan dilayani dari akar alamat, bukan dari /subfolder' };
  return { ok: true, url: u.origin };
}

function privateRank(address: string): number {
  const [a, b] = address.split('.').map(Number) as [number, number];
  if (a === 192 && b === 168) return 0;
  if (a === 10) return 1;
  if (a === 172 && b >= 16 && b <= 31) return 2;
  if (a === 169 && b === 254) return 4; // link-local: only when nothing better
  return 3; // a public address of its own (a VPS without PUBLIC_URL)
}

/** Bridges of containers and virtual machines: reachable from this machine only. */
const VIRTUAL = /^(docker|br-|veth|virbr|vboxnet|vmnet|lxc|lxd|cni|flannel|podman|tap|tun|zt|utun)/i;

function origin(host: string, port: number): string {
  return port === 80 ? `http://${host}` : `http://${host}:${port}`;
}

/**
 * The address to print on air when PUBLIC_URL is not set. `host` is what the server listens
 * on: a specific address is the only one it answers on; the wildcard ("0.0.0.0", "::",
 * empty) lets us choose. The choice is deterministic: a physical interface before a
 * container bridge, 192.168/16 before 10/8 before 172.16/12 before any other, then by
 * interface name and address, so a restart prints the same link.
 */
export function pickLanAddress(interfaces: Interfaces, port: number, host = '0.0.0.0'): PublicAddress {
  const wildcard = host === '' || host === '0.0.0.0' || host === '::';
  if (!wildcard) {
    const loopback = isLoopbackHost(host);
    return { url: origin(host.includes(':') ? `[${host}]` : host, port), source: loopback ? 'loopback' : 'lan', loopback };
  }
  const candidates: Array<{ name: string; address: string }> = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal || info.family !== 'IPv4' || isLoopbackHost(info.address)) continue;
      candidates.push({ name, address: info.address });
    }
  }
  const key = (c: { name: string; address: string }) => [VIRTUAL.test(c.name) ? 1 : 0, privateRank(c.address)] as const;
  candidates.sort((x, y) => {
    const [kx, ky] = [key(x), key(y)];
    return kx[0] - ky[0] || kx[1] - ky[1] || x.name.localeCompare(y.name) || x.address.localeCompare(y.address);
  });
  const best = candidates[0];
  if (!best) return { url: origin('127.0.0.1', port), source: 'loopback', loopback: true };
  return { url: origin(best.address, port), source: 'lan', loopback: false };
}

/** PUBLIC_URL when set (already checked by parsePublicUrl), else the picked LAN address. */
export function resolvePublicAddress(opts: { configured: string | null; interfaces: Interfaces; port: number; host?: string }): PublicAddress {
  if (opts.configured) {
    const url = new URL(opts.configured).origin;
    return { url, source: 'configured', loopback: isLoopbackHost(new URL(url).hostname) };
  }
  return pickLanAddress(opts.interfaces, opts.port, opts.host);
}
