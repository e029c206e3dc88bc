import { Router } from 'express';
import { updateOpdList } from '../../domain/aspiration-plan.ts';
import { SATUAN_SUGGESTED } from '../../contract/plan.ts';
import { body, requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import { opdInput } from '../planning-schemas.ts';
import type { HttpDeps } from './deps.ts';

// The OPD (agencies) an usulan may be addressed to, kept by the admin in the district file.
export function opdRoutes({ aspirations, staff }: HttpDeps): Router {
  const r = Router();

  /** Public like /api/district: names of government agencies, nothing personal. The units offered come along. */
  r.get('/api/opd', (_req, res) => {
    res.json({ opd: [...aspirations.opd], satuan: SATUAN_SUGGESTED });
  });

  /** Replaces the list; a name an usulan is addressed to must stay. */
  r.put('/api/opd', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'district.manage');
    if (!actor) return;
    const input = body(req, res, opdInput);
    if (!input) return;
    const out = await aspirations.changeOpd((current, inUse) => updateOpdList(current, actor, input.opd, inUse));
    if (!out.ok) return sendError(res, out.error);
    res.json({ opd: out.value, satuan: SATUAN_SUGGESTED });
  });

  return r;
}
