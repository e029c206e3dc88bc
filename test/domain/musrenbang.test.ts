import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { submitAspiration, supportAspiration } from '../../server/domain/aspiration.ts';
import { columnsFor, displayPhone, musrenbangCsv, musrenbangJson, musrenbangMarkdown, musrenbangRows } from '../../server/domain/musrenbang.ts';
import type { MusrenbangRow } from '../../server/domain/musrenbang.ts';
import { deskView } from '../../server/domain/planner.ts';
import type { Aspiration } from '../../server/contract/types.ts';
import { listener, liveEpisode, makeCtx, unwrap } from './fixtures.ts';
import { DESA_B1, FORMULAS, KEC_B, testDistrict, usulan } from './planning-fixtures.ts';


function rows(personal = true) {
  const ctx = makeCtx();
  const district = testDistrict();
  const e = liveEpisode(ctx);
  const list: Aspiration[] = [];
  const add = (o: object) => unwrap(submitAspiration(list, district, e, listener(`L-${list.length}`), usulan(o), ctx));
  add({ text: 'Jembatan "gantung", ke sekolah; lewat sungai', problem: 'Anak-anak\nmenyeberang', rtRw: '3/5', name: 'Bu Tati', phone: '081234567890', consent: true });
  for (const f of FORMULAS) add({ text: f, problem: f, kecamatan: KEC_B, desa: DESA_B1 });
  add({ text: 'Tanpa kontak: é – ü', problem: 'Ejaan lama: Tjilatjap' });
  unwrap(supportAspiration(list, listener('V'), list[0]!.id));
  return { rows: musrenbangRows(list.map((a) => deskView(a, district, () => e)), personal), district, e };
}

describe('musrenbang rows', () => {
  it('carry the e-musrenbang fields, empty columns for the planner, and contact only where consented', () => {
    const { rows: r, e } = rows();
    expect(r[0]).toEqual({
      no: 1, usulan: 'Jembatan "gantung", ke sekolah; lewat sungai', permasalahan: 'Anak-anak menyeberang', dimensi: 'Smart Living',
      kecamatan: 'Sukamaju', kodeKecamatan: '98.02.01', desaKelurahan: 'Mekarjaya', kodeDesaKelurahan: '98.02.01.2001', rtRw: 'RT 003/RW 005',
      dukungan: 1, status: 'Baru', alasanDitolak: null, sumberEpisode: `${e.series} Eps. 7: ${e.title}`, tanggalEpisode: '2024-05-04',
      volume: null, satuan: null, perkiraanBiaya: null, opdTujuan: null, namaPengusul: 'Bu Tati', teleponPengusul: '0812-3456-7890', idUsulan: r[0]!.idUsulan,
    });
    expect(r.at(-1)).toMatchObject({ namaPengusul: null, teleponPengusul: null });
    expect(rows(false).rows[0]).not.toHaveProperty('namaPengusul');
    expect(displayPhone('0274512345')).toBe('0274-5123-45');
  });
});

describe('musrenbangCsv', () => {
  it('starts with a UTF-8 byte order mark and parses back to the same rows', () => {
    const { rows: r } = rows();
    const csv = musrenbangCsv(r, { personal: true });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const back = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(back[0]!)).toEqual(columnsFor(true).map(([, h]) => h));
    expect(back).toHaveLength(r.length);
    back.forEach((cells, i) => {
      const row = r[i]!;
      for (const [key, header] of columnsFor(true)) {
        const value = row[key as keyof MusrenbangRow];
        expect(cells[header]).toBe(inert(value === null || value === undefined ? '' : String(value)));
      }
    });
    expect(back.at(-1)!['Usulan']).toBe('Tanpa kontak: é – ü');
  });

  it('makes every formula payload inert: a leading apostrophe, so the cell is text', () => {
    const csv = musrenbangCsv(rows().rows, { personal: true });
    const back = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    for (const cell of back.flatMap((r) => Object.values(r))) expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
    for (const f of FORMULAS) expect(back.some((r) => r['Usulan'] === `'${f}`)).toBe(true);
  });

  it('leaves personal columns out on request, and writes semicolons for Indonesian Excel', () => {
    const { rows: r } = rows(false);
    const csv = musrenbangCsv(r, { personal: false, delimiter: ';' });
    expect(csv).not.toMatch(/Bu Tati|0812|Nama Pengusul/);
    const back = parse(csv, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(back[0]!['Usulan']).toBe('Jembatan "gantung", ke sekolah; lewat sungai');
    expect(back[0]!['Volume']).toBe('');
  });
});

describe('musrenbangJson and musrenbangMarkdown', () => {
  it('JSON keeps nulls for the planner columns and the district', () => {
    const { rows: r, district } = rows();
    const doc = JSON.parse(musrenbangJson(r, district, { personal: true, now: '2024-05-06T01:00:00.000Z' }));
    expect(doc.kabupaten).toEqual({ nama: 'Kabupaten Lembah Hijau', kode: '98.02' });
    expect(doc.jumlah).toBe(r.length);
    expect(doc.usulan[0]).toMatchObject({ volume: null, satuan: null, perkiraanBiaya: null, opdTujuan: null, namaPengusul: 'Bu Tati' });
  });

  it('Markdown escapes listener text and shows contact only when asked', () => {
    const { rows: r, district } = rows();
    const md = musrenbangMarkdown(r, district, { personal: true, now: '2024-05-06T01:00:00.000Z', timeZone: 'Asia/Jakarta' });
    expect(md).toContain('# USULAN WARGA UNTUK MUSRENBANG KABUPATEN LEMBAH HIJAU');
    expect(md).toContain('Diekspor Senin, 6 Mei 2024 (08.00 WIB).');
    expect(md).toContain('## Smart Living');
    expect(md).toContain('| Pengusul (bersedia dihubungi) | Bu Tati, 0812-3456-7890 |');
    expect(md).toContain('### 4\\. \\@SUM(1+1)');
    expect(md).not.toMatch(/^### \d+\. [=@]/m);
    const without = musrenbangMarkdown(rows(false).rows, district, { personal: false, now: '2024-05-06T01:00:00.000Z', timeZone: 'Asia/Jakarta' });
    expect(without).not.toMatch(/Bu Tati|0812/);
  });
});

/** What csv-stringify's escape_formulas makes of a value. */
function inert(s: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) ? `'${s}` : s;
}
