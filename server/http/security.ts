import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'kentongan_session';

/**
 * Same-origin (Origin's host equals the Host header) or listed in allowedOrigins.
 * Requests without Origin come from non-browser clients (integrations, tests) and
 * cannot carry a victim's cookie cross-site, so they pass.
 */
export function originAllowed(req: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
