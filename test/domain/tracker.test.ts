// The public usulan tracker's rows, filters and files (issue 12): every usulan with its status
// history, and never a name, phone, contact, listener id, staff name or planner note — planted
// in every field of an usulan and looked for in the rows, the CSV, the JSON and the page.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  addAspirationNote, enterAspiration, mergeAspirations, setAspirationStatus, submitAspiration, supportAspiration,
} from '../../server/domain/aspiration.ts';
import { endEpisode } from '../../server/domain/episode.ts';
import { published } from '../../server/domain/archive.ts';
import { publicPath } from '../../server/contract/public-path.ts';
import {
  EMAIL_MASK, EMPTY_TRACKER_QUERY, filterTracker, maskContact, parseTrackerQuery, PHONE_MASK, queryString, TRACKER_COLUMNS, trackerChoices, trackerRows,
} from '../../server/domain/tracker.ts';
import { historyText, trackerCsv, trackerJson } from '../../server/domain/tracker-data.ts';
import { trackerPage } from '../../server/public/tracker-page.ts';
import { dataPage } from '../../server/public/data-page.ts';
import type { Aspiration } from '../../server/contract/types.ts';
import { host, listener, liveEpisode, makeCtx, planner, screener, unwrap } from './fixtures.ts';
import { DESA_B1, FORMULAS, KEC_A, KEC_B, testDistrict, usulan } from './planning-fixtures.ts';

const STATION = { name: 'Radio Swara Lembah', license: 'CC-BY-4.0' };

/** What must never reach the public: planted below in every field that holds it. */
const PII = [
  'Budi Rahasiawan', '0812-9876-5432', '081298765432', '9876', 'L-RAHASIA', 'L-PENDUKUNG', 'Catatan rahasia perencana',
  'Petugas planner', 'staff-planner', 'Petugas screener', 'staff-screener', 'Sri Rahasiani', '0857-1111-2222', '085711112222', '1111',
  '3456 7890', '34567890', 'budi@contoh.id', '6281355554444', '5555', 'consentAt', 'submittedBy', 'supporters', 'contact',
];

function world() {
  const ctx = makeCtx();
  const district = testDistrict();
  const shown = liveEpisode(ctx, { number: 7, title: 'Air Bersih untuk Dusun Atas' });
  const later = liveEpisode(ctx, { number: 8, title: 'Jalan Desa' });
  const list: Aspiration[] = [];
  ctx.tick();
  // A listener's usulan with consented contact, and a phone and e-mail typed into its text.
  const jalan = unwrap(submitAspiration(list, district, shown, listener('L-RAHASIA-1'), usulan({
    text: 'Perbaikan jalan ke pasar, hubungi 0812 3456 7890 atau budi@contoh.id',
    problem: 'Jalan berlubang; WA saya +62 813-5555-4444 ya',
    name: 'Budi Rahasiawan', phone: '0812-9876-5432', consent: true, rtRw: '3/5',
  }), ctx));
  ctx.tick();
  const dup = unwrap(submitAspiration(list, district, shown, listener('L-RAHASIA-2'), usulan({ text: 'Jalan pasar diperbaiki' }), ctx));
  ctx.tick();
  // Typed in by the screener from a phone call, with the caller's contact.
  const iklan = unwrap(enterAspiration(list, district, shown, screener, {
    ...usulan({ text: FORMULAS[0]!, problem: 'Promo', dimension: 'economy', kecamatan: KEC_B, desa: DESA_B1 }),
    channel: 'phone', name: 'Sri Rahasiani', phone: '0857-1111-2222', consent: true,
  }, ctx));
  ctx.tick();
  const xss = unwrap(submitAspiration(list, district, later, listener('L-RAHASIA-3'), usulan({ text: '<img src=x onerror=alert(1)>', dimension: 'governance' }), ctx));
  for (const who of ['L-PENDUKUNG-1', 'L-PENDUKUNG-2']) unwrap(supportAspiration(list, listener(who), jalan.id));
  unwrap(supportAspiration(list, listener('L-PENDUKUNG-3'), dup.id));
  ctx.tick(3600);
  unwrap(mergeAspirations(list, planner, [dup.id], jalan.id, ctx));
  ctx.tick();
  unwrap(setAspirationStatus(list, planner, [iklan.id], 'ditolak', 'Iklan, nomor 6281355554444 bukan usulan', ctx));
  unwrap(addAspirationNote(list, planner, jalan.id, 'Catatan rahasia perencana', ctx));
  ctx.tick();
  unwrap(setAspirationStatus(list, planner, [xss.id], 'ditinjau', null, ctx));
  ctx.tick();
  unwrap(setAspirationStatus(list, planner, [xss.id], 'diteruskan', null, ctx));
  unwrap(endEpisode(shown, host, ctx));
  const episodes = [shown, later];
  return { ctx, district, list, episodes, shown, later, jalan, dup, iklan, xss, rows: trackerRows(list, district, episodes) };
}

