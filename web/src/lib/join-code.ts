// Join codes are read out on air and typed on a phone keyboard that capitalises,
// autocorrects and inserts spaces; accept what people actually type.

/** "sd7 air", "SD7-AIR" and " sd7air " all become "SD7AIR". */
export function normalizeCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-–—.]+/g, '');
}

/** Loose on purpose: imported archives keep their old codes, which may use any letter. */
export function looksLikeCode(code: string): boolean {
  return /^[A-Z0-9]{4,12}$/.test(code);
}
