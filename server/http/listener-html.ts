import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response } from 'express';
import type { EpisodeService } from '../app/episode-service.ts';
import type { Broadcaster } from '../realtime/broadcaster.ts';
import { html as lite } from '../public/html.ts';

/**
 * The listener page (/j/:code) arrives with the episode's public snapshot inside its
 * HTML, so a phone on slow 3G shows the queue and the ask form without waiting four
 * round trips for the socket; the socket's own join replaces it moments later.
 * Only what any listener may see goes in (no "mine", no votes of this listener).
 */
export function listenerPage(indexHtmlPath: string, episodes: EpisodeService, broadcaster: Broadcaster) {
  let html: string | null = null;
  return (req: Request, res: Response) => {
    html ??= withPreloads(readFileSync(indexHtmlPath, 'utf8'), join(dirname(indexHtmlPath), '.vite', 'manifest.json'));
    const e = episodes.byCode(String(req.params.code ?? ''));
    res.setHeader('Cache-Control', 'no-store');
    const page = withLiteWay(html, `/j/${encodeURIComponent(e?.code ?? String(req.params.code ?? ''))}/ringan`);
    if (!e) return res.type('html').send(page);
    // The same shared snapshot the socket join sends, serialised once per episode state.
    const snapshot = broadcaster.snapshots.shared(e, broadcaster.listenerSeq(e.id)).json;
    // JSON inside <script type="application/json"> is never run; escaping "<" keeps
    // listener text from closing the tag, and U+2028/9 keep it valid everywhere.
    const json = `{"code":${JSON.stringify(e.code)},"snapshot":${snapshot}}`
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
    // A function, not a string: in a replacement string "$`", "$&" and "$'" in a title or
    // question would splice parts of the page into the JSON.
    res.type('html').send(page.replace('</head>', () => `<script type="application/json" id="kentongan-snapshot">${json}</script></head>`));
  };
}

/**
 * The way to the page without JavaScript (routes/listener-lite.ts) for a browser where this
 * one cannot run: with JavaScript off, a refresh in <noscript> takes it there at once (and a
 * link, should it not follow refreshes); a browser too old for the app's modules (old Android
 * browsers, KaiOS 2.5) runs the `nomodule` script instead, which goes there too.
 */
function withLiteWay(page: string, href: string): string {
  const head = lite`<noscript><meta http-equiv="refresh" content="0;url=${href}"></noscript><script nomodule src="/ringan.js"></script>`.value;
  const body = lite`<noscript><p style="margin:1rem;font:18px/1.4 sans-serif"><a href="${href}">Buka halaman ringan (tanpa JavaScript)</a></p></noscript>`.value;
  return page.replace('</head>', () => `${head}</head>`).replace(/<body[^>]*>/, (tag) => `${tag}${body}`);
}

/** Sends a browser that cannot run modules from /j/CODE to /j/CODE/ringan. ES5: it is read by old engines only. */
export const NOMODULE_SCRIPT = "location.replace(location.pathname.replace(/\\/+$/, '') + '/ringan');\n";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * Asks for the listener page's chunks from the HTML itself (Vite's manifest names them),
 * so they download alongside the entry instead of one round trip after it.
 */
function withPreloads(html: string, manifestPath: string): string {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return html;
  }
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  // The socket client first: its handshake is the longest chain.
  for (const key of ['src/early.ts', 'src/routes/listener/Listener.svelte', 'src/app.ts']) visit(key);
  const links = [...css].map((f) => `<link rel="stylesheet" href="/${f}">`)
    .concat([...js].map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`));
  return html.replace('</head>', () => `${links.join('')}</head>`);
}
