// The open-data page at /data: which files the station publishes, where, under which licence,
// and the data dictionary of the usulan files, generated from TRACKER_COLUMNS (the list the
// CSV header and the JSON keys come from), so the page cannot drift from the files.
import { html } from './html.ts';
import { publicPage } from './layout.ts';
import { TRACKER_COLUMNS } from '../domain/tracker.ts';
import type { TrackerChoices } from '../domain/tracker.ts';
import { TRACKER_FILES } from '../domain/tracker-data.ts';
import { LICENSES } from '../contract/station.ts';
import type { Station } from '../contract/station.ts';

const CSS = `header.site nav{flex-wrap:wrap;gap:.1rem .9rem}header.site nav a{white-space:nowrap}
dl.sets dt{font-weight:700;margin-top:.75rem}dl.sets dd{margin:0 0 0 1rem}code{overflow-wrap:anywhere}
table.kamus td:first-child{white-space:nowrap}`;

export function dataPage(p: { station: Station; choices: TrackerChoices }): string {
  const licence = LICENSES[p.station.license];
  const codes = (list: { code: string; name: string }[]) => list.map((c, i) => html`${i ? ', ' : ''}<code>${c.code}</code> (${c.name})`);
  const body = html`<h1>Data terbuka</h1>
<p>${p.station.name} menerbitkan notula siaran dan usulan warga sebagai data terbuka, dengan lisensi ${licence ? html`<a href="${licence.url}">${licence.title}</a>` : p.station.license} (<code>${p.station.license}</code>). Tidak ada nama, nomor telepon, atau data pribadi pendengar di dalamnya.</p>
<h2>Daftar data</h2>
<dl class="sets">
<dt>Usulan warga</dt><dd>Setiap usulan pendengar untuk musrenbang dengan dimensi, wilayah, dukungan, episode asal, dan riwayat statusnya. <a href="${TRACKER_FILES.csv}">${TRACKER_FILES.csv}</a> (CSV, UTF-8 dengan BOM, dipisah koma) · <a href="${TRACKER_FILES.json}">${TRACKER_FILES.json}</a> (JSON) · tampilan: <a href="/usulan">/usulan</a></dd>
<dt>Notula siaran</dt><dd>Satu catatan per episode yang sudah terbit. <a href="/data/notula.json">/data/notula.json</a> (JSON)</dd>
<dt>Umpan notula</dt><dd>Notula baru begitu terbit, untuk pembaca umpan. <a href="/arsip/feed.atom">/arsip/feed.atom</a> (Atom)</dd>
<dt>Katalog</dt><dd>Katalog DCAT (gaya DCAT-AP) untuk dipanen portal CKAN seperti Satu Data Indonesia. <a href="/data/catalog.jsonld">/data/catalog.jsonld</a> (JSON-LD)</dd>
</dl>
<h2>Saringan berkas usulan</h2>
<p>Berkas CSV dan JSON menerima saringan yang sama dengan halaman <a href="/usulan">/usulan</a>, mis. <code>${TRACKER_FILES.csv}?status=diteruskan</code>. Nilai yang tidak dikenal dijawab dengan status 400 dan pesan kesalahan.</p>
<ul><li><code>kecamatan</code>: kode kecamatan — ${codes(p.choices.kecamatan)}</li><li><code>dimensi</code>: kode dimensi — ${codes(p.choices.dimensions)}</li><li><code>status</code>: ${codes(p.choices.statuses)}</li></ul>
<h2>Kamus data usulan</h2>
<p>Kolom berkas CSV (baris judul) dan kunci tiap usulan di JSON, dalam urutan ini:</p>
<table class="kamus"><thead><tr><th>Kolom</th><th>Tipe</th><th>Boleh kosong</th><th>Arti</th></tr></thead><tbody>${TRACKER_COLUMNS.map((c) => html`<tr><td><code>${c.name}</code></td><td>${c.type}</td><td>${c.nullable ? 'ya' : 'tidak'}</td><td>${c.meaning}</td></tr>`)}</tbody></table>`;
  return publicPage({ title: 'Data terbuka', station: p.station, section: 'data', css: CSS, body });
}
