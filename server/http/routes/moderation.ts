import { Router } from 'express';
import * as v from 'valibot';
import { body, requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import type { HttpDeps } from './deps.ts';
import { fail } from '../../contract/errors.ts';
import { isId } from '../../contract/ids.ts';

const words = v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(1_000));
const wordsInput = v.strictObject({ add: words, remove: words });

/** The admin's changes to the words the flags look for (domain/moderation). */
export function moderationRoutes({ moderation, staff, blocks }: HttpDeps): Router {
  const r = Router();

  /** Blocks the sender of a question (never named: the server knows them by the question). */
  r.post('/api/episodes/:id/questions/:questionId/block', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'question.moderate');
    if (!actor) return;
    const { id, questionId } = req.params;
    if (!isId(id)) return sendError(res, fail('episode_not_found').error);
    if (!isId(questionId)) return sendError(res, fail('question_not_found').error);
    const out = await blocks.block(actor, id, questionId);
    if (!out.ok) return sendError(res, out.error);
    res.json({ block: out.value });
  });

  r.get('/api/moderation/blocked', (req, res) => {
    if (!requireStaff(req, res, staff, 'question.moderate')) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ blocked: blocks.list() });
  });

  r.delete('/api/moderation/blocked/:blockId', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'question.moderate');
    if (!actor) return;
    const blockId = req.params.blockId;
    if (!isId(blockId)) return sendError(res, fail('block_not_found').error);
    const out = await blocks.unblock(actor, blockId);
    if (!out.ok) return sendError(res, out.error);
    res.json({ block: out.value });
  });

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
