// The usulan tracker at /usulan: a plain GET form (works without JavaScript) and one card per
// usulan with its place, support, the show it was raised in and its status history. Merged
// duplicates sit under the usulan they went into. Pure: rows in, HTML out; every listener
// text goes through html`` and so stays text.
import { html } from './html.ts';
import type { Html } from './html.ts';
import { publicPage } from './layout.ts';
import { formatUpdated } from '../domain/notula/waktu.ts';
import { ASPIRATION_STATUS_LABELS } from '../domain/aspiration.ts';
import { queryString } from '../domain/tracker.ts';
import type { Choice, TrackerChoices, TrackerQuery, TrackerRow } from '../domain/tracker.ts';
import { TRACKER_FILES } from '../domain/tracker-data.ts';
import type { Station } from '../contract/station.ts';
import type { AspirationStatus } from '../contract/types.ts';

export const PER_PAGE = 40;

export interface TrackerPageInput {
  station: Station;
  /** The rows that match the query (all pages). */
  rows: TrackerRow[];
  /** Every row, to find a merged usulan's target and count by status. */
  all: TrackerRow[];
  choices: TrackerChoices;
  query: TrackerQuery;
  /** 1-based. */
  page: number;
  problem?: string | null;
  /** The district's zone: dates read as the district's clock. */
  timeZone: string;
}

const CSS = `header.site nav{flex-wrap:wrap;gap:.1rem .9rem}header.site nav a{white-space:nowrap}
form.saring{display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));align-items:end;margin:0 0 .75rem}
form.saring label{display:flex;flex-direction:column;font-size:.875rem}
form.saring select,form.saring button{font:inherit;padding:.35rem;min-height:2.5rem;max-width:100%}
.problem{border:1px solid #b3261e;background:#fdecea;padding:.5rem .75rem}
article.u{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem;margin:.75rem 0;background:#fff;overflow-wrap:anywhere}
article.u h2{font-size:1.05rem;margin:.1rem 0 .3rem}.meta{margin:.15rem 0;font-size:.9rem}
.st{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .45rem;border-radius:1rem;border:1px solid currentColor}
.st-baru{color:#555}.st-ditinjau{color:#8a5a00}.st-diteruskan{color:#1b6e2e}.st-ditolak{color:#b3261e}.st-digabung{color:#4a4a8a}
ol.riwayat{margin:.3rem 0 0;padding-left:1.2rem;font-size:.875rem}
.gabung{margin:.5rem 0 0;padding:.4rem .6rem;border-left:3px solid var(--line);font-size:.9rem}.gabung h3{font-size:.95rem;margin:0}
nav.hal{display:flex;gap:1rem;margin:1rem 0}`;

function selectOf(name: string, label: string, options: Choice[], chosen: string | null): Html {
  return html`<label>${label}<select name="${name}"><option value="">Semua</option>${options.map((o) => html`<option value="${o.code}"${o.code === chosen ? html` selected` : ''}>${o.name}</option>`)}</select></label>`;
}

const badge = (s: AspirationStatus): Html => html`<span class="st st-${s}">${ASPIRATION_STATUS_LABELS[s]}</span>`;

/** `within`: the usulan whose card this history is nested in; a merge into it says so. */
function history(r: TrackerRow, timeZone: string, within: string | null = null): Html {
  const into = (id: string) => (id === within ? html` ke usulan ini` : html` ke <a href="/usulan#u-${id}">usulan lain</a>`);
  return html`<ol class="riwayat" aria-label="Riwayat status">${r.riwayat.map((s) => html`<li><time datetime="${s.waktu}">${formatUpdated(s.waktu, timeZone)}</time>: ${ASPIRATION_STATUS_LABELS[s.status]}${s.alasan ? html` — alasan: ${s.alasan}` : ''}${s.digabungKe ? into(s.digabungKe) : ''}</li>`)}</ol>`;
}

function episodeLine(r: TrackerRow): Html {
  if (r.episodeJudul === null) return html``;
  const name = `${r.episodeSeri}${r.episodeNomor === null ? '' : ` Eps. ${r.episodeNomor}`}: ${r.episodeJudul}`;
  return html`<p class="meta">Disampaikan di ${r.episodeAlamat ? html`<a href="${r.episodeAlamat}">${name}</a>` : html`${name} <span class="muted">(notula belum terbit)</span>`}</p>`;
}

function place(r: TrackerRow): string {
  return [r.rtRw ? `RT/RW ${r.rtRw}` : null, r.desa, `Kec. ${r.kecamatan}`].filter(Boolean).join(', ');
}

type Children = ReadonlyMap<string, readonly TrackerRow[]>;

