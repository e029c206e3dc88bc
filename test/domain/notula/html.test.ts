import { describe, expect, it } from 'vitest';
import { exportNotula, renderNotulaHtml } from '../../../server/domain/notula/index.ts';
import { awkwardEpisode, sampleEpisode } from './fixtures.ts';
import { tagsOf } from './render.ts';

const ALLOWED = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'strong', 'em', 'ol', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr', 'a']);

/** The markup itself (tags with their attributes), leaving out text a reader merely sees. */
function tagsWithAttributes(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
}

function expectSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  for (const tag of tagsWithAttributes(html)) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/javascript:|style=|src=/i);
  }
  for (const name of tagsOf(html)) expect(ALLOWED.has(name), name).toBe(true);
  for (const tag of tagsWithAttributes(html)) {
    const href = /\shref="([^"]*)"/.exec(tag)?.[1];
    if (href !== undefined) expect(href).toMatch(/^https?:\/\//);
  }
}

describe('renderNotulaHtml', () => {
  it('renders the awkward notula without script, event handlers or javascript: links', () => {
    const html = renderNotulaHtml(exportNotula(awkwardEpisode()));
    expectSafe(html);
    // Listener text shows up as text, escaped, not as markup.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[x](javascript:alert(1))');
    expect(tagsOf(html).filter((t) => t === 'a')).toHaveLength(1);
  });

  it('turns the recording line into a safe web link and drops the front matter', () => {
    const html = renderNotulaHtml(exportNotula(sampleEpisode()));
    expect(html).toContain('<a href="https://arsip.swaralestari.example/rekaman/ruang-rembug-07.mp3" rel="noopener noreferrer">Klik untuk mendengarkan rekaman siaran Ruang Rembug – Bincang Kebijakan Daerah Episode 7</a>');
    expect(html).not.toContain('kentongan:');
    expect(html).not.toContain('startsAt');
    expect(html).toContain('<h1>NOTULA RUANG REMBUG – BINCANG KEBIJAKAN DAERAH</h1>');
    expect(html).toContain('<h3>Apakah ada anggaran sumur bor untuk dusun yang kekeringan tiap kemarau?</h3>');
    expect(html).toContain('<td>– Maya Kartika Sari<br />– Rizal Pratama</td>');
    expect(html).toContain('<li>Pendengar bergabung: 37</li>');
    expectSafe(html);
  });

  it('keeps a hand-edited transcript from smuggling in markup', () => {
    const md = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[a](javascript:alert(1)) [b](/relatif) [c](data:text/html,x) <https://aman.example>',
      '<p style="color:red" onclick="x()">t</p>',
      '<iframe src="https://jahat.example"></iframe>',
      '![gambar](https://contoh.example/x.png)',
      '```\nkode\n```',
    ].join('\n\n');
    const html = renderNotulaHtml(md);
    expectSafe(html);
    expect(html).not.toMatch(/<iframe|<img|<pre|<code/);
    expect(html).toContain('<a href="https://aman.example" rel="noopener noreferrer">');
  });
});
