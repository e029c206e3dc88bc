import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../server/realtime/events.ts';

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

/** The page's one socket, opened on first call. */
export function bootSocket(): AppSocket {
  if (socket) return socket;
  // WebSocket first saves the long-polling handshake's extra round trips (400 ms each on
  // slow 3G); tryAllTransports falls back to polling where a proxy blocks WebSockets.
  socket = io({ auth: (cb) => cb({ token: storedToken() }), transports: ['websocket', 'polling'], tryAllTransports: true });
  // Attached at once: the token arrives right after the first connect, possibly before
  // any page code runs, and a lost token would forget this listener's votes on reload.
  socket.on('listener:token', ({ token }) => {
    try {
      localStorage.setItem(TOKEN_KEY, token);
    } catch {
      /* private mode: votes last as long as this page */
    }
  });
  return socket;
}
