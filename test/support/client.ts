// What a client of a running server does — listener and staff sockets, sign-in, acked events,
// HTTP calls — with no server code in it, so the bench's load generators use it too.
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Ack, AckData, ClientEventName, ClientToServerEvents, Payload, ServerToClientEvents } from '../../server/contract/events.ts';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const ADMIN_PASSWORD = 'rahasia-admin-123';

/** A listener socket; pass a token to come back as the same listener. */
export async function listener(url: string, token?: string): Promise<{ socket: Client; token: string }> {
  const socket: Client = connect(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
  const issued = token ? Promise.resolve(token) : new Promise<string>((res) => socket.once('listener:token', (p) => res(p.token)));
  await new Promise<void>((res, rej) => {
    socket.once('connect', () => res());
    socket.once('connect_error', rej);
  });
  return { socket, token: await issued };
}

export async function signIn(url: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A staff socket carrying the session cookie, as a staff browser would. */
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

/** Like call, but throws when the server refuses. */
export async function must<E extends ClientEventName>(socket: Client, event: E, payload: Payload<E>): Promise<AckData[E]> {
  const r = await call(socket, event, payload);
  if (!r.ok) throw new Error(`${event} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}

export function waitFor<T = unknown>(socket: Client, event: string, predicate: (payload: T) => boolean = () => true, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`timed out waiting for ${event}`)); }, ms);
    const handler = (payload: T) => { if (predicate(payload)) { off(); resolve(payload); } };
    const off = () => { clearTimeout(timer); (socket as unknown as { off(e: string, h: unknown): void }).off(event, handler); };
    (socket as unknown as { on(e: string, h: unknown): void }).on(event, handler);
  });
}

export async function api(url: string, path: string, init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let json: any = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text, headers: res.headers };
}
