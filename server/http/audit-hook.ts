import type { NextFunction, Request, Response } from 'express';
import type { StaffService } from '../auth/staff-service.ts';
import type { AuditService } from '../app/audit-service.ts';
import { actorOf, sessionToken } from './context.ts';

/** Route (method and Express path) → the action name the audit log shows. */
const ACTIONS: Record<string, string> = {
  'POST /api/episodes': 'episode.create',
  'PATCH /api/episodes/:id': 'episode.edit',
  'POST /api/episodes/:id/start': 'episode.start',
  'POST /api/episodes/:id/end': 'episode.end',
  'DELETE /api/episodes/:id': 'episode.delete',
  'PUT /api/episodes/:id/recording-start': 'episode.recordingStart',
  'POST /api/transcripts': 'transcript.import',
  'DELETE /api/transcripts/:name': 'transcript.delete',
  'POST /api/staff': 'staff.create',
  'PATCH /api/staff/:id': 'staff.update',
  'DELETE /api/session': 'session.signOut',
  'POST /api/session/password': 'session.changePassword',
  'PUT /api/district': 'district.update',
  'POST /api/district/regions': 'district.importRegions',
  'POST /api/district/kabupaten': 'district.switchKabupaten',
  'POST /api/district/region': 'district.addRegion',
  'PATCH /api/district/region/:code': 'district.renameRegion',
  'DELETE /api/district/sample': 'sample.remove',
  'PATCH /api/aspirations/:id': 'aspiration.edit',
  'POST /api/aspirations/status': 'aspiration.status',
  'POST /api/aspirations/merge': 'aspiration.merge',
  'POST /api/aspirations/:id/notes': 'aspiration.note',
  'PUT /api/aspirations/:id/plan': 'aspiration.plan',
  'PUT /api/opd': 'opd.update',
  'DELETE /api/aspirations/:id/contact': 'aspiration.removeContact',
  'PUT /api/intake/settings': 'intake.settings',
  'PUT /api/moderation/words': 'moderation.words',
  'POST /api/episodes/:id/questions/:questionId/block': 'moderation.block',
  'DELETE /api/moderation/blocked/:blockId': 'moderation.unblock',
  'POST /api/episodes/:id/questions/:questionId/reply': 'question.reply',
};

/** Body keys whose values are safe to log (codes and states; never text a person typed). */
const VALUE_KEYS = new Set(['status', 'role', 'disabled', 'code']);

/**
 * Every HTTP request that changes something, made by a signed-in staff member and answered
 * with success, becomes one audit entry, written before the answer leaves (res.end waits for
 * the line to be on disk). One place for every route: the log cannot miss a new route's
 * success, and no route handler carries audit code. Logged: the action, the ids in the path,
 * ids and field names from the body, the status or role set. Never any text value.
 */
export function auditHook(audit: AuditService, staff: StaffService) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Reading is not logged, except an export carrying submitters' names and phones: who
    // took personal data off the server is what a data protection officer asks first.
    const personalExport = req.method === 'GET' && /^\/aspirations\/export\.(csv|md|json)$/.test(req.path) && req.query.personal !== '0';
    if ((req.method === 'GET' || req.method === 'HEAD') && !personalExport) return next();
    // A sign-in is not an action of the session it may replace.
    if (req.method === 'POST' && req.path === '/session') return next();
    // Taken now: a sign-out or a disabled account has no session by the time the answer goes.
    // A first admin changing the printed password has no rights yet, but the change is theirs.
    const own = req.method === 'POST' && req.path === '/session/password' ? staff.accountFor(sessionToken(req)) : null;
    const actor = own ? { kind: 'staff' as const, staffId: own.id, name: own.name, role: own.role } : actorOf(req, staff);
    if (!actor || actor.kind !== 'staff') return next();
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      if (res.statusCode >= 400 || !req.route) return end(...args);
      const path = typeof req.route.path === 'string' ? req.route.path : String(req.route.path);
      const key = personalExport ? 'aspiration.exportPersonal' : `${req.method} ${path}`;
      const target = req.params.id ?? req.params.name ?? req.params.code;
      audit.record({
        by: { kind: 'staff', staffId: actor.staffId, name: actor.name, role: actor.role },
        action: ACTIONS[key] ?? key,
        ...(target ? { target: String(target) } : {}),
        ...(personalExport ? { detail: { format: req.path.split('.').pop()! } } : detailOf(req.body)),
      }).finally(() => end(...args));
      return res;
    }) as typeof res.end;
    next();
  };
}

function detailOf(body: unknown): { detail?: Record<string, string | number | boolean> } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const detail: Record<string, string | number | boolean> = {};
  const b = body as Record<string, unknown>;
  const keys = Object.keys(b).filter((k) => k !== 'password');
  if ('password' in b) detail.password = true;
  for (const k of VALUE_KEYS) {
    const x = b[k];
    if (typeof x === 'string' || typeof x === 'boolean') detail[k] = x;
  }
  if (Array.isArray(b.ids)) detail.ids = b.ids.filter((x) => typeof x === 'string').slice(0, 50).join(',');
  if (Array.isArray(b.sourceIds)) detail.sourceIds = b.sourceIds.filter((x) => typeof x === 'string').slice(0, 50).join(',');
  if (typeof b.targetId === 'string') detail.targetId = b.targetId;
  if (keys.length) detail.fields = keys.slice(0, 20).join(',');
  return Object.keys(detail).length ? { detail } : {};
}
