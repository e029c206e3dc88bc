import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$contract/events.ts';
import type { DomainError } from '$contract/errors.ts';

// Plain TypeScript, no Svelte: the early script (web/src/early.ts) opens the socket with
// this before the app's code has arrived, and the app's Connection adopts the same one.

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const TOKEN_KEY = 'kentongan.token';

function storedToken(): string | undefined {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

let socket: AppSocket | null = null;
let refusal: DomainError | null = null;
const refusalListeners = new Set<(r: DomainError | null) => void>();

/**
 * Why the server last refused the handshake (too many new listeners from this network),
 * or null. Socket.IO does not retry a refused handshake by itself, so we do, once the
 * server's `retryAfter` has passed.
 */
export function handshakeRefusal(): DomainError | null {
  return refusal;
}

export function onHandshakeRefusal(fn: (r: DomainError | null) => void): () => void {
  refusalListeners.add(fn);
  return () => refusalListeners.delete(fn);
}

function setRefusal(r: DomainError | null) {
  refusal = r;
  for (const fn of refusalListeners) fn(r);
}

/** The page's one socket, opened on first call. */
export function bootSocket(): AppSocket {
  if (socket) return socket;
  // WebSocket first saves the long-polling handshake's extra round trips (400 ms each on
  // slow 3G); tryAllTransports falls back to polling where a proxy blocks WebSockets.
  socket = io({ auth: (cb) => cb({ token: storedToken() }), transports: ['websocket', 'polling'], tryAllTransports: true });
  // Attached at once: the token arrives right after the first connect, possibly before
  // any page code runs, and a lost token would forget this listener's votes on reload.
  const s = socket;
  s.on('connect_error', (err) => {
    const data = (err as Error & { data?: Partial<DomainError> }).data;
    if (!data || typeof data.code !== 'string' || typeof data.message !== 'string') return; // a network error: Socket.IO retries
    setRefusal(data as DomainError);
    const wait = Math.min(3_600, Math.max(1, Number(data.retryAfter) || 30));
    setTimeout(() => s.connect(), wait * 1000);
  });
  s.on('connect', () => setRefusal(null));
  socket.on('listener:token', ({ token }) => {
    try {
      localStorage.setItem(TOKEN_KEY, token);
    } catch {
      /* private mode: votes last as long as this page */
    }
  });
  return socket;
}
