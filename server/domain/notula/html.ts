// The website and print view of a notula. marked renders; sanitize-html decides what
// survives. Escaping at export already keeps listener text inert; this is the second
// wall, for transcripts edited by hand or imported from elsewhere.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Our own instance: options set here never leak into other users of the global marked.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const SAFE: sanitizeHtml.IOptions = {
  allowedTags: ['h1', 'h2', 'h3', 'h4', 'p', 'strong', 'em', 'ol', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      // Relative links would point into our own site; only absolute web links are allowed.
      const attrs: Record<string, string> = /^https?:\/\//i.test(href) ? { href } : {};
      return { tagName, attribs: { ...attrs, rel: 'noopener noreferrer' } };
    },
  },
};

/** Drops a leading "---" … "---" YAML block; the body alone is for readers. */
function stripFrontMatter(md: string): string {
  const text = md.replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return text;
  const end = text.indexOf('\n---\n', 3);
  return end < 0 ? text : text.slice(end + 5);
}

/** An HTML fragment of the notula body, safe to place inside a page. */
export function renderNotulaHtml(md: string): string {
  const html = markdown.parse(stripFrontMatter(md), { async: false });
  return sanitizeHtml(html, SAFE);
}
