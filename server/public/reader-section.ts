// The end of an episode's page, like the district's news pages: "N Dilihat" and the reader
// poll "Bagaimana Tanggapan Anda?". Before a reader answers: the four choices as a plain form
// (it posts without JavaScript); after: the results as bars with whole percentages. The
// same fragment is what the page's script swaps in after answering without a reload.
import { html } from './html.ts';
import type { Html } from './html.ts';
import type { ReaderStats } from '../contract/reader.ts';

export interface ReaderSectionInput {
  stats: ReaderStats;
  /** "N Dilihat" as shown (may lag a little behind the count: the page is cached). */
  views: number;
  voted: boolean;
  /** Where the form posts (the page's own address + /tanggapan). */
  action: string;
  /** A sentence for the reader: thanks, or what was wrong. */
  message?: { text: string; error: boolean } | null;
}

export const READER_CSS = `.tanggapan{border-top:1px solid var(--line);margin-top:1.5rem;padding-top:.5rem}
.tanggapan fieldset{border:0;padding:0;margin:0}.tanggapan label{display:block;padding:.45rem 0;font-size:1.05rem}
.tanggapan input[type=radio]{width:1.2rem;height:1.2rem;vertical-align:-.2rem;margin-right:.5rem}
.tanggapan button{font:inherit;padding:.5rem 1.25rem;margin-top:.4rem}
.tanggapan .pesan{padding:.4rem .6rem;background:#eef6ee;border:1px solid #7aa37a}.tanggapan .pesan.salah{background:#fdecea;border-color:#b3261e}
.hasil{list-style:none;padding:0}.hasil li{margin:.4rem 0}.hasil .bar{background:#eee6da;height:.7rem}.hasil .bar span{display:block;height:100%;background:var(--accent)}
.dilihat{font-size:.9rem}`;

function results(s: ReaderStats): Html {
  return html`<ul class="hasil">${s.poll.options.map((o) => html`<li><span>${o.label}</span> <strong>${o.percent} %</strong><div class="bar" role="presentation"><span style="width:${o.percent}%"></span></div></li>`)}</ul><p class="muted">${s.poll.total} tanggapan pembaca</p>`;
}

function form(p: ReaderSectionInput): Html {
  return html`<form id="tanggapan-form" method="post" action="${p.action}"><fieldset><legend class="muted">Pilih satu:</legend>${p.stats.poll.options.map((o, i) => html`<label><input type="radio" name="pilihan" value="${i + 1}" required>${o.label}</label>`)}</fieldset><button type="submit">Kirim tanggapan</button></form>`;
}

export function readerSection(p: ReaderSectionInput): Html {
  const m = p.message;
  return html`<section id="tanggapan" class="tanggapan no-print" aria-live="polite"><p class="dilihat muted">${p.views} Dilihat</p><h2>${p.stats.poll.question}</h2><p class="muted">Tanggapan pembaca halaman ini, terpisah dari jajak pendapat pendengar saat siaran.</p>${m ? html`<p class="pesan${m.error ? ' salah' : ''}" role="${m.error ? 'alert' : 'status'}">${m.text}</p>` : ''}${p.voted ? results(p.stats) : form(p)}</section>`;
}
