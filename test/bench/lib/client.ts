// HTTP and socket helpers for the orchestrator: the tests' client helpers (no server code in
// them; the bench only talks to a server process) with the bench's own admin password.
import { signIn as signInAs } from '../../support/client.ts';
import { createLiveEpisode as createEpisodeLive } from '../../support/show.ts';

export { api, call, must, staffSocket } from '../../support/client.ts';
export type { Client } from '../../support/client.ts';
export const ADMIN_PASSWORD = 'rahasia-admin-bench-123';

export function signIn(url: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  return signInAs(url, username, password);
}

export const SHOW = {
  series: 'OBROLAN PAGI – Warga Bertanya, Pemerintah Menjawab',
  partners: 'Karang Taruna Mekarsari x Radio Swara Kali FM',
  number: 12,
  title: 'Anggaran desa dan jalan rusak',
  place: 'Studio Radio Swara Kali FM',
  startsAt: '2026-10-03T12:00:00.000Z',
  timeZone: 'Asia/Jakarta',
  endsAt: null,
  recordingUrl: 'https://example.org/rekaman/obrolan-pagi-12',
  hosts: ['Nur Aini'],
  speakers: [{ fullName: 'Drs. Haryanto Wibisono, M.Si.', shortName: 'Pak Haryanto', position: 'Kepala Bidang', agency: 'BAPPEDA' }],
};

export function createLiveEpisode(url: string, cookie: string, premoderation: boolean): Promise<{ id: string; code: string }> {
  return createEpisodeLive(url, cookie, { ...SHOW, premoderation });
}