/** A merged duplicate under its target: what it said, when it was merged, and what was merged into it before. */
function merged(r: TrackerRow, children: Children, timeZone: string): Html {
  return html`<div class="gabung" id="u-${r.id}"><h3>${r.usulan}</h3><p class="meta muted">${place(r)}</p>${episodeLine(r)}${history(r, timeZone, r.digabungKe)}${(children.get(r.id) ?? []).map((c) => merged(c, children, timeZone))}</div>`;
}

function card(r: TrackerRow, children: Children, timeZone: string): Html {
  const mine = children.get(r.id) ?? [];
  return html`<article class="u" id="u-${r.id}"><p class="meta">${badge(r.status)} <span class="muted">${r.dimensi}</span></p><h2>${r.usulan}</h2><p class="meta">${place(r)}</p><p class="meta">Permasalahan: ${r.permasalahan}</p><p class="meta"><strong>${r.dukungan}</strong> dukungan</p>${episodeLine(r)}${history(r, timeZone)}${mine.length ? html`<p class="meta">Usulan serupa yang digabung ke sini:</p>${mine.map((c) => merged(c, children, timeZone))}` : ''}</article>`;
}

function pager(query: TrackerQuery, at: number, pages: number): Html {
  if (pages <= 1) return html``;
  const base = queryString(query);
  const link = (n: number) => `/usulan${base}${base ? '&' : '?'}halaman=${n}`;
  return html`<nav class="hal" aria-label="Halaman">${at > 1 ? html`<a href="${link(at - 1)}">‹ Sebelumnya</a>` : ''}<span>Halaman ${at} dari ${pages}</span>${at < pages ? html`<a href="${link(at + 1)}">Berikutnya ›</a>` : ''}</nav>`;
}

export function trackerPage(p: TrackerPageInput): string {
  const q = p.query;
  // A merged usulan sits under its target when that is listed too; otherwise it is a card of its own.
  const shown = new Set(p.rows.map((r) => r.id));
  const children = new Map<string, TrackerRow[]>();
  const top: TrackerRow[] = [];
  for (const r of p.rows) {
    if (r.digabungKe && shown.has(r.digabungKe) && r.digabungKe !== r.id) (children.get(r.digabungKe) ?? children.set(r.digabungKe, []).get(r.digabungKe)!).push(r);
    else top.push(r);
  }
  const pages = Math.max(1, Math.ceil(top.length / PER_PAGE));
  const at = Math.min(p.page, pages);
  const slice = top.slice((at - 1) * PER_PAGE, at * PER_PAGE);
  const counts = p.choices.statuses.map((s) => ({ s, n: p.all.filter((r) => r.status === s.code).length })).filter((c) => c.n > 0);
  const filtered = q.kecamatan !== null || q.dimensi !== null || q.status !== null;
  const qs = queryString(q);
  const form = html`<form class="saring" method="get" action="/usulan" role="search">${selectOf('kecamatan', 'Kecamatan', p.choices.kecamatan, q.kecamatan)}${selectOf('dimensi', 'Dimensi', p.choices.dimensions, q.dimensi)}${selectOf('status', 'Status', p.choices.statuses, q.status)}<button type="submit">Saring</button></form>`;
  const summary = p.all.length === 0
    ? html`<p>Belum ada usulan.</p>`
    : html`<p class="muted">${filtered ? html`${p.rows.length} dari ${p.all.length} usulan cocok. <a href="/usulan">Tampilkan semua</a>` : html`${p.all.length} usulan: ${counts.map((c, i) => html`${i ? ' · ' : ''}${c.n} ${c.s.name.toLocaleLowerCase('id-ID')}`)}`}</p>`;
  const body = html`<h1>Usulan warga</h1><p>Usulan yang disampaikan pendengar ${p.station.name} untuk musrenbang, dan apa yang terjadi dengannya: ditinjau perencana, diteruskan ke musrenbang, atau ditolak dengan alasannya. Nama dan nomor telepon pengusul tidak pernah ditampilkan.</p>${p.problem ? html`<p class="problem" role="alert">${p.problem}</p>` : ''}${form}${summary}<p class="meta">Unduh data ini: <a href="${TRACKER_FILES.csv}${qs}">CSV</a> · <a href="${TRACKER_FILES.json}${qs}">JSON</a> · <a href="${TRACKER_FILES.dictionary}">kamus data</a></p>${slice.map((r) => card(r, children, p.timeZone))}${pager(p.query, at, pages)}`;
  return publicPage({ title: 'Usulan warga', station: p.station, section: 'usulan', css: CSS, body });
}
