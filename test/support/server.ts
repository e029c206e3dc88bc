import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { createApplication } from '../../server/application.ts';
import type { AppConfig, Application } from '../../server/application.ts';
import type { AddressLimits } from '../../server/realtime/rate-limit.ts';
import type { Ack, AckData, ClientEventName, ClientToServerEvents, Payload, ServerToClientEvents } from '../../server/contract/events.ts';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const ADMIN_PASSWORD = 'rahasia-admin-123';

export interface TestServer {
  app: Application;
  url: string;
  dataDir: string;
  transcriptsDir: string;
  logs: string[];
  stop(): Promise<void>;
  /** Closes the app but keeps its folders, then starts a new one on them. */
  restart(): Promise<TestServer>;
}

export async function tempDir(prefix = 'kentongan-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Every test client comes from 127.0.0.1, so the per-address limits are turned far up
 * (finite, so their path still runs); a test of those limits passes its own
 * `addressLimits`, and the names it leaves out keep the production defaults.
 */
export const TEST_ADDRESS_LIMITS: AddressLimits = {
  newTokens: { points: 100_000, seconds: 60 }, joins: { points: 100_000, seconds: 60 }, asks: { points: 100_000, seconds: 60 },
  votes: { points: 100_000, seconds: 60 }, supports: { points: 100_000, seconds: 60 }, byCode: { points: 100_000, seconds: 60 },
};

/** A real server on an ephemeral port with real files in a temp folder. */
export async function startServer(config: Partial<AppConfig> = {}, dirs?: { dataDir: string; transcriptsDir: string }, port = 0): Promise<TestServer> {
  const root = dirs ? null : await tempDir();
  const dataDir = dirs?.dataDir ?? join(root!, 'data');
  const transcriptsDir = dirs?.transcriptsDir ?? join(root!, 'transcripts');
  const logs: string[] = [];
  const app = await createApplication({
    dataDir, transcriptsDir, webDir: resolve('dist/web'), adminPassword: ADMIN_PASSWORD,
    passwordCost: 2 ** 10, tickMs: 20, fsync: false, log: (l) => logs.push(l), addressLimits: TEST_ADDRESS_LIMITS, ...config,
  });
  const { url, port: actual } = await app.listen(port, '127.0.0.1');
  const server: TestServer = {
    app, url, dataDir, transcriptsDir, logs,
    async stop() {
      await app.close();
    },
    async restart() {
      await app.close();
      // Same port, so clients reconnect by themselves as they would after a real restart.
      return startServer(config, { dataDir, transcriptsDir }, actual);
    },
  };
  return server;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

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
