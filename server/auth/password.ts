import { scrypt, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HashQueue } from './hash-queue.ts';

// scrypt with N = 2^17 (OWASP's minimum for scrypt), r = 8, p = 1: ~128 MB and
// ~0.3 s per hash here, so maxmem must be raised above Node's 32 MB default.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, R, P);
  return `scrypt$${cost}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * The only way to hash or check a password: every call waits its turn in the queue
 * (see hash-queue.ts), so no caller can start a 128 MB hash beside the others.
 * Both reject with HashQueueFull when the queue is full.
 */
export class Passwords {
  constructor(private readonly queue: HashQueue, readonly cost = N) {}

  hash(password: string): Promise<string> {
    return this.queue.run(() => hashPassword(password, this.cost));
  }

  verify(password: string, stored: string): Promise<boolean> {
    return this.queue.run(() => verifyPassword(password, stored));
  }

  /** A well-formed hash at this cost that no password matches: an unknown username costs as much as a known one. */
  get dummyHash(): string {
    return `scrypt$${this.cost}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
  }
}

/** A one-time admin password printed at first start: easy to type, 16 characters. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out.replace(/(.{4})(?!$)/g, '$1-');
}
