// The one pattern every id and join code from outside must match before it is looked up
// or becomes part of a file name: what the server itself makes (nanoid(12), the sample's
// "sample-finished-07", "s001"), and nothing a path could be built from ("/", ".", NUL).
// No imports: the web bundle shares this file through realtime/events.ts.

/** nanoid's alphabet (A-Z a-z 0-9 _ -), 1 to 40 characters: no dot, so never "." or "..". */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export function isId(x: unknown): x is string {
  return typeof x === 'string' && ID_PATTERN.test(x);
}

/** Join codes read out on air: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
/**
 * The two sample episodes were given readable codes by hand, outside the alphabet (I, L).
 * Every station seeded with them holds them, and the committed sample notula carries one:
 * they stay valid, and no other code outside the alphabet is.
 */
export const SAMPLE_CODES: readonly string[] = ['SD7AIR', 'JLN8GW'];

/**
 * A join code as typed or imported ("sd7air ", "SD7AIR"), upper-cased and trimmed; null
 * when it is not one the server could have made. Codes are kept upper-case, so comparing
 * normalised codes is comparing them case-insensitively.
 */
export function normaliseCode(x: unknown): string | null {
  if (typeof x !== 'string') return null;
  const code = x.trim().toUpperCase();
  return JOIN_CODE.test(code) || SAMPLE_CODES.includes(code) ? code : null;
}