function expectNoPii(text: string, where: string): void {
  for (const p of PII) expect(text, `${where} holds "${p}"`).not.toContain(p);
}

describe('maskContact', () => {
  it('masks Indonesian mobile numbers however they are typed, and e-mail addresses', () => {
    for (const phone of ['0812 3456 7890', '0812-3456-7890', '081234567890', '+62 812-3456-7890', '+6281234567', '6281234567890', '0812.3456.789', '0 8123 456 789']) {
      expect(maskContact(`telp ${phone} ya`), phone).toBe(`telp ${PHONE_MASK} ya`);
    }
    expect(maskContact('surel budi.santoso+rt3@desa-maju.go.id.')).toBe(`surel ${EMAIL_MASK}.`);
    // Not numbers to hide: a short code, money, a region code, RT/RW, a year.
    for (const keep of ['08123456', 'Rp 15.000.000', '33.07.01.2001', 'RT 003/005', 'tahun 2026', 'jarak 2 km', '021 555 1234']) {
      expect(maskContact(keep), keep).toBe(keep);
    }
  });
});

describe('trackerRows', () => {
  it('lists every usulan with place, support, episode and the public columns only', () => {
    const w = world();
    expect(w.rows).toHaveLength(4);
    for (const r of w.rows) expect(Object.keys(r)).toEqual(TRACKER_COLUMNS.map((c) => c.name));
    const jalan = w.rows.find((r) => r.id === w.jalan.id)!;
    expect(jalan).toMatchObject({
      dimensiKode: 'living', dimensi: 'Smart Living', kecamatanKode: KEC_A, kecamatan: 'Sukamaju', desa: 'Mekarjaya', rtRw: '003/005',
      dukungan: 3, saluran: 'web', status: 'baru', statusLabel: 'Baru', episodeNomor: 7, episodeJudul: 'Air Bersih untuk Dusun Atas',
      episodeAlamat: publicPath(w.shown, published(w.episodes)),
    });
    // Most supported first.
    expect(w.rows[0]!.id).toBe(w.jalan.id);
    // The later episode is still live: named, not linked.
    const xss = w.rows.find((r) => r.id === w.xss.id)!;
    expect(xss.episodeJudul).toBe('Jalan Desa');
    expect(xss.episodeAlamat).toBeNull();
    // An usulan whose episode is gone keeps its row.
    expect(trackerRows(w.list, w.district, [w.later]).find((r) => r.id === w.jalan.id)).toMatchObject({ episodeJudul: null, episodeAlamat: null, episodeSeri: null });
  });

  it('carries the status history: rejected with its reason, merged pointing at its target, forwarded via review', () => {
    const w = world();
    const by = (id: string) => w.rows.find((r) => r.id === id)!;
    expect(by(w.jalan.id).riwayat.map((s) => s.status)).toEqual(['baru']);
    expect(by(w.iklan.id)).toMatchObject({ status: 'ditolak', alasanDitolak: `Iklan, nomor ${PHONE_MASK} bukan usulan` });
    expect(by(w.iklan.id).riwayat.at(-1)).toEqual({ waktu: w.iklan.updatedAt, status: 'ditolak', alasan: `Iklan, nomor ${PHONE_MASK} bukan usulan`, digabungKe: null });
    expect(by(w.dup.id)).toMatchObject({ status: 'digabung', digabungKe: w.jalan.id, dukungan: 0 });
    expect(by(w.dup.id).riwayat.at(-1)).toMatchObject({ status: 'digabung', digabungKe: w.jalan.id, alasan: null });
    expect(by(w.xss.id).riwayat.map((s) => s.status)).toEqual(['baru', 'ditinjau', 'diteruskan']);
    expect(by(w.xss.id).diperbarui).toBe(by(w.xss.id).riwayat.at(-1)!.waktu);
    expect(historyText(by(w.dup.id).riwayat)).toBe(`${w.dup.createdAt} baru | ${w.dup.updatedAt} digabung → ${w.jalan.id}`);
  });

  it('masks phones and e-mails in the text and problem, and holds no planted personal data anywhere', () => {
    const w = world();
    const jalan = w.rows.find((r) => r.id === w.jalan.id)!;
    expect(jalan.usulan).toBe(`Perbaikan jalan ke pasar, hubungi ${PHONE_MASK} atau ${EMAIL_MASK}`);
    expect(jalan.permasalahan).toBe(`Jalan berlubang; WA saya ${PHONE_MASK} ya`);
    // The planted data is really in the store: the test would catch a leak.
    const raw = JSON.stringify(w.list);
    for (const p of ['Budi Rahasiawan', '081298765432', 'L-PENDUKUNG-1', 'Catatan rahasia perencana', 'budi@contoh.id']) expect(raw).toContain(p);
    expectNoPii(JSON.stringify(w.rows), 'rows');
    expectNoPii(trackerCsv(w.rows, 'https://radio.example.id'), 'CSV');
    expectNoPii(trackerJson(w.rows, { station: STATION, district: w.district, query: EMPTY_TRACKER_QUERY, origin: null }), 'JSON');
    const choices = trackerChoices(w.rows, w.district);
    expectNoPii(trackerPage({ station: STATION, rows: w.rows, all: w.rows, choices, query: EMPTY_TRACKER_QUERY, page: 1, timeZone: 'Asia/Jakarta' }), 'page');
  });
});

