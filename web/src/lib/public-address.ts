// Which address the join link and QR show, from what the server reports (GET /api/address)
// and where this browser itself reached the server. Pure, so it is unit-tested.
import type { PublicAddress } from '$contract/public-address.ts';
import { isLoopbackHost } from '$contract/public-address.ts';

export type { PublicAddress };

export interface JoinBase {
  /** Origin the join link starts with, no trailing slash. */
  url: string;
  /** Phones cannot open it: the host console and studio screen say so. */
  loopback: boolean;
}

/**
 * The server's answer wins (PUBLIC_URL, or the LAN address it picked). One exception: a
 * server that only found loopback while this browser reached it by another name is behind
 * a reverse proxy without PUBLIC_URL; the name the browser used does reach it. With no
 * answer at all (offline), the browser's own origin is the best guess.
 */
export function joinBase(server: PublicAddress | null, locationOrigin: string): JoinBase {
  const here = new URL(locationOrigin);
  const hereLoopback = isLoopbackHost(here.hostname);
  if (!server) return { url: here.origin, loopback: hereLoopback };
  if (server.source !== 'configured' && server.loopback && !hereLoopback) return { url: here.origin, loopback: false };
  return { url: server.url, loopback: server.loopback };
}

/** The join link read on air and drawn as the QR: BASE/j/CODE. */
export function joinUrl(base: JoinBase, code: string): string {
  return `${base.url}/j/${encodeURIComponent(code)}`;
}

/** "radio.example.id/j/SD7AIR": what is printed under the QR and in the lower third. */
export function shortJoinUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
