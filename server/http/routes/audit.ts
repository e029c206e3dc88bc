import { Router } from 'express';
import * as v from 'valibot';
import { fail } from '../../contract/errors.ts';
import { requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import type { HttpDeps } from './deps.ts';

const count = (max: number) => v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number), v.minValue(1), v.maxValue(max));
const pageQuery = v.object({ limit: v.optional(count(200)), before: v.optional(count(999_999_999)) });

/** The audit log, newest first, a page at a time (admin only). */
export function auditRoutes({ audit, staff }: HttpDeps): Router {
  const r = Router();
  r.get('/api/audit', (req, res) => {
    if (!requireStaff(req, res, staff, 'audit.read')) return;
    const q = v.safeParse(pageQuery, { limit: one(req.query.limit), before: one(req.query.before) });
    if (!q.success) return sendError(res, fail('invalid_payload', `(parameter "${v.getDotPath(q.issues[0]!) ?? ''}")`).error);
    res.setHeader('Cache-Control', 'no-store');
    res.json(audit.page({ limit: q.output.limit ?? 50, before: q.output.before }));
  });
  return r;
}

function one(x: unknown): string | undefined {
  const last = Array.isArray(x) ? x.at(-1) : x;
  return typeof last === 'string' ? last : undefined;
}