describe('the tracker files and page', () => {
  it('writes a CSV whose header is the column list, with a BOM, formula-inert text and absolute episode links', () => {
    const w = world();
    const csv = trackerCsv(w.rows, 'https://radio.example.id');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(TRACKER_COLUMNS.map((c) => c.name));
    expect(records).toHaveLength(w.rows.length);
    const iklan = records.find((r) => r.id === w.iklan.id)!;
    expect(iklan.usulan).toBe(`'${FORMULAS[0]}`);
    expect(iklan.alasanDitolak).toBe(`Iklan, nomor ${PHONE_MASK} bukan usulan`);
    const jalan = records.find((r) => r.id === w.jalan.id)!;
    expect(jalan.episodeAlamat).toBe(`https://radio.example.id${publicPath(w.shown, published(w.episodes))}`);
    expect(jalan.dukungan).toBe('3');
    expect(records.find((r) => r.id === w.xss.id)!.episodeAlamat).toBe('');
  });

  it('writes JSON with the same rows, keys in column order, the columns described and the licence', () => {
    const w = world();
    const doc = JSON.parse(trackerJson(w.rows, { station: STATION, district: w.district, query: { ...EMPTY_TRACKER_QUERY, status: 'baru' }, origin: null }));
    expect(doc.kolom.map((c: { nama: string }) => c.nama)).toEqual(TRACKER_COLUMNS.map((c) => c.name));
    expect(doc.usulan).toEqual(JSON.parse(JSON.stringify(w.rows)));
    expect(doc).toMatchObject({ penerbit: STATION.name, lisensi: { kode: 'CC-BY-4.0' }, kabupaten: { kode: '98.02' }, jumlah: 4, saringan: { status: 'baru' } });
    expect(doc.diperbarui).toBe(w.rows.map((r) => r.diperbarui).sort().at(-1));
  });

  it('renders listener text as text, nests a merged usulan under its target, and links the published episode', () => {
    const w = world();
    const choices = trackerChoices(w.rows, w.district);
    const page = trackerPage({ station: STATION, rows: w.rows, all: w.rows, choices, query: EMPTY_TRACKER_QUERY, page: 1, timeZone: 'Asia/Jakarta' });
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const card = page.slice(page.indexOf(`<article class="u" id="u-${w.jalan.id}"`));
    const end = card.indexOf('</article>');
    expect(card.indexOf(`<div class="gabung" id="u-${w.dup.id}"`)).toBeGreaterThan(0);
    expect(card.indexOf(`<div class="gabung" id="u-${w.dup.id}"`)).toBeLessThan(end);
    expect(page.match(/<article /g)).toHaveLength(3);
    expect(card.slice(0, end)).toContain(`href="${publicPath(w.shown, published(w.episodes))}"`);
    // Dates as the archive prints them, on the district's clock.
    expect(page).toMatch(/<time datetime="2019-03-16T\d\d:\d\d:\d\d\.000Z">Sabtu, 16 Maret 2019 \d\d\.\d\d WIB<\/time>/);
    expect(page).toContain('alasan: Iklan, nomor [nomor disamarkan] bukan usulan');
    // The dictionary page's table comes from the column list.
    const dict = dataPage({ station: STATION, choices });
    for (const c of TRACKER_COLUMNS) expect(dict).toContain(`<td><code>${c.name}</code></td><td>${c.type}</td>`);
    for (const href of ['/data/usulan.csv', '/data/usulan.json', '/data/notula.json', '/arsip/feed.atom', '/data/catalog.jsonld']) expect(dict).toContain(`href="${href}"`);
  });
});

