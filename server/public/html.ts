// Server-rendered HTML for the public pages. Every interpolated value is escaped (escape-html,
// the escaper Express itself uses) unless it is an Html made here or by raw(): listener text
// can only ever arrive as text.
import escapeHtml from 'escape-html';

/** A fragment already safe to place in a page. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** html`<p>${text}</p>`: text escaped, Html fragments and arrays of them placed as they are. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted markup: sanitised notula HTML, our own CSS. Never listener text. */
export function raw(markup: string): Html {
  return new Html(markup);
}
