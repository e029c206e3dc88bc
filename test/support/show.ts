import { api, must, signIn, staffSocket } from './client.ts';
import type { Client } from './client.ts';

export const SHOW_EPISODE = {
  series: 'OBROLAN PAGI – Warga Bertanya, Pemerintah Menjawab',
  partners: 'Karang Taruna Mekarsari x Radio Swara Kali FM',
  number: 12,
  title: 'Sampah pasar dan bank sampah desa',
  place: 'Studio Radio Swara Kali FM',
  startsAt: '2026-10-03T12:00:00.000Z',
  timeZone: 'Asia/Jakarta',
  endsAt: null,
  recordingUrl: 'https://example.org/rekaman/obrolan-pagi-12',
  hosts: ['Nur Aini', "Yohanes O'Neil Sitompul"],
  speakers: [
    { fullName: 'Drs. Haryanto Wibisono, M.Si.', shortName: 'Pak Haryanto', position: 'Kepala Bidang Persampahan', agency: 'Dinas Lingkungan Hidup' },
    { fullName: 'Lestari Handayani, S.E.', shortName: 'Bu Lestari', position: 'Ketua', agency: 'Bank Sampah "Resik Makmur"' },
  ],
  premoderation: true,
};

export interface Crew {
  admin: string;
  host: Client;
  screener: Client;
  notulis: Client;
  hostCookie: string;
  notulisCookie: string;
  screenerCookie: string;
}

/** Signs in the admin, creates a host, screener and notulis, and connects their sockets. */
export async function crew(url: string): Promise<Crew> {
  const admin = await signIn(url);
  const cookies: Record<string, string> = {};
  for (const role of ['host', 'screener', 'notulis'] as const) {
    const r = await api(url, '/api/staff', { method: 'POST', cookie: admin, body: { username: role, name: `Petugas ${role}`, role, password: `sandi-${role}-123` } });
    if (r.status !== 201) throw new Error(`create ${role}: ${r.text}`);
    cookies[role] = await signIn(url, role, `sandi-${role}-123`);
  }
  return {
    admin,
    host: await staffSocket(url, cookies.host!),
    screener: await staffSocket(url, cookies.screener!),
    notulis: await staffSocket(url, cookies.notulis!),
    hostCookie: cookies.host!,
    screenerCookie: cookies.screener!,
    notulisCookie: cookies.notulis!,
  };
}

export async function createLiveEpisode(url: string, cookie: string, input: object = SHOW_EPISODE): Promise<{ id: string; code: string }> {
  const created = await api(url, '/api/episodes', { method: 'POST', cookie, body: input });
  if (created.status !== 201) throw new Error(`create episode: ${created.text}`);
  const started = await api(url, `/api/episodes/${created.json.episode.id}/start`, { method: 'POST', cookie });
  if (started.status !== 200) throw new Error(`start: ${started.text}`);
  return { id: created.json.episode.id, code: created.json.episode.code };
}

export async function joinStaff(socket: Client, episodeId: string) {
  return must(socket, 'episode:join', { episodeId, as: 'staff' });
}
