// GET /api/episodes/:id/analytics: what staff see of one episode's audience and questions
// (domain/analytics.ts). Read only, same permission as the staff views of an episode.
import { Router } from 'express';
import { fail } from '../../contract/errors.ts';
import { isId } from '../../contract/ids.ts';
import { episodeAnalytics } from '../../domain/analytics.ts';
import { requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import type { HttpDeps } from './deps.ts';

export function analyticsRoutes({ episodes, staff, readers }: Pick<HttpDeps, 'episodes' | 'staff' | 'readers'>): Router {
  const r = Router();
  r.get('/api/episodes/:id/analytics', (req, res) => {
    // Staff first: to anyone else every id answers the same, so none can be probed.
    if (!requireStaff(req, res, staff, 'episode.viewStaff')) return;
    const e = isId(req.params.id) ? episodes.find(req.params.id) : undefined;
    if (!e) return sendError(res, fail('episode_not_found').error);
    // Counts of people and votes: kept out of any shared cache.
    res.setHeader('Cache-Control', 'no-store');
    // The public page's readers: only a published (ended) episode has one.
    res.json(episodeAnalytics(e, episodes.ctx().now, e.status === 'ended' ? readers.stats(e.id) : null));
  });
  return r;
}