describe('tracker filters', () => {
  it('accepts the known kecamatan, dimension and status, empty as all, and filters by them', () => {
    const w = world();
    const choices = trackerChoices(w.rows, w.district);
    const ok = (raw: Record<string, unknown>) => {
      const r = parseTrackerQuery(raw, choices);
      if (!r.ok) throw new Error(r.message);
      return filterTracker(w.rows, r.query).map((x) => x.id).sort();
    };
    expect(ok({})).toHaveLength(4);
    expect(ok({ kecamatan: '', dimensi: '', status: '' })).toHaveLength(4);
    expect(ok({ kecamatan: KEC_B })).toEqual([w.iklan.id]);
    expect(ok({ dimensi: 'governance' })).toEqual([w.xss.id]);
    expect(ok({ status: 'digabung' })).toEqual([w.dup.id]);
    expect(ok({ kecamatan: KEC_A, dimensi: 'living', status: 'baru' })).toEqual([w.jalan.id]);
    expect(queryString({ kecamatan: KEC_A, dimensi: null, status: 'baru' })).toBe(`?kecamatan=${KEC_A}&status=baru`);
  });

  it('refuses unknown values, unknown keys and repeated keys with an Indonesian sentence', () => {
    const w = world();
    const choices = trackerChoices(w.rows, w.district);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kecamatan: '99.99.99' }, 'Kecamatan itu tidak ada'],
      [{ kecamatan: '../../etc/passwd' }, 'Kecamatan itu tidak ada'],
      [{ dimensi: 'smart' }, 'Dimensi itu tidak dikenal'],
      [{ status: 'selesai' }, 'Status itu tidak dikenal'],
      [{ status: ['baru', 'ditolak'] }, 'hanya boleh diisi sekali'],
      [{ status: { a: 1 } }, 'hanya boleh diisi sekali'],
      [{ urut: 'baru' }, 'Saringan "urut" tidak dikenal'],
    ];
    for (const [raw, message] of cases) {
      const r = parseTrackerQuery(raw, choices);
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) expect(r.message).toContain(message);
    }
  });

  it('offers a former district\'s kecamatan that an usulan still names', () => {
    const w = world();
    const moved = { ...w.district, kecamatan: w.district.kecamatan.slice(1), former: [{ name: 'Lama', code: '98.02', dimensions: [], kecamatan: [w.district.kecamatan[0]!] }] };
    const rows = trackerRows(w.list, moved, w.episodes);
    const choices = trackerChoices(rows, moved);
    expect(choices.kecamatan.map((k) => k.name)).toEqual(['Karangsari', 'Sukamaju']);
    expect(parseTrackerQuery({ kecamatan: KEC_A }, choices).ok).toBe(true);
  });
});
