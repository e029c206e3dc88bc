import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

// The browser-facing checks both doors make (HTTP and the socket handshake) live in auth/,
// so the socket handshake never reaches into http/ (test/contract/boundary.test.ts).

export interface OriginPolicy {
  /** ALLOWED_ORIGINS: accepted as well, compared as exact strings. */
  allowedOrigins: string[];
  /** PUBLIC_URL: when set, the one origin the station's pages come from. */
  publicUrl: URL | null;
  /** TRUST_PROXY: with proxies in front, the scheme they were reached by is X-Forwarded-Proto. */
  trustProxy: number;
}

/**
 * Whether a browser request may act here: no Origin (curl, integrations: they cannot carry a
 * victim's cookie cross-site), an origin in ALLOWED_ORIGINS, or exactly the station's own
 * origin — scheme, host and port. That is PUBLIC_URL when set: then a page on another name
 * that resolves to this server (DNS rebinding) does not pass by sending its own Host. Without
 * PUBLIC_URL it is the request's own scheme and Host. The Origin must be in the form a
 * browser sends it (lower case, no user@, no path), so a look-alike never passes.
 */
export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  return origin === undefined || originMatches(origin, req, policy);
}

/**
 * For a form post, which older browsers send without Origin: then the Referer's origin must
 * pass the same test (a page on another site that sends one is refused). Neither header, as
 * from curl: allowed, as by originAllowed; the listener page's forms carry a token as well.
 */
export function formSourceAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  if (req.headers.origin !== undefined) return originAllowed(req, policy);
  const referer = req.headers.referer;
  if (!referer) return true;
  let origin: string;
  try {
    origin = new URL(referer).origin;
  } catch {
    return false;
  }
  return originMatches(origin, req, policy);
}

function originMatches(origin: string, req: IncomingMessage, policy: OriginPolicy): boolean {
  if (policy.allowedOrigins.includes(origin)) return true;
  if (policy.publicUrl) return origin === policy.publicUrl.origin;
  const own = ownOrigin(req, policy.trustProxy);
  return own !== null && origin === own;
}

/** "http://host:port" of the request as its browser addressed it, or null when Host is unusable. */
function ownOrigin(req: IncomingMessage, trustProxy: number): string | null {
  const host = req.headers.host;
  if (!host) return null;
  let scheme = (req.socket as TLSSocket | undefined)?.encrypted ? 'https' : 'http';
  if (trustProxy > 0) {
    // The nearest proxy's word for the scheme the client used (nginx, Caddy set it).
    const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).at(-1);
    if (forwarded === 'https' || forwarded === 'http') scheme = forwarded;
  }
  // Host must be only host[:port]: "a@b" or "b/c" would parse into another origin.
  if (/[@/\\?#\s]/.test(host)) return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}
