// The frame of every public page (archive, episode, usulan tracker, data pages): light,
// readable on a 360 px phone, printable on A4, no JavaScript needed. One stylesheet inline, so
// a page is one request on slow 3G.
import { html, raw } from './html.ts';
import type { Html } from './html.ts';
import type { Station } from '../contract/station.ts';

export interface PublicPage {
  /** The <title>, before " – <station>". */
  title: string;
  station: Station;
  /** Extra head elements (Open Graph tags, canonical, feed links). */
  head?: Html;
  /** The page's own CSS, added after the shared sheet. */
  css?: string;
  /** Which item of the top navigation is this page's. */
  section?: 'arsip' | 'usulan' | 'data';
  body: Html;
}

// System fonts only: no web font to download. Colours as the app's (web/src/app.css).
// overflow-wrap: a listener's long link or word must not widen the page past a phone's screen
// (the browser would zoom the whole page out to fit it).
const CSS = `:root{--ink:#1a1a1a;--muted:#555;--line:#d8d2c8;--accent:#8a3b12;--bg:#fffdf8}
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}header.site,main,footer.site{max-width:50rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;padding-top:.75rem;padding-bottom:.5rem;border-bottom:1px solid var(--line)}
header.site .station{font-weight:700;text-decoration:none;color:var(--ink)}header.site nav{display:flex;gap:1rem}
header.site nav a[aria-current]{font-weight:700;text-decoration:none}
main{padding-top:1rem;padding-bottom:2rem;overflow-wrap:anywhere}h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.2rem}
table{border-collapse:collapse;max-width:100%;display:block;overflow-x:auto}td,th{border:1px solid #999;padding:.3rem .6rem;vertical-align:top}
.muted{color:var(--muted)}footer.site{padding-bottom:2rem;font-size:.875rem;color:var(--muted)}
@media print{@page{size:A4;margin:18mm}body{background:#fff;font-size:11pt}header.site nav,.no-print{display:none}a{color:inherit;text-decoration:none}main{max-width:none;padding:0}}`;

export function publicPage(p: PublicPage): string {
  const nav = (id: PublicPage['section'], href: string, label: string) =>
    html`<a href="${href}"${raw(p.section === id ? ' aria-current="page"' : '')}>${label}</a>`;
  return html`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${p.title} – ${p.station.name}</title>${p.head}<style>${raw(CSS)}${raw(p.css ?? '')}</style></head><body><header class="site"><a class="station" href="/">${p.station.name}</a><nav aria-label="Bagian situs">${nav('arsip', '/arsip', 'Arsip siaran')}${nav('usulan', '/usulan', 'Usulan warga')}${nav('data', '/data', 'Data terbuka')}</nav></header><main>${p.body}</main><footer class="site">${p.station.name} · dibuat dengan Kentongan</footer></body></html>`.value;
}
