import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeInline, unescapeInline } from '../../../server/domain/notula/index.ts';
import { normalizeLine } from '../../../server/contract/text.ts';
import { NASTY } from './fixtures.ts';
import { tagsOf, textOf, toHtml } from './render.ts';

// Each placement from the export: the Markdown around the text, the tags that
// markup must produce on its own, and where the listener's text ends up.
const CONTEXTS = {
  heading: { md: (x: string) => `### ${x}`, tags: ['h3'], inner: /^<h3>(.*)<\/h3>\n?$/s },
  label: { md: (x: string) => `**Bu Ratna:** ${x}`, tags: ['p', 'strong'], inner: /^<p><strong>Bu Ratna:<\/strong> (.*)<\/p>\n?$/s },
  paragraph: { md: (x: string) => x, tags: ['p'], inner: /^<p>(.*)<\/p>\n?$/s },
  ordered: { md: (x: string) => `1. ${x}`, tags: ['ol', 'li'], inner: /^<ol>\n<li>(.*)<\/li>\n<\/ol>\n?$/s },
  cell: {
    md: (x: string) => `| Kolom | Isi |\n|---|---|\n| Pemandu | ${x} |`,
    tags: ['table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td'],
    inner: /<td>Pemandu<\/td>\n<td>(.*)<\/td>\n<\/tr>\n<\/tbody><\/table>\n?$/s,
  },
} as const;

function checkPlacement(original: string): void {
  const escaped = escapeInline(original);
  for (const [name, ctx] of Object.entries(CONTEXTS)) {
    const html = toHtml(ctx.md(escaped));
    expect(tagsOf(html), `${name}: ${JSON.stringify(original)} → ${html}`).toEqual(ctx.tags);
    const inner = ctx.inner.exec(html)?.[1];
    expect(inner, `${name}: ${html}`).toBeDefined();
    expect(textOf(inner ?? ''), `${name}: ${JSON.stringify(original)}`).toBe(original);
  }
}

// Bias generation towards the characters and fragments that Markdown cares about.
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '|', '#', '~', '&', '@', '!', '-', '+', '=', '.', ':', '/', '"', "'",
    ' ', '\n', '\t', '1', '12', '2024', 'a', 'Z', 'www', 'www.', 'http', 'https://', '://', 'x.com', '&amp;', '&#60;', '&lt;',
    'script', 'javascript:', '<a href=', '</', '<!--', '-->', '**', '__', '~~', '```', '![', '](', 'é', '😀', '\u202E', '\u00A0',
  ) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const line = fc.array(token, { maxLength: 24 }).map((parts) => normalizeLine(parts.join(''))).filter((s) => s.length > 0);

describe('escapeInline / unescapeInline', () => {
  it('round-trips every string, whitespace and control characters included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => unescapeInline(escapeInline(s)) === s), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(token).map((p) => p.join('')), (s) => unescapeInline(escapeInline(s)) === s), { numRuns: 2000 });
  });

  it('never lets generated listener text become markup in any placement', () => {
    fc.assert(fc.property(line, (s) => checkPlacement(s)), { numRuns: 1500 });
  });

  it.each(NASTY.map((s) => [s]))('keeps %j inert in every placement', (s) => {
    // Listener input loses bidi controls on the way in (issue 9); a notula from elsewhere may still carry them.
    expect(normalizeLine(s)).toBe(s.replace(/[\u202A-\u202E\u2066-\u2069]/g, ''));
    expect(unescapeInline(escapeInline(s))).toBe(s);
    checkPlacement(s);
  });

  it('has a corpus of at least 30 nasty strings', () => {
    expect(NASTY.length).toBeGreaterThanOrEqual(30);
  });

  it('keeps ordinary prose readable', () => {
    expect(escapeInline('Anggaran naik 8,5 persen. Semoga cepat selesai.')).toBe('Anggaran naik 8,5 persen. Semoga cepat selesai.');
    expect(escapeInline('Rp. 786 M untuk 2019.')).toBe('Rp. 786 M untuk 2019.');
    expect(escapeInline('Bu Lis (Diskominfo): siap!')).toBe('Bu Lis (Diskominfo): siap!');
  });

  it('escapes what would open markup, and only at the start when only the start matters', () => {
    expect(escapeInline('- a - b')).toBe('\\- a - b');
    expect(escapeInline('2019. Tahun 2020. lagi')).toBe('2019\\. Tahun 2020. lagi');
    expect(escapeInline('12) butir')).toBe('12\\) butir');
    expect(escapeInline('lihat www.contoh.id atau https://x.id')).toBe('lihat www\\.contoh\\.id atau https\\://x\\.id');
    expect(escapeInline('a@b')).toBe('a\\@b');
    expect(escapeInline('R&D')).toBe('R\\&D');
    expect(unescapeInline('\\a\\\\\\*')).toBe('\\a\\*');
  });
});
