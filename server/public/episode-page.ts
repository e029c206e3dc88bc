// An episode's page in the archive: the recording with its chapters, the notula as the
// station publishes it, and the ways to pass it on (Open Graph for WhatsApp/Facebook, a share
// link, the Markdown). Pure: data in, HTML out. Works with JavaScript off: a chapter is a link
// that reloads the page with the player starting at its moment (a media fragment); the small
// script only makes the same link seek without the reload.
import { createHash } from 'node:crypto';
import { html, raw } from './html.ts';
import type { Html } from './html.ts';
import { publicPage } from './layout.ts';
import { pollLine } from './archive-page.ts';
import type { Station } from '../contract/station.ts';
import type { ArchiveEntry } from '../domain/archive.ts';
import { clockOf } from '../domain/recording-start.ts';
import { READER_CSS } from './reader-section.ts';
import type { Chapter } from '../domain/recording-start.ts';

export interface EpisodePageInput {
  station: Station;
  entry: ArchiveEntry;
  /** The notula body, already sanitised (renderNotulaHtml). */
  notulaHtml: string;
  recordingUrl: string | null;
  chapters: Chapter[];
  /** ?t= of the request: the player starts there (no-JS chapter links). */
  startAt: number | null;
  /** PUBLIC_URL's origin, for og:url and the share link; null when the station set none. */
  origin: string | null;
  /** The Markdown download (the notula API's). */
  markdownHref: string;
  /** Placed after the notula (the reader poll and view count). */
  extra?: Html;
}

/** Whether the recording link names an audio file a browser's <audio> plays. */
export function isAudioUrl(url: string): boolean {
  try {
    return /\.(mp3|m4a|ogg|opus|wav|aac)$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

// Progressive: a chapter link seeks the player in place and starts it; the #t= fragment of a
// shared address does the same on load. Without it, the ?t= link reloads with a media fragment.
// The reader poll posts in the background and swaps in the answer the server renders (the
// same fragment the form's own reload shows); any failure falls back to the plain post.
const SCRIPT = `(function(){var a=document.getElementById('rekaman');if(a&&a.play){var go=function(t,play){a.currentTime=t;if(play){var p=a.play();if(p&&p.catch)p.catch(function(){});}};
document.addEventListener('click',function(ev){var l=ev.target&&ev.target.closest&&ev.target.closest('a[data-t]');if(!l)return;ev.preventDefault();var t=Number(l.getAttribute('data-t'));go(t,true);history.replaceState(null,'','#t='+t);});
var m=/^#t=(\\d+)$/.exec(location.hash);if(m)go(Number(m[1]),false);}
var f=document.getElementById('tanggapan-form');if(f&&window.fetch&&window.FormData&&window.URLSearchParams){f.addEventListener('submit',function(ev){ev.preventDefault();var b=f.querySelector('button');if(b)b.disabled=true;
fetch(f.action,{method:'POST',body:new URLSearchParams(new FormData(f)),headers:{Accept:'application/json'},credentials:'same-origin'}).then(function(r){return r.json();}).then(function(j){var s=document.getElementById('tanggapan');if(!j||!j.html||!s)throw 0;s.outerHTML=j.html;}).catch(function(){f.submit();});});}})();`;

/** For the page's CSP: the one inline script allowed. */
export const SCRIPT_HASH = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;

const CSS = `header.site nav{flex-wrap:wrap;gap:.1rem .9rem}header.site nav a{white-space:nowrap}
.rekaman{border:1px solid var(--line);padding:.75rem;margin:0 0 1rem;background:#fff}
.rekaman audio{width:100%}ol.bab{padding-left:1.2rem;margin:.5rem 0 0}ol.bab li{margin:.3rem 0}ol.bab a{font-variant-numeric:tabular-nums;font-weight:600;margin-right:.4rem}
.bagikan{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:1rem 0}.notula{border-top:1px solid var(--line);margin-top:1rem}
${READER_CSS}
@media print{.rekaman audio,.bagikan,ol.bab a{display:none}.rekaman{border:0;padding:0}}`;

function player(p: EpisodePageInput): Html {
  const url = p.recordingUrl;
  if (!url) return html``;
  const src = p.startAt === null ? url : `${url}#t=${p.startAt}`;
  const media = isAudioUrl(url)
    ? html`<audio id="rekaman" controls preload="none" src="${src}"></audio><p class="muted no-print"><a href="${url}">Unduh rekaman</a></p>`
    : html`<p><a id="rekaman-link" href="${url}" rel="noopener noreferrer">Klik untuk mendengarkan rekaman siaran</a></p>`;
  const audio = isAudioUrl(url);
  const chapters = p.chapters.length
    ? html`<h2>Bab: langsung ke jawabannya</h2><ol class="bab">${p.chapters.map((c) => html`<li>${audio ? html`<a href="?t=${c.seconds}#rekaman" data-t="${c.seconds}">${clockOf(c.seconds)}</a>` : html`<span class="muted">${clockOf(c.seconds)}</span> `}${c.heading}</li>`)}</ol>`
    : '';
  return html`<section class="rekaman" aria-label="Rekaman siaran">${media}${chapters}</section>`;
}

export function episodeDescription(e: ArchiveEntry): string {
  const who = e.agencies.length ? ` Bersama ${e.agencies.join(', ')}.` : '';
  return `${e.series}, ${e.date}.${who} ${e.answered} pertanyaan warga dijawab.`;
}

export function episodePage(p: EpisodePageInput): string {
  const e = p.entry;
  const title = e.number === null ? e.title : `Eps. ${e.number}: ${e.title}`;
  const description = episodeDescription(e);
  const url = p.origin ? `${p.origin}${e.path}` : null;
  const share = `https://wa.me/?text=${encodeURIComponent(`${title} – ${p.station.name}${url ? ` ${url}` : ''}`)}`;
  const head = html`<meta name="description" content="${description}"><meta property="og:type" content="article"><meta property="og:title" content="${title}"><meta property="og:description" content="${description}"><meta property="og:site_name" content="${p.station.name}">${url ? html`<meta property="og:url" content="${url}"><link rel="canonical" href="${url}">` : ''}`;
  const body = html`<p class="muted no-print"><a href="/arsip">← Arsip siaran</a> · ${e.series}</p><h1>${title}</h1><p class="muted">${e.date} · ${p.station.name}</p>${player(p)}${e.poll ? pollLine(e.poll) : ''}<p class="bagikan no-print"><a href="${share}" rel="noopener noreferrer">Bagikan lewat WhatsApp</a><a href="${p.markdownHref}" download>Unduh notula (Markdown)</a></p><article class="notula">${raw(p.notulaHtml)}</article>${p.extra ?? ''}<script>${raw(SCRIPT)}</script>`;
  return publicPage({ title, station: p.station, section: 'arsip', head, css: CSS, body });
}
