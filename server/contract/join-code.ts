// Join codes are read out on air and typed on a phone keyboard that capitalises,
// autocorrects and inserts spaces; accept what people actually type. The one normaliser
// for every side: the web's code box and links, the listener page's HTML route, the
// socket join, the by-code lookup, the notula import and the store's code index.

/** Join codes the server makes: no 0/O, 1/I/L, so they survive being read out on air. */
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
 * "sd7 air", "SD7-AIR" and " sd7air " all become "SD7AIR". Codes are kept upper-case, so
 * comparing normalised codes is comparing them case-insensitively.
 */
export function normalizeCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-–—.]+/g, '');
}

/** Loose on purpose: imported archives keep their old codes, which may use any letter. */
export function looksLikeCode(code: string): boolean {
  return /^[A-Z0-9]{4,12}$/.test(code);
}

/**
 * A join code from outside (a URL, an imported notula), normalised; null when it is not
 * one the server could have made, so it is refused before any lookup.
 */
export function parseJoinCode(x: unknown): string | null {
  if (typeof x !== 'string') return null;
  const code = normalizeCode(x);
  return JOIN_CODE.test(code) || SAMPLE_CODES.includes(code) ? code : null;
}
