import * as v from 'valibot';
import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import type { Permission } from '../contract/permissions.ts';
import type { Actor } from '../contract/types.ts';
import type { StaffService } from '../auth/staff-service.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { sendError } from './errors.ts';
import { staffGuard } from '../app/staff-guard.ts';

export function sessionToken(req: Request): string | undefined {
  return parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
}

export function actorOf(req: Request, staff: StaffService): Actor | null {
  return staff.actorFor(sessionToken(req));
}

/** The staff actor if they hold the permission; otherwise sends 401/403 and returns null. */
export function requireStaff(req: Request, res: Response, staff: StaffService, permission: Permission): Actor | null {
  const actor = actorOf(req, staff);
  // Asked only when there is no actor: the account behind the cookie, to say why.
  const guard = staffGuard(actor, permission, !actor && staff.accountFor(sessionToken(req))?.mustChangePassword === true);
  if (guard.ok) return guard.value;
  sendError(res, guard.error);
  return null;
}

/** Validates a body; sends 400 naming the field and returns null when it does not fit. */
export function body<S extends v.GenericSchema>(req: Request, res: Response, schema: S): v.InferOutput<S> | null {
  const parsed = v.safeParse(schema, req.body);
  if (parsed.success) return parsed.output;
  const path = parsed.issues[0] ? v.getDotPath(parsed.issues[0]) : null;
  sendError(res, fail('invalid_payload', path ? `(kolom "${path}")` : '').error);
  return null;
}

/** The same check as middleware, for routes that must not read a large body before it. */
export function guard(staff: StaffService, permission: Permission) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (requireStaff(req, res, staff, permission)) next();
  };
}

/**
 * A staff command as a route handler: the permission, the body (when there is a schema), the
 * command through its service, then its answer — or the refusal, with nothing changed.
 */
export function staffCommand<S extends v.GenericSchema, T>(
  staff: StaffService,
  permission: Permission,
  schema: S | null,
  run: (actor: Actor, input: v.InferOutput<S>, req: Request) => Promise<{ ok: true; value: T } | { ok: false; error: DomainError }>,
  answer: (value: T) => unknown,
  status = 200,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const actor = requireStaff(req, res, staff, permission);
    if (!actor) return;
    const input = schema ? body(req, res, schema) : undefined;
    if (input === null) return;
    const out = await run(actor, input as v.InferOutput<S>, req);
    if (!out.ok) return sendError(res, out.error);
    res.status(status).json(answer(out.value));
  };
}
