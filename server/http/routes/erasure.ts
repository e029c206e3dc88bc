import { Router } from 'express';
import { deskView } from '../../domain/planner.ts';
import { requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import type { HttpDeps } from './deps.ts';

/** Erasure by staff: a contact on the planner's desk, a notula in the archive. */
export function erasureRoutes({ erasure, aspirations, staff }: HttpDeps): Router {
  const r = Router();

  /** "Hapus kontak": name and phone go, the usulan stays. */
  r.delete('/api/aspirations/:id/contact', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'aspiration.review');
    if (!actor) return;
    const out = await erasure.removeContact(actor, req.params.id);
    if (!out.ok) return sendError(res, out.error);
    res.json({ aspiration: deskView(out.value, aspirations.district, (id) => aspirations.episodes.find(id)) });
  });

  /** The name is looked up in the archive's own listing (see TranscriptArchive.remove). */
  r.delete('/api/transcripts/:name', async (req, res) => {
    if (!requireStaff(req, res, staff, 'transcript.delete')) return;
    const out = await erasure.removeTranscript(req.params.name);
    if (!out.ok) return sendError(res, out.error);
    res.status(204).end();
  });

  return r;
}
