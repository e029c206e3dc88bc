// The notulis's live preview of the notula. The server already escapes listener text
// when it writes the Markdown; marked does not sanitise, so DOMPurify is the second
// wall before anything reaches the page, with the same small allow-list the server's
// HTML export uses.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

// Our own instance: options set here never leak into other users of the global marked.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = ['h1', 'h2', 'h3', 'h4', 'p', 'strong', 'em', 'ol', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr', 'a'];

let hooked = false;
function hookLinks(): void {
  if (hooked) return;
  hooked = true;
  // A link clicked in the preview must not take the console off screen mid-show.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(href)) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
}

/** Drops a leading "---" … "---" YAML block: the machine metadata is not for readers. */
export function stripFrontMatter(md: string): string {
  const text = md.replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return text;
  const end = text.indexOf('\n---\n', 3);
  return end < 0 ? text : text.slice(end + 5);
}

/** Sanitised HTML of a notula's body, safe to place in the page. Browser only (needs a DOM). */
export function renderNotula(md: string): string {
  hookLinks();
  const html = markdown.parse(stripFrontMatter(md), { async: false }) as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
    ALLOW_DATA_ATTR: false,
  });
}
