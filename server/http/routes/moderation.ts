import { Router } from 'express';
import * as v from 'valibot';
import { body, requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import type { HttpDeps } from './deps.ts';

const words = v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(1_000));
const wordsInput = v.strictObject({ add: words, remove: words });

/** The admin's changes to the words the flags look for (domain/moderation). */
export function moderationRoutes({ moderation, staff }: HttpDeps): Router {
  const r = Router();

  r.get('/api/moderation/words', (req, res) => {
    if (!requireStaff(req, res, staff, 'moderation.manage')) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json(moderation.words());
  });

  r.put('/api/moderation/words', async (req, res) => {
    if (!requireStaff(req, res, staff, 'moderation.manage')) return;
    const input = body(req, res, wordsInput);
    if (!input) return;
    const out = await moderation.changeWords(input);
    if (!out.ok) return sendError(res, out.error);
    res.json(out.value);
  });

  return r;
}
