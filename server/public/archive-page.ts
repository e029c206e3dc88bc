// The archive at /arsip: a plain GET form (works without JavaScript) and the published
// episodes, newest first, grouped by series. Pure: rows in, HTML out.
import { html } from './html.ts';
import type { Html } from './html.ts';
import { publicPage } from './layout.ts';
import type { Station } from '../contract/station.ts';
import type { ArchiveChoices, ArchiveEntry, ArchiveQuery, PollSummary, SeriesGroup } from '../domain/archive.ts';

export interface ArchivePageInput {
  station: Station;
  groups: SeriesGroup[];
  choices: ArchiveChoices;
  /** The reader's query as they typed it (kept in the form); null values mean "all". */
  query: ArchiveQuery;
  /** Why the query was refused; the listing is then the whole archive's. */
  problem?: string | null;
  /** How many published episodes there are in all. */
  total: number;
}

const CSS = `header.site nav{flex-wrap:wrap;gap:.1rem .9rem}header.site nav a{white-space:nowrap}
form.cari{display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));align-items:end;margin:0 0 1rem}
form.cari label{display:flex;flex-direction:column;font-size:.875rem}form.cari .q{grid-column:1/-1}
form.cari input,form.cari select,form.cari button{font:inherit;padding:.35rem;min-height:2.5rem}
.problem{border:1px solid #b3261e;background:#fdecea;padding:.5rem .75rem}
ol.eps{list-style:none;padding:0;margin:0}ol.eps li{border-top:1px solid var(--line);padding:.6rem 0}
ol.eps h3{margin:0;font-size:1.05rem}.meta{margin:.15rem 0;font-size:.9rem}
.poll{font-size:.875rem;margin:.2rem 0 0}`;

function selectOf(name: string, label: string, options: { value: string; name: string }[], chosen: string | null): Html {
  return html`<label>${label}<select name="${name}"><option value="">Semua</option>${options.map((o) => html`<option value="${o.value}"${o.value === chosen ? html` selected` : ''}>${o.name}</option>`)}</select></label>`;
}

export function pollLine(p: PollSummary): Html {
  return html`<p class="poll">Jajak pendapat “${p.question}”: ${p.options.map((o, i) => html`${i ? ' · ' : ''}${o.label} ${o.percent} %`)} (${p.total} suara)</p>`;
}

function row(e: ArchiveEntry): Html {
  const no = e.number === null ? '' : `Eps. ${e.number}: `;
  return html`<li><h3><a href="${e.path}">${no}${e.title}</a></h3><p class="meta muted">${e.date}</p>${e.agencies.length ? html`<p class="meta">Pembicara: ${e.agencies.join(', ')}</p>` : ''}<p class="meta">${e.answered} pertanyaan dijawab · ${e.listeners} pendengar</p>${e.poll ? pollLine(e.poll) : ''}</li>`;
}

export function archivePage(p: ArchivePageInput): string {
  const q = p.query;
  const shown = p.groups.reduce((n, g) => n + g.entries.length, 0);
  const form = html`<form class="cari" method="get" action="/arsip" role="search"><label class="q">Cari kata<input type="search" name="q" value="${q.q}" maxlength="100"></label>${selectOf('seri', 'Seri', p.choices.series.map((s) => ({ value: s.slug, name: s.name })), q.seri)}${selectOf('tahun', 'Tahun', p.choices.years.map((y) => ({ value: String(y), name: String(y) })), q.tahun === null ? null : String(q.tahun))}${selectOf('dimensi', 'Dimensi', p.choices.dimensions.map((d) => ({ value: d.slug, name: d.name })), q.dimensi)}<button type="submit">Cari</button></form>`;
  const filtered = q.q !== '' || q.seri !== null || q.tahun !== null || q.dimensi !== null;
  const summary = p.total === 0
    ? html`<p>Belum ada siaran yang diterbitkan.</p>`
    : html`<p class="muted">${filtered ? html`${shown} dari ${p.total} siaran cocok. <a href="/arsip">Tampilkan semua</a>` : html`${p.total} siaran`}</p>`;
  const body = html`<h1>Arsip siaran</h1><p>Notula dan rekaman siaran ${p.station.name} yang sudah selesai.</p>${p.problem ? html`<p class="problem" role="alert">${p.problem}</p>` : ''}${form}${summary}${p.groups.map((g) => html`<section><h2>${g.series}</h2><ol class="eps">${g.entries.map(row)}</ol></section>`)}`;
  return publicPage({ title: 'Arsip siaran', station: p.station, section: 'arsip', css: CSS, head: html`<link rel="alternate" type="application/atom+xml" title="Notula siaran ${p.station.name}" href="/arsip/feed.atom">`, body });
}
