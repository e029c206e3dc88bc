// The public pages' HTML builder: text in, text out, whatever it holds.
import { describe, expect, it } from 'vitest';
import { html, raw } from '../../server/public/html.ts';
import { publicPage } from '../../server/public/layout.ts';

describe('html``', () => {
  it('escapes every interpolated value, arrays included, and places fragments as they are', () => {
    const evil = '<img src=x onerror="alert(1)">&\'';
    const out = html`<p title="${evil}">${evil}</p>${[html`<b>${evil}</b>`, evil]}${raw('<hr>')}${null}${false}${0}`.value;
    expect(out).not.toContain('<img');
    expect(out).toBe('<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</p><b>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</b>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;<hr>0');
  });

  it('frames a page with the station name escaped and the current section marked', () => {
    const page = publicPage({ title: 'Arsip <siaran>', station: { name: 'Radio "Swara" <Kali>', license: 'CC-BY-4.0' }, section: 'arsip', body: html`<h1>Arsip</h1>` });
    expect(page).toContain('<title>Arsip &lt;siaran&gt; – Radio &quot;Swara&quot; &lt;Kali&gt;</title>');
    expect(page).toContain('<a href="/arsip" aria-current="page">Arsip siaran</a>');
    expect(page).toContain('<a href="/usulan">Usulan warga</a>');
    expect(page).toMatch(/^<!doctype html><html lang="id">/);
  });
});
