// A texting listener's identity is their number, kept only as a keyed hash: the same number is
// the same listener (one vote, one poll answer) in every episode, and the data folder alone
// does not give the number back. The key is the listener secret, so a copied folder without
// it cannot be matched against a phone book either.
import { createHmac } from 'node:crypto';
import { normalizePhone } from '../domain/intake/phone.ts';

/** "tel-" and 20 characters of the MAC: an id (contract/ids.ts), never a listener token's 16. */
export function phoneListenerId(secret: string, rawPhone: string): string | null {
  const phone = normalizePhone(rawPhone);
  if (!phone) return null;
  return `tel-${createHmac('sha256', secret).update(`phone:${phone}`).digest('base64url').slice(0, 20)}`;
}
