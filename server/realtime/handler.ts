import * as v from 'valibot';
import type { Socket } from 'socket.io';

import { codeOf, fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import type { Actor } from '../contract/types.ts';
import { rooms, schemas } from '../contract/events.ts';
import { ackTiming } from './ack-timing.ts';
import { staffGuard } from '../app/staff-guard.ts';
import type { Ack, AckData, ClientEventName, ClientToServerEvents, Payload, ServerToClientEvents, SocketData } from '../contract/events.ts';

export type KSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface HandlerContext {
  socket: KSocket;
  /** The listener behind this socket (every socket has one). */
  listener: Actor & { kind: 'listener' };
  /** The signed-in staff member, looked up per event so a changed role applies at once. */
  staff: () => Actor | null;
  /** Counts one event against this socket's rate limits (token, then address); an error when it is over. */
  limit?: (event: ClientEventName) => DomainError | null;
}

/**
 * Whether this socket joined the episode (as a listener, a watcher or staff) and has not
 * left it. Votes and supports need it: a throwaway socket that never opened the episode's
 * page must not weigh in.
 */
export function hasJoined(ctx: HandlerContext, episodeId: string): boolean {
  return ctx.socket.rooms.has(rooms.episode(episodeId)) || ctx.socket.rooms.has(rooms.staff(episodeId));
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError };
export type Handler<E extends ClientEventName> = (payload: Payload<E>, ctx: HandlerContext) => Promise<Outcome<AckData[E]>> | Outcome<AckData[E]>;

/**
 * A handler for signed-in staff only: the one staff guard (app/staff-guard.ts) runs first,
 * and the handler gets the staff actor. Which permission it takes is the domain rule's to say.
 */
export function staffOnly<E extends ClientEventName>(
  handler: (payload: Payload<E>, ctx: HandlerContext, staff: Actor) => Promise<Outcome<AckData[E]>> | Outcome<AckData[E]>,
): Handler<E> {
  return (payload, ctx) => {
    const guard = staffGuard(ctx.staff());
    return guard.ok ? handler(payload, ctx, guard.value) : guard;
  };
}

/** One event's whole path for any socket: built once per event, not once per socket. */
export type Compiled = (ctx: HandlerContext, payload: unknown, ack: unknown) => Promise<void>;

/**
 * Compiles one event: callback checked first, then rate limit → validate → handle → ack. A
 * throw becomes an `internal` error ack, never a crash or a client left waiting.
 */
export function compile<E extends ClientEventName>(event: E, handler: Handler<E>, log: (line: string) => void): Compiled {
  const schema = schemas[event];
  return async (ctx, payload, ack) => {
    if (typeof ack !== 'function') return; // Nothing to answer to; the contract requires an ack.
    const timing = ackTiming.histogram;
    const started = timing ? performance.now() : 0;
    const reply = (r: Ack<AckData[E]>) => {
      (ack as (r: Ack<AckData[E]>) => void)(r);
      timing?.record(Math.max(1, Math.round((performance.now() - started) * 1000)));
    };
    const limited = ctx.limit ? ctx.limit(event) : null;
    if (limited) {
      reply({ ok: false, error: limited });
      return;
    }
    const parsed = v.safeParse(schema, payload);
    if (!parsed.success) {
      reply(fail('invalid_payload', describe(parsed.issues)));
      return;
    }
    try {
      const out = await handler(parsed.output as Payload<E>, ctx);
      reply(out.ok ? { ok: true, data: out.value } : { ok: false, error: out.error });
    } catch (err) {
      log(`kentongan: ${event} failed: ${(err as Error)?.stack ?? String(err)}`);
      reply(fail(codeOf(err)));
    }
  };
}

/**
 * All events of a socket through one listener: a socket then costs one closure instead of
 * one per event (thirty-odd), which at 10,000 listeners is tens of megabytes of heap.
 * Unknown events are ignored, as they would be with no listener.
 */
export function dispatch(socket: KSocket, ctx: HandlerContext, compiled: ReadonlyMap<string, Compiled>): void {
  socket.onAny((event: string, payload?: unknown, ack?: unknown) => {
    const run = compiled.get(event);
    if (run) void run(ctx, payload, ack);
  });
}

/** Names the offending field for integrators, in words a host can still follow. */
function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return '';
  const path = v.getDotPath(first);
  return path ? `(kolom "${path}")` : '';
}
