// Listener and staff text goes into Markdown headings, paragraphs, list items and
// table cells. Escaping is context-free on purpose: one rule that is safe in every
// placement is easier to trust (and to invert on import) than five clever ones.

/** Characters that can open markup anywhere on a line: emphasis, code, links, HTML, table cells, entities, strikethrough, e-mail autolinks. */
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '@']);
/** Only at the very start of a line do these open a list item or a setext underline. */
const LEADING = new Set(['-', '+', '=']);
const WORD = /[\p{L}\p{N}_]/u;
// A dot followed by a hyphen still continues a GFM "www." autolink, so it counts too.
const DOMAIN_NEXT = /[\p{L}\p{N}_-]/u;

export function escapeInline(text: string): string {
  const chars = Array.from(text);
  // "2019. Tahun" or "1) butir" at the start would open an ordered list.
  let digits = 0;
  while (digits < chars.length && /[0-9]/.test(chars[digits] ?? '')) digits++;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    let escape = ALWAYS.has(c);
    if (i === 0 && LEADING.has(c)) escape = true;
    if (digits > 0 && i === digits && (c === '.' || c === ')')) escape = true;
    // Breaks "www.x.com" style autolinks without touching sentence-ending full stops.
    if (c === '.' && WORD.test(prev) && DOMAIN_NEXT.test(next)) escape = true;
    // Breaks "https://" autolinks.
    if (c === ':' && next === '/' && chars[i + 2] === '/') escape = true;
    out += escape ? '\\' + c : c;
  }
  return out;
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** Inverse of escapeInline: drops a backslash in front of any ASCII punctuation character. */
export function unescapeInline(md: string): string {
  let out = '';
  for (let i = 0; i < md.length; i++) {
    const c = md[i] ?? '';
    const next = md[i + 1];
    if (c === '\\' && next !== undefined && ASCII_PUNCT.test(next)) {
      out += next;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}
