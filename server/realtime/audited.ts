import type { AuditService } from '../app/audit-service.ts';
import type { ClientEventName } from '../contract/events.ts';
import type { Handler } from './handler.ts';

/**
 * Events that act as the listener behind the socket, even on a staff laptop: not staff
 * actions, never audited (a listener's own erasure writes its own anonymous entry).
 */
const LISTENER_EVENTS: ReadonlySet<ClientEventName> = new Set([
  'episode:join', 'episode:leave', 'question:ask', 'vote:cast', 'vote:withdraw', 'poll:answer',
  'aspiration:submit', 'aspiration:support', 'listener:erase', 'episode:questions',
]);

/** The ids a payload names, by the key that names them. Never its text. */
const TARGET_KEYS = ['questionId', 'noteId', 'pollId', 'aspirationId', 'speakerId'] as const;

/**
 * Wraps a staff event's handler: once it succeeded, one audit entry (who, which event, the
 * episode and the id it acted on) is on disk before the acknowledgement. One wrapper for
 * every event, so no handler carries audit code and a new staff event is logged by itself.
 */
export function audited<E extends ClientEventName>(event: E, handler: Handler<E>, audit: AuditService): Handler<E> {
  if (LISTENER_EVENTS.has(event)) return handler;
  return async (payload, ctx) => {
    const out = await handler(payload, ctx);
    const staff = ctx.staff();
    if (!out.ok || staff?.kind !== 'staff') return out;
    const p = payload as Record<string, unknown>;
    const target = TARGET_KEYS.map((k) => p[k]).find((x): x is string => typeof x === 'string');
    const detail: Record<string, string | boolean> = {};
    if (typeof p.intoId === 'string') detail.intoId = p.intoId;
    if (typeof p.toSpeakerId === 'string') detail.toSpeakerId = p.toSpeakerId;
    if (typeof p.status === 'string') detail.status = p.status;
    if (typeof p.premoderation === 'boolean') detail.premoderation = p.premoderation;
    await audit.record({
      by: { kind: 'staff', staffId: staff.staffId, name: staff.name, role: staff.role },
      action: event,
      ...(typeof p.episodeId === 'string' ? { episodeId: p.episodeId } : {}),
      ...(target ? { target } : {}),
      ...(Object.keys(detail).length ? { detail } : {}),
    });
    return out;
  };
}
