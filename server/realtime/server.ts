import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import { parse as parseCookie } from 'cookie';
import { issueListenerToken, verifyListenerToken } from '../auth/tokens.ts';
import type { StaffService } from '../auth/staff-service.ts';
import type { EpisodeService } from '../app/episode-service.ts';
import { Broadcaster } from './broadcaster.ts';
import { MAX_PAYLOAD_BYTES } from './events.ts';
import type { ClientEventName, ClientToServerEvents, ServerToClientEvents } from './events.ts';
import { compile, dispatch } from './handler.ts';
import type { Compiled, Handler, HandlerContext, SocketData } from './handler.ts';
import { episodeHandlers } from './handlers/episode.ts';
import { questionHandlers } from './handlers/question.ts';
import { voteHandlers } from './handlers/vote.ts';
import { noteHandlers } from './handlers/note.ts';
import { pollHandlers } from './handlers/poll.ts';
import { aspirationHandlers } from './handlers/aspiration.ts';
import { erasureHandlers } from './handlers/erasure.ts';
import { audited } from './audited.ts';
import type { ErasureService } from '../app/erasure-service.ts';
import type { AuditLog } from '../store/audit.ts';
import type { AspirationService } from '../app/aspiration-service.ts';
import { SESSION_COOKIE, originAllowed } from '../http/security.ts';
import { createLimiter } from './rate-limit.ts';
import type { RateLimits } from './rate-limit.ts';

export interface RealtimeOptions {
  episodes: EpisodeService;
  aspirations: AspirationService;
  staff: StaffService;
  erasure: ErasureService;
  /** Successful staff events are written here (see audited.ts). */
  audit: AuditLog;
  listenerSecret: string;
  allowedOrigins: string[];
  tickMs?: number;
  /** Per listener token and per staff member; defaults in rate-limit.ts. */
  rateLimits?: RateLimits;
  log: (line: string) => void;
  /** PUBLIC_URL, parsed; null when the station did not set one. */
  publicUrl: URL | null;
  /** How many reverse proxies' X-Forwarded-For to believe (see net/client-address.ts). */
  trustProxy: number;
}

export type KServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function createRealtime(httpServer: HttpServer, opts: RealtimeOptions): { io: KServer; broadcaster: Broadcaster } {
  const io: KServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    perMessageDeflate: false,
    serveClient: false,
    // A browser always sends Origin on a WebSocket; CORS alone does not cover it.
    allowRequest: (req: IncomingMessage, cb) => cb(null, originAllowed(req, opts)),
    // No connection state recovery: it replays only packets addressed to rooms a socket was
    // in, and a large audience gets its deltas addressed to socket ids in slices (see
    // Broadcaster), so a listener back from a short drop would be told "recovered" and miss
    // them. Every reconnect joins again and gets a fresh snapshot instead.
  });
  const broadcaster = new Broadcaster(io, opts.tickMs);

  io.use((socket, next) => {
    const cookies = parseCookie(socket.request.headers.cookie ?? '');
    socket.data.sessionToken = cookies[SESSION_COOKIE];
    const given = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const listenerId = verifyListenerToken(opts.listenerSecret, given);
    if (listenerId) {
      socket.data.listenerId = listenerId;
    } else {
      const issued = issueListenerToken(opts.listenerSecret);
      socket.data.listenerId = issued.listenerId;
      // Sent once connected; the client keeps it so a refresh keeps its votes.
      (socket as unknown as { newToken?: string }).newToken = issued.token;
    }
    next();
  });

  const deps = { episodes: opts.episodes, aspirations: opts.aspirations, broadcaster, log: opts.log };
  const handlers = {
    ...episodeHandlers(deps),
    ...questionHandlers(deps),
    ...voteHandlers(deps),
    ...noteHandlers(deps),
    ...pollHandlers(deps),
    ...aspirationHandlers(deps),
    ...erasureHandlers(opts.erasure),
  } satisfies { [E in ClientEventName]: Handler<E> };

  const limit = createLimiter(opts.rateLimits);
  const compiled = new Map<string, Compiled>(
    (Object.keys(handlers) as ClientEventName[]).map((event) => [event, compile(event, audited(event, handlers[event] as Handler<typeof event>, opts.audit, opts.log), opts.log)]),
  );

  io.on('connection', (socket) => {
    const newToken = (socket as unknown as { newToken?: string }).newToken;
    if (newToken) socket.emit('listener:token', { token: newToken });
    const ctx: HandlerContext = {
      socket,
      listener: { kind: 'listener', listenerId: socket.data.listenerId },
      staff: () => opts.staff.actorFor(socket.data.sessionToken),
      // Keyed by listener token, never by IP; a socket with a live staff session counts as that staff member.
      limit: () => {
        const staff = socket.data.sessionToken ? ctx.staff() : null;
        return staff?.kind === 'staff' ? limit(staff.staffId, 'staff') : limit(socket.data.listenerId, 'listener');
      },
    };
    dispatch(socket, ctx, compiled);
  });

  // A signed-out or disabled staff member must stop receiving staff deltas at once,
  // not only have their commands refused.
  opts.staff.onRevoke(() => {
    for (const socket of io.of('/').sockets.values()) {
      if (opts.staff.actorFor(socket.data.sessionToken)) continue;
      for (const room of socket.rooms) if (room.startsWith('staff:')) void socket.leave(room);
    }
  });

  return { io, broadcaster };
}
