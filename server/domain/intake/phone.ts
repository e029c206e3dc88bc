// A sender's number as the screener may see it: enough to recognise a regular caller, not to
// call them. 081234565432 → "0812-••••-5432".
import { normalizePhone } from '../aspiration.ts';

export function maskPhone(raw: string): string {
  const n = normalizePhone(raw);
  if (!n) return '••••';
  return `${n.slice(0, 4)}-••••-${n.slice(-4)}`;
}

export { normalizePhone };
