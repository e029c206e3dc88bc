import { createHmac, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Listener tokens are "<id>.<mac>": the server issues them and can tell its own from
// forgeries without storing every token. The id is what votes and questions record.

export function issueListenerToken(secret: string): { token: string; listenerId: string } {
  const listenerId = randomBytes(12).toString('base64url');
  return { token: `${listenerId}.${mac(secret, listenerId)}`, listenerId };
}

export function verifyListenerToken(secret: string, token: unknown): string | null {
  // The whole string, exactly: "<token>.anything" or a trailing space must not pass as the
  // same listener (split('.') alone ignored the rest).
  if (typeof token !== 'string') return null;
  const m = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const [, id, sig] = m as unknown as [string, string, string];
  const expected = Buffer.from(mac(secret, id));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/**
 * What the forms of the page without JavaScript carry besides the cookie: another site cannot
 * read it, so an old browser that sends neither Origin nor SameSite cookies still cannot be
 * made to post as its listener. Derived, not stored: the same listener always gets the same one.
 */
export function listenerFormToken(secret: string, listenerId: string): string {
  return createHmac('sha256', secret).update(`form:${listenerId}`).digest('base64url').slice(0, 22);
}

export function formTokenMatches(secret: string, listenerId: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(listenerFormToken(secret, listenerId));
  const g = Buffer.from(given);
  return expected.length === g.length && timingSafeEqual(expected, g);
}

function mac(secret: string, id: string): string {
  return createHmac('sha256', secret).update(`listener:${id}`).digest('base64url').slice(0, 22);
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
