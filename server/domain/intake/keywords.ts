// What a listener's SMS or WhatsApp message asks for. Keywords are Indonesian, read out on
// air and typed on feature phones: any case, any spacing, with or without a colon, dot or
// "#" after them, and the number may be glued to the word ("PILIH2"). A message without a
// keyword is a question: a listener who just writes is heard.

export type Intent =
  | { kind: 'question'; text: string }
  | { kind: 'poll'; option: number }
  | { kind: 'usulan'; desa: string; text: string }
  /** DUKUNG 12 backs question 12; DUKUNG U3 backs usulan 3 (the studio screen shows both so). */
  | { kind: 'support'; target: 'question' | 'usulan'; number: number }
  | { kind: 'stop' }
  /** MULAI after BERHENTI: replies again. */
  | { kind: 'start' }
  /** A keyword without what it needs; `hint` is the reply that shows the right form. */
  | { kind: 'incomplete'; keyword: Keyword; hint: string }
  | { kind: 'empty' };

export type Keyword = 'TANYA' | 'PILIH' | 'USUL' | 'DUKUNG' | 'BERHENTI' | 'MULAI';

/** The forms a reply or the studio screen shows, as a listener should type them. */
export const KEYWORD_FORMS: Record<Keyword, string> = {
  TANYA: 'TANYA <pertanyaan>',
  PILIH: 'PILIH <nomor pilihan>',
  USUL: 'USUL <desa>: <usulan>',
  DUKUNG: 'DUKUNG <nomor>',
  BERHENTI: 'BERHENTI',
  MULAI: 'MULAI',
};

// STOP and UNREG are what Indonesian operators' services taught people to send.
const ALIASES: Record<string, Keyword> = { TANYA: 'TANYA', PILIH: 'PILIH', USUL: 'USUL', USULAN: 'USUL', DUKUNG: 'DUKUNG', BERHENTI: 'BERHENTI', STOP: 'BERHENTI', UNREG: 'BERHENTI', MULAI: 'MULAI', START: 'MULAI' };

// Letters possibly spaced out ("T A N Y A"), then the rest. Longest words first so USULAN wins over USUL.
const WORDS = Object.keys(ALIASES).sort((a, b) => b.length - a.length);
const KEYWORD = new RegExp(`^(${WORDS.map((w) => w.split('').join('\\s?')).join('|')})(?![\\p{L}])[\\s:.,#\\-]*(.*)$`, 'isu');

/** One line, whitespace runs as one space, invisible and control characters gone. */
export function cleanMessage(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NUMBER = /^#?\s?(\d{1,4})(?:\s|[.!]|$)/;
// "U3", "u 3", "#U3": an usulan's number.
const USULAN_NUMBER = /^#?\s?u\s?(\d{1,4})(?:\s|[.!]|$)/i;

export function parseMessage(raw: string): Intent {
  const text = cleanMessage(raw);
  if (text === '') return { kind: 'empty' };
  const m = KEYWORD.exec(text);
  if (!m) return { kind: 'question', text };
  const keyword = ALIASES[m[1]!.replace(/\s/g, '').toUpperCase()]!;
  const rest = m[2]!.trim();
  const incomplete = (): Intent => ({ kind: 'incomplete', keyword, hint: KEYWORD_FORMS[keyword] });
  switch (keyword) {
    case 'TANYA':
      return rest ? { kind: 'question', text: rest } : incomplete();
    case 'BERHENTI':
      // Only on its own: "Stop banjir di desa kami" is a question, not a goodbye.
      return rest === '' ? { kind: 'stop' } : { kind: 'question', text };
    case 'MULAI':
      return rest === '' ? { kind: 'start' } : { kind: 'question', text };
    case 'PILIH':
    case 'DUKUNG': {
      const u = keyword === 'DUKUNG' ? USULAN_NUMBER.exec(rest) : null;
      if (u) return Number(u[1]) < 1 ? incomplete() : { kind: 'support', target: 'usulan', number: Number(u[1]) };
      const n = NUMBER.exec(rest);
      if (!n) return incomplete();
      const value = Number(n[1]);
      if (value < 1) return incomplete();
      return keyword === 'PILIH' ? { kind: 'poll', option: value } : { kind: 'support', target: 'question', number: value };
    }
    case 'USUL': {
      // "USUL Sukamaju: lampu jalan" — the desa before the first colon (or " - ").
      const split = /^([^:]+?)\s?(?::|\s-\s)\s?(.+)$/su.exec(rest);
      if (!split) return incomplete();
      const desa = split[1]!.trim();
      const body = split[2]!.trim();
      return desa && body ? { kind: 'usulan', desa, text: body } : incomplete();
    }
  }
}
