// A reply must fit in one SMS: a second part costs the station a second message, and a
// feature phone may show a split reply out of order. One SMS holds 160 characters of the
// GSM 7-bit alphabet (3GPP TS 23.038), where the extension characters ^{}\[~]|€ and form
// feed take two; one character outside that alphabet turns the whole message into UCS-2,
// 70 UTF-16 units.

/** The basic GSM 7-bit table, in code order (0x1B, the escape to the extension table, left out). */
const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each is sent as escape + character, two septets. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export const SMS_LIMITS = { gsm7: 160, ucs2: 70 } as const;
export type SmsEncoding = keyof typeof SMS_LIMITS;

/** Every character one GSM-7 SMS can carry (for the modem script's copy of the table, and tests). */
export const GSM7_CHARACTERS: string = GSM7_BASIC + GSM7_EXTENSION;

function septets(ch: string): number | null {
  if (BASIC.has(ch)) return 1;
  if (EXTENSION.has(ch)) return 2;
  return null;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (septets(ch) === null) return 'ucs2';
  return 'gsm7';
}

/** How much of one SMS the text takes: septets for GSM-7, UTF-16 units for UCS-2. */
export function smsLength(text: string): { encoding: SmsEncoding; units: number; limit: number } {
  const encoding = smsEncoding(text);
  let units = 0;
  if (encoding === 'ucs2') units = text.length;
  else for (const ch of text) units += septets(ch)!;
  return { encoding, units, limit: SMS_LIMITS[encoding] };
}

export function fitsOneSms(text: string): boolean {
  const { units, limit } = smsLength(text);
  return units <= limit;
}

// Characters (user-perceived), so an emoji, a flag or a letter with its accent is kept or cut whole.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A cut shorter than this share of the room keeps the partial word instead (one long word, a URL). */
const MIN_WORD_CUT = 0.6;

/**
 * The text as one SMS: unchanged when it fits, else cut at a word boundary with an
 * ellipsis. The ellipsis is "..." when what is kept is GSM-7 — "…" is not in that
 * alphabet and would turn the message into UCS-2, cutting its room to 70 — and "…" otherwise.
 * When the text is UCS-2 only because of something late in it, the GSM-7 beginning is
 * kept with the 160-character room.
 */
export function cutToOneSms(text: string): string {
  if (fitsOneSms(text)) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);

  // The longest beginning that fits as GSM-7 with "...", and the longest as UCS-2 with "…".
  let gsmEnd = 0;
  for (let used = 0; gsmEnd < parts.length; gsmEnd++) {
    let cost = 0;
    for (const ch of parts[gsmEnd]!) {
      const s = septets(ch);
      if (s === null) { cost = Infinity; break; }
      cost += s;
    }
    if (used + cost > SMS_LIMITS.gsm7 - 3) break;
    used += cost;
  }
  let ucsEnd = 0;
  for (let used = 0; ucsEnd < parts.length && used + parts[ucsEnd]!.length <= SMS_LIMITS.ucs2 - 1; ucsEnd++) used += parts[ucsEnd]!.length;

  const kept = wordCut(parts, Math.max(gsmEnd, ucsEnd));
  // Backing off to a word may have left only GSM-7 of a UCS-2 cut: then "..." keeps it GSM-7.
  return kept + (smsEncoding(kept) === 'gsm7' ? '...' : '…');
}

/** The first `end` characters, backed off to the last word boundary unless that loses too much. */
function wordCut(parts: readonly string[], end: number): string {
  let keep = end;
  if (end < parts.length && !/\s/u.test(parts[end]!)) {
    let space = end - 1;
    while (space > 0 && !/\s/u.test(parts[space]!)) space--;
    if (space >= end * MIN_WORD_CUT) keep = space;
  }
  return parts.slice(0, keep).join('').replace(/[\s,;:.\-–—]+$/u, '');
}

/** WhatsApp takes up to 4,096 characters in a text message body. */
export const WHATSAPP_TEXT_LIMIT = 4096;

/** The text cut to `limit` UTF-16 units at a word boundary with "…" (WhatsApp replies). */
export function cutToLength(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  let end = 0;
  for (let used = 0; end < parts.length && used + parts[end]!.length <= limit - 1; end++) used += parts[end]!.length;
  return `${wordCut(parts, end)}…`;
}
