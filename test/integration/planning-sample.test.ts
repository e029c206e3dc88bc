// The sample a newcomer meets on the planner's desk: a district, and the usulan of the
// finished sample show, one merged duplicate and one rejected advert among them.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { api, signIn } from '../support/server.ts';
import { runningServer } from '../support/integration.ts';

describe('the sample on the planner\'s desk', () => {
  const server = runningServer();

  it('ships an invented district with the six national dimensions', async () => {
    const r = await api(server.url, '/api/district');
    expect(r.json.district.name).toBe('Kabupaten Giriwangi (contoh)');
    expect(r.json.counts).toEqual({ dimensions: 6, kecamatan: 3, desa: 9 });
  });

  it('shows the sample show\'s usulan, sorted by support, with counts per dimension and kecamatan', async () => {
    const cookie = await signIn(server.url);
    const desk = (await api(server.url, '/api/aspirations', { cookie })).json;
    expect(desk.aspirations.map((a: { text: string; supports: number; status: string }) => [a.supports, a.status, a.text])).toEqual([
      [15, 'baru', 'Sumur bor untuk Dusun Krajan'],
      [14, 'baru', 'Jaringan pipa air bersih sampai Dusun Watugede'],
      [6, 'baru', 'Penampungan air hujan (PAH) untuk warga Kaliwening'],
      [5, 'baru', 'Penampungan air hujan komunal di setiap RW'],
      [4, 'ditinjau', 'Jadwal distribusi air tangki diumumkan lewat radio dan SMS'],
      [4, 'diteruskan', 'Pelatihan BUMDes untuk mengelola sarana air bersih desa'],
      [1, 'ditolak', 'Jual pompa air murah, hubungi kami'],
    ]);
    expect(desk.counts.byDimension.map((d: { name: string; count: number }) => [d.name, d.count])).toEqual([
      ['Smart Governance', 1], ['Smart Branding', 0], ['Smart Economy', 2], ['Smart Living', 2], ['Smart Society', 0], ['Smart Environment', 2],
    ]);
    expect(desk.counts.byKecamatan.map((k: { name: string; count: number }) => [k.name, k.count])).toEqual([['Kaliwening', 3], ['Girimulyo', 1], ['Lerengsari', 3]]);
    const csv = parse((await api(server.url, '/api/aspirations/export.csv?status=baru,ditinjau,diteruskan', { cookie })).text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(csv).toHaveLength(6);
    expect(csv[1]).toMatchObject({ 'Nama Pengusul': 'Sri', 'Telepon Pengusul': '0812-0000-0001', 'RT/RW': 'RT 002/RW 004' });
    const md = (await api(server.url, '/api/episodes/sample-finished-07/notula.md')).text;
    expect(md).toContain('- Sangat Puas: 79% (11 suara)\n- Puas: 7% (1 suara)\n- Cukup Puas: 0% (0 suara)\n- Tidak Puas: 14% (2 suara)');
    expect(md).not.toContain('0812-0000-0001');
  });
});
