import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, as the key for per-address limits.
 *
 * `trustProxy` is how many reverse proxies (nginx, Caddy) stand in front of the server:
 * 0 (the default) uses the socket's own peer; N takes the N-th address from the right of
 * X-Forwarded-For, which those proxies append to. An address further left was written by
 * the client and is never trusted. An IPv6 address is cut to its /64: a phone gets a whole
 * /64 from its carrier and can pick a new address in it at will.
 */
export function clientAddress(req: IncomingMessage, trustProxy = 0): string {
  let addr = req.socket?.remoteAddress ?? '';
  if (trustProxy > 0) {
    const raw = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(raw) ? raw.join(',') : raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    // hops[-1] was added by the nearest proxy, hops[-trustProxy] by the outermost one we run.
    const picked = hops[hops.length - trustProxy];
    if (picked && isIP(stripPort(picked))) addr = stripPort(picked);
  }
  return addressKey(addr);
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; IPv6 → its /64 prefix; anything else unchanged. */
export function addressKey(addr: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  if (v4) return v4[1]!;
  if (isIP(addr) !== 6) return addr || 'unknown';
  return `${expand(addr).slice(0, 4).join(':')}::/64`;
}

function stripPort(s: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) return bracketed[1]!;
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(s);
  return v4port ? v4port[1]! : s;
}

/** Eight groups of a valid IPv6 address, without the zone. */
function expand(addr: string): string[] {
  const [head = '', tail = ''] = addr.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = addr.includes('::') ? (tail ? tail.split(':') : []) : [];
  const fill = Array(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...fill, ...right].map((g) => (g.includes('.') ? g : g.toLowerCase().replace(/^0+(?=.)/, '')));
}
