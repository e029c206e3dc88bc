// Connections are file descriptors, and so are the files a durable write opens. 320 idle
// half-sent requests against a limit of 300 open files made every write fail with EMFILE,
// and slow headers were held for 60–90 s. So: short header and body timeouts, a cap per
// address, and a global cap that keeps a reserve of descriptors for the data folder.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { addressKey } from './client-address.ts';

export interface ConnectionOptions {
  /** Open connections allowed per address (IPv4, IPv6 /64); null: no cap. */
  perAddress?: number | null;
  /** Open connections allowed in all; default: derived from the open-files limit. */
  total?: number | null;
  /** Time to receive a request's headers; default 10 s (Node's is 60 s). */
  headersTimeoutMs?: number;
  /** Time to receive a whole request, body included; default 30 s (Node's is 300 s). */
  requestTimeoutMs?: number;
}

export const DEFAULT_PER_ADDRESS = 200;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface FilesLimit { soft: number; hard: number }

/**
 * The open-files limit of this process (Linux /proc/self/limits), or null elsewhere.
 * Node itself raises the soft limit to the hard one at start, so what is read here is
 * already the most this process can have; only whoever starts it can give more.
 */
export function openFilesLimit(read = () => readFileSync('/proc/self/limits', 'utf8')): FilesLimit | null {
  try {
    const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(read());
    if (!m) return null;
    const n = (s: string) => (s === 'unlimited' ? Number.POSITIVE_INFINITY : Number(s));
    return { soft: n(m[1]!), hard: n(m[2]!) };
  } catch {
    return null;
  }
}

/** Descriptors kept for the data folder, the vote journals and Node itself: a fifth, at least 64. */
export function connectionCap(files: FilesLimit | null): number | null {
  if (!files || !Number.isFinite(files.soft)) return null;
  return Math.max(1, files.soft - Math.max(64, Math.ceil(files.soft / 5)));
}

/** Below this many open files a show with a few thousand listeners runs out: say so at start. */
export const LOW_FILES_LIMIT = 8192;

/** Counts open connections per key and in all; pure, so the rules are testable alone. */
export class ConnectionCounter {
  readonly #perKey = new Map<string, number>();
  #total = 0;
  constructor(readonly perAddress: number | null, readonly total: number | null) {}

  /** Takes a slot, or says which cap refused it. `key` null: not counted per address. */
  open(key: string | null): 'ok' | 'address' | 'total' {
    if (this.total !== null && this.#total >= this.total) return 'total';
    if (key !== null && this.perAddress !== null && (this.#perKey.get(key) ?? 0) >= this.perAddress) return 'address';
    this.#total++;
    if (key !== null) this.#perKey.set(key, (this.#perKey.get(key) ?? 0) + 1);
    return 'ok';
  }

  close(key: string | null): void {
    this.#total--;
    if (key === null) return;
    const n = (this.#perKey.get(key) ?? 1) - 1;
    if (n > 0) this.#perKey.set(key, n);
    else this.#perKey.delete(key);
  }

  get count(): number {
    return this.#total;
  }
}

const REFUSAL: Record<'address' | 'total', string> = {
  address: 'Terlalu banyak sambungan dari alamat Anda. Tutup beberapa tab atau coba lagi sebentar lagi.',
  total: 'Server sedang penuh. Coba lagi sebentar lagi.',
};

function refuse(socket: Socket, why: 'address' | 'total'): void {
  const body = Buffer.from(`${REFUSAL[why]}\n`, 'utf8');
  const head = `HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nRetry-After: 10\r\nConnection: close\r\n\r\n`;
  // end() alone keeps the descriptor until the peer closes too, which a flood never does.
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]), () => socket.destroy());
  // A peer that does not read may never let the write finish.
  socket.setTimeout(5_000, () => socket.destroy());
}

/**
 * Refuses a connection above either cap with a 503 in words, before the HTTP parser sees
 * it. Behind proxies (trustProxy > 0) every connection comes from a proxy, so only the
 * total is capped: the per-address cap belongs in the proxy (nginx `limit_conn`).
 */
export function guardConnections(server: Server, counter: ConnectionCounter, trustProxy: number, onRefused?: (why: 'address' | 'total') => void): void {
  server.prependListener('connection', (socket: Socket) => {
    const key = trustProxy > 0 ? null : addressKey(socket.remoteAddress ?? '');
    const verdict = counter.open(key);
    if (verdict !== 'ok') {
      onRefused?.(verdict);
      refuse(socket, verdict);
      return;
    }
    socket.once('close', () => counter.close(key));
  });
}
