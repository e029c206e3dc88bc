// Listener and staff text goes into Markdown headings, paragraphs, list items and
// table cells. Escaping is context-free on purpose: one rule that is safe in every
// placement is easier to trust (and to invert on import) than five clever ones.

/**
 * One pass over the text; each alternative matches a single character to escape, judged by
 * its neighbours in the original text:
 * - anywhere: characters that open emphasis, code, links, HTML, table cells, entities,
 *   strikethrough or e-mail autolinks;
 * - at the very start: - + = (a list item or a setext underline);
 * - right after leading digits: . or ) ("2019. Tahun", "1) butir" would open an ordered list);
 * - a dot between a word character and a word character or hyphen (a GFM "www." autolink
 *   continues through "x.co-op"), which leaves sentence-ending full stops alone;
 * - the colon of "://" (an "https://" autolink).
 * A regular expression instead of a loop over code points: a notula of 3,000 notes is
 * escaped in a few milliseconds, with no per-character garbage.
 */
const MARKUP = /^[-+=]|(?<=^[0-9]+)[.)]|[\\`*_[\]<>|#~&@]|(?<=[\p{L}\p{N}_])\.(?=[\p{L}\p{N}_-])|:(?=\/\/)/gu;

export function escapeInline(text: string): string {
  return text.replace(MARKUP, '\\$&');
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
