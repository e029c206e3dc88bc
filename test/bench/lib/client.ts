// HTTP and socket helpers for the orchestrator. Kept apart from test/support/server.ts,
// which builds the whole application in process: the bench only talks to a server process.
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Ack, AckData, ClientEventName, ClientToServerEvents, Payload, ServerToClientEvents } from '../../../server/contract/events.ts';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const ADMIN_PASSWORD = 'rahasia-admin-bench-123';

export async function api(url: string, path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  let json: any = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text };
}

export async function signIn(url: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export async function staffSocket(url: string, cookie: string): Promise<Client> {
  const socket: Client = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  await new Promise<void>((res, rej) => {
    socket.once('connect', () => res());
    socket.once('connect_error', rej);
  });
  return socket;
}

export async function call<E extends ClientEventName>(socket: Client, event: E, payload: Payload<E>): Promise<Ack<AckData[E]>> {
  return (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<AckData[E]>> }).emitWithAck(event, payload);
}

export async function must<E extends ClientEventName>(socket: Client, event: E, payload: Payload<E>): Promise<AckData[E]> {
  const r = await call(socket, event, payload);
  if (!r.ok) throw new Error(`${event} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
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

export async function createLiveEpisode(url: string, cookie: string, premoderation: boolean): Promise<{ id: string; code: string }> {
  const created = await api(url, '/api/episodes', { method: 'POST', cookie, body: { ...SHOW, premoderation } });
  if (created.status !== 201) throw new Error(`create episode: ${created.text}`);
  const started = await api(url, `/api/episodes/${created.json.episode.id}/start`, { method: 'POST', cookie });
  if (started.status !== 200) throw new Error(`start: ${started.text}`);
  return { id: created.json.episode.id, code: created.json.episode.code };
}
