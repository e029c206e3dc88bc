// Who may post into the show. Each gateway signs its webhook with a secret the station set:
// the signature is checked on the raw bytes, before any JSON is read, in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Verdict = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

/** How far a gateway's clock may be from ours. */
export const MAX_SKEW_SECONDS = 5 * 60;

function sameHex(expected: Buffer, given: string): boolean {
  if (!/^[0-9a-f]+$/i.test(given) || given.length !== expected.length * 2) return false;
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/**
 * SMS Gateway for Android: `X-Signature` is the hex HMAC-SHA256 of the raw body followed by
 * `X-Timestamp` (Unix seconds), keyed with the webhook's signing key.
 */
export function verifySmsGateway(secret: string, rawBody: Buffer, signature: string | undefined, timestamp: string | undefined, nowMs: number): Verdict {
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const mac = createHmac('sha256', secret).update(rawBody).update(timestamp).digest();
  if (!sameHex(mac, signature.trim())) return { ok: false, reason: 'mismatch' };
  // Checked after the signature, so a stale verdict is only ever given to the real gateway.
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true };
}

/** WhatsApp Cloud API: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>`. */
export function verifyWhatsApp(appSecret: string, rawBody: Buffer, header: string | undefined): Verdict {
  if (!header) return { ok: false, reason: 'missing' };
  const m = /^sha256=([0-9a-f]+)$/i.exec(header.trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const mac = createHmac('sha256', appSecret).update(rawBody).digest();
  return sameHex(mac, m[1]!) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** The modem script's `Authorization: Bearer <secret>`, compared in constant time. */
export function verifyBearer(secret: string, header: string | undefined): Verdict {
  if (!header) return { ok: false, reason: 'missing' };
  const m = /^Bearer (.+)$/.exec(header.trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const a = createHmac('sha256', 'kentongan-bearer').update(secret).digest();
  const b = createHmac('sha256', 'kentongan-bearer').update(m[1]!).digest();
  return timingSafeEqual(a, b) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
