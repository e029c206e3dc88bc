import { Router } from 'express';
import { requireStaff, body } from '../context.ts';
import { sendError } from '../errors.ts';
import { staffCreate, staffUpdate } from '../schemas.ts';
import type { HttpDeps } from './deps.ts';

export function staffRoutes({ staff }: HttpDeps): Router {
  const r = Router();

  r.get('/api/staff', (req, res) => {
    if (!requireStaff(req, res, staff, 'staff.manage')) return;
    res.json({ staff: staff.list() });
  });

  r.post('/api/staff', async (req, res) => {
    if (!requireStaff(req, res, staff, 'staff.manage')) return;
    const input = body(req, res, staffCreate);
    if (!input) return;
    const out = await staff.create(input);
    if (!out.ok) return sendError(res, out.error);
    res.status(201).json({ staff: out.value });
  });

  r.patch('/api/staff/:id', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'staff.manage');
    if (!actor || actor.kind !== 'staff') return;
    const input = body(req, res, staffUpdate);
    if (!input) return;
    const out = await staff.update(req.params.id, input, actor.staffId);
    if (!out.ok) return sendError(res, out.error);
    res.json({ staff: out.value });
  });

  return r;
}
