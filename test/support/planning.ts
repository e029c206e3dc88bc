// Helpers for the aspiration, poll and district tests: an invented district, a planner.
import { api, signIn } from './server.ts';

/** Region CSV as a spreadsheet would save it: byte order mark, semicolons, CRLF. */
export const REGIONS_CSV = [
  '\uFEFFkode;nama',
  '98.02.01;Sukamaju',
  '98.02.01.1001;Pasirlaya',
  '98.02.01.2001;Mekarjaya',
  '98.02.02;Karangsari',
  '98.02.02.2001;Cibening',
  '98.02.02.2002;Kadumanis',
].join('\r\n');

export const PLACE = {
  sukamaju: '98.02.01', pasirlaya: '98.02.01.1001', mekarjaya: '98.02.01.2001',
  karangsari: '98.02.02', cibening: '98.02.02.2001', kadumanis: '98.02.02.2002',
};

/** Names the district, adds a seventh dimension, then imports the regions from CSV. */
export async function setupDistrict(url: string, adminCookie: string): Promise<void> {
  const put = await api(url, '/api/district', {
    method: 'PUT', cookie: adminCookie,
    body: {
      name: 'Kabupaten Lembah Hijau', code: '98.02', timeZone: 'Asia/Jakarta', kecamatan: [],
      dimensions: ['Governance', 'Branding', 'Economy', 'Living', 'Society', 'Environment', 'Culture'].map((n) => ({ name: `Smart ${n}` })),
    },
  });
  if (put.status !== 200) throw new Error(`district: ${put.text}`);
  const csv = await api(url, '/api/district/regions', { method: 'POST', cookie: adminCookie, body: REGIONS_CSV, headers: { 'content-type': 'text/csv' } });
  if (csv.status !== 200) throw new Error(`regions: ${csv.text}`);
}

export async function plannerCookie(url: string, adminCookie: string): Promise<string> {
  const r = await api(url, '/api/staff', { method: 'POST', cookie: adminCookie, body: { username: 'perencana', name: 'Perencana BAPPEDA', role: 'planner', password: 'sandi-perencana-1' } });
  if (r.status !== 201) throw new Error(`planner: ${r.text}`);
  return signIn(url, 'perencana', 'sandi-perencana-1');
}

/** Generous limits: these tests send many events from one listener on purpose. */
export const RELAXED_LIMITS = { listener: { points: 10_000, seconds: 10 }, staff: { points: 10_000, seconds: 10 } };
