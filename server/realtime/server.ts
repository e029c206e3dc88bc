import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import { parse as parseCookie } from 'cookie';
import { issueListenerToken, verifyListenerToken } from '../auth/tokens.ts';
import type { StaffService } from '../auth/staff-service.ts';
import type { EpisodeService } from '../app/episode-service.ts';
import { Broadcaster } from './broadcaster.ts';
import { MAX_PAYLOAD_BYTES } from '../contract/events.ts';
import type { ClientEventName, ClientToServerEvents, ServerToClientEvents, SocketData } from '../contract/events.ts';
import { compile, dispatch } from './handler.ts';
import type { Compiled, Handler, HandlerContext } from './handler.ts';
import { episodeHandlers } from './handlers/episode.ts';
import { questionHandlers } from './handlers/question.ts';
import { voteHandlers } from './handlers/vote.ts';
import { noteHandlers } from './handlers/note.ts';
import { correctionHandlers } from './handlers/correction.ts';
import type { CorrectionService } from '../app/correction-service.ts';
import { pollHandlers } from './handlers/poll.ts';
import { aspirationHandlers } from './handlers/aspiration.ts';
import { erasureHandlers } from './handlers/erasure.ts';
import { audited } from './audited.ts';
import type { ErasureService } from '../app/erasure-service.ts';
import type { AuditService } from '../app/audit-service.ts';
import type { AspirationService } from '../app/aspiration-service.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { originAllowed } from '../auth/origin.ts';
import type { OriginPolicy } from '../auth/origin.ts';
import type { AddressLimitName, AddressLimiter, Limit } from './rate-limit.ts';
import { clientAddress } from '../net/client-address.ts';
import type { PendingCaps } from '../domain/question.ts';

/** The events a listener's address pays for, on top of their token's own limit. */
const ADDRESS_COST: Partial<Record<ClientEventName, AddressLimitName>> = {
  'episode:join': 'joins',
  'question:ask': 'asks',
  'aspiration:submit': 'asks',
  'vote:cast': 'votes',
  'vote:withdraw': 'votes',
  'aspiration:support': 'supports',
};

export interface RealtimeOptions {
  episodes: EpisodeService;
  aspirations: AspirationService;
  staff: StaffService;
  erasure: ErasureService;
  /** Corrections after the show: saved, then the archived notula rewritten. */
  corrections: CorrectionService;
  /** Successful staff events are written here (see audited.ts). */
  audit: AuditService;
  listenerSecret: string;
  /**
   * Per listener token and per staff member (rate-limit.ts createLimiter). Made by the caller,
   * so the listener page without JavaScript (http/routes/listener-lite.ts) counts on the same one.
   */
  limit: Limit;
  /** Per client address (new tokens, joins, asks, votes, supports); shared with HTTP. */
  addressLimit: AddressLimiter;
  /** Caps on listeners' questions waiting for a screener. */
  pendingCaps?: PendingCaps;
  log: (line: string) => void;
  /** How many reverse proxies' X-Forwarded-For to believe (see net/client-address.ts). */
  trustProxy: number;
}

export type KServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Realtime {
  io: KServer;
  broadcaster: Broadcaster;
}

/**
 * The socket server and its broadcaster, built before any service: each service is given
 * the broadcaster's publish when it is constructed, so none holds a publisher that may be
 * null. It serves nothing until serveRealtime attaches it to the HTTP server.
 */
export function createRealtime(opts: OriginPolicy & { tickMs?: number }): Realtime {
  const io: KServer = new Server({
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
  return { io, broadcaster: new Broadcaster(io, opts.tickMs) };
}

/** Attaches the socket server to the HTTP server: the handshake, every event's handler, revocation. */
export function serveRealtime(httpServer: HttpServer, { io, broadcaster }: Realtime, opts: RealtimeOptions): void {
  io.attach(httpServer);
  io.use((socket, next) => {
    const cookies = parseCookie(socket.request.headers.cookie ?? '');
    socket.data.sessionToken = cookies[SESSION_COOKIE];
    socket.data.address = clientAddress(socket.request, opts.trustProxy);
    const given = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const listenerId = verifyListenerToken(opts.listenerSecret, given);
    if (listenerId) {
      socket.data.listenerId = listenerId;
    } else {
      // A new identity is what a script needs for every extra vote and every extra count in
      // listenerCount, so its address pays for one; staff are known people and exempt.
      // Refused in the handshake: the client gets a connect_error whose message says when
      // to retry (data: { code, message, retryAfter }), and no token.
      const refused = socket.data.sessionToken && opts.staff.actorFor(socket.data.sessionToken) ? null : opts.addressLimit('newTokens', socket.data.address);
      if (refused) {
        const err = new Error(refused.error.message) as Error & { data: unknown };
        err.data = refused.error;
        return next(err);
      }
      const issued = issueListenerToken(opts.listenerSecret);
      socket.data.listenerId = issued.listenerId;
      // Sent once connected; the client keeps it so a refresh keeps its votes.
      (socket as unknown as { newToken?: string }).newToken = issued.token;
    }
    next();
  });

  const deps = { episodes: opts.episodes, aspirations: opts.aspirations, corrections: opts.corrections, broadcaster, log: opts.log, pendingCaps: opts.pendingCaps };
  const handlers = {
    ...episodeHandlers(deps),
    ...questionHandlers(deps),
    ...voteHandlers(deps),
    ...noteHandlers(deps),
    ...correctionHandlers(deps),
    ...pollHandlers(deps),
    ...aspirationHandlers(deps),
    ...erasureHandlers(opts.erasure),
  } satisfies { [E in ClientEventName]: Handler<E> };

  const limit = opts.limit;
  const compiled = new Map<string, Compiled>(
    (Object.keys(handlers) as ClientEventName[]).map((event) => [event, compile(event, audited(event, handlers[event] as Handler<typeof event>, opts.audit), opts.log)]),
  );

  io.on('connection', (socket) => {
    const newToken = (socket as unknown as { newToken?: string }).newToken;
    if (newToken) socket.emit('listener:token', { token: newToken });
    const ctx: HandlerContext = {
      socket,
      listener: { kind: 'listener', listenerId: socket.data.listenerId },
      staff: () => opts.staff.actorFor(socket.data.sessionToken),
      // First per listener token (or staff member: a socket with a live staff session counts
      // as them); then, for a listener, per address for the events a script would multiply.
      limit: (event) => {
        const staff = socket.data.sessionToken ? ctx.staff() : null;
        if (staff?.kind === 'staff') return limit(staff.staffId, 'staff');
        const byToken = limit(socket.data.listenerId, 'listener');
        if (byToken) return byToken;
        const cost = ADDRESS_COST[event];
        return cost ? opts.addressLimit(cost, socket.data.address)?.error ?? null : null;
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
}
