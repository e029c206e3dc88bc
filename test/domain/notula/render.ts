// Test-side Markdown rendering: plain marked with GFM, no sanitising, so the tests
// see exactly what the escaping alone achieves.
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, async: false });

export function toHtml(md: string): string {
  return markdown.parse(md, { async: false });
}

/** Opening tag names in document order. */
export function tagsOf(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

/** Text of an HTML fragment without tags: what a reader would see. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|#39);/gi, (_, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
      if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
}
