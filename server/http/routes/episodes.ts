import { Router } from 'express';
import { fail } from '../../contract/errors.ts';
import { createEpisode, editEpisode, endEpisode, startEpisode } from '../../domain/episode.ts';
import type { EpisodeInput } from '../../contract/types.ts';
import { can } from '../../contract/permissions.ts';
import { episodeSummary, episodeView, staffSnapshot } from '../../domain/views.ts';
import { actorOf, requireStaff, staffCommand } from '../context.ts';
import { sendError } from '../errors.ts';
import { episodeInput, episodePatch } from '../schemas.ts';
import type { HttpDeps } from './deps.ts';
import { isId } from '../../contract/ids.ts';
import { parseJoinCode } from '../../contract/join-code.ts';
import { clientAddress } from '../../net/client-address.ts';

export function episodeRoutes({ episodes, aspirations, staff, transcripts, erasure, log, addressLimit, trustProxy }: HttpDeps): Router {
  const r = Router();
  // An id or code from the URL is checked before any lookup: one that the server could
  // not have made ("../../victim") is simply not found.
  r.param('id', (req, res, next, id) => (isId(id) ? next() : sendError(res, fail('episode_not_found').error)));

  /** Staff see every episode; the public sees live and finished ones. */
  r.get('/api/episodes', (req, res) => {
    const actor = actorOf(req, staff);
    const all = episodes.list().filter((e) => can(actor, 'episode.viewStaff') || e.status !== 'draft');
    all.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    res.json({ episodes: all.map(episodeSummary) });
  });

  // Codes are read out on air, so they are short: 31^6 of them. Counted per address before
  // the look-up (a refusal says nothing about the code), so guessing one takes years.
  r.get('/api/episodes/by-code/:code', (req, res) => {
    const actor = actorOf(req, staff);
    const staffView = can(actor, 'episode.viewStaff');
    const refused = staffView ? null : addressLimit('byCode', clientAddress(req, trustProxy));
    if (refused) {
      res.setHeader('Retry-After', String(refused.retryAfter));
      return sendError(res, refused.error);
    }
    const code = parseJoinCode(req.params.code);
    const e = code ? episodes.byCode(code) : undefined;
    if (!e) return sendError(res, fail('episode_not_found').error);
    // A draft's code is given out before the show, so it is found, but its title and series
    // are the station's until it starts.
    if (e.status === 'draft' && !staffView) return res.json({ episode: { id: e.id, code: e.code, status: e.status } });
    res.json({ episode: episodeSummary(e) });
  });

  r.get('/api/episodes/:id', (req, res) => {
    const e = episodes.find(req.params.id);
    const actor = actorOf(req, staff);
    if (!e || (e.status === 'draft' && !can(actor, 'episode.viewStaff'))) return sendError(res, fail('episode_not_found').error);
    if (can(actor, 'episode.viewStaff')) return res.json(staffSnapshot(e, 0));
    res.json({ episode: episodeView(e) });
  });

  r.post('/api/episodes', staffCommand(staff, 'episode.create', episodeInput,
    (actor, input) => episodes.create((ctx, code) => createEpisode(actor, input as EpisodeInput, code, ctx)),
    (e) => ({ episode: episodeView(e) }), 201));

  r.patch('/api/episodes/:id', staffCommand(staff, 'episode.edit', episodePatch,
    (actor, input, req) => episodes.run(req.params.id as string, (e, ctx) => editEpisode(e, actor, input as EpisodeInput, ctx)),
    (e) => ({ episode: episodeView(e) })));

  r.post('/api/episodes/:id/start', staffCommand(staff, 'episode.start', null,
    (actor, _, req) => episodes.run(req.params.id as string, (e, ctx) => startEpisode(e, actor, ctx)),
    (e) => ({ episode: episodeView(e) })));

  /** Ends the show and archives its notula in transcripts/. */
  r.post('/api/episodes/:id/end', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'episode.end');
    if (!actor) return;
    const out = await episodes.run(req.params.id, (e, ctx) => endEpisode(e, actor, ctx));
    if (!out.ok) return sendError(res, out.error);
    let transcript: string | null = null;
    try {
      transcript = await transcripts.write(out.value, aspirations.notulaFor(out.value));
    } catch (err) {
      // The episode is ended and saved; the archive can be rewritten from it later.
      log(`kentongan: could not write transcript for ${out.value.id}: ${(err as Error).message}`);
    }
    res.json({ episode: episodeView(out.value), transcript });
  });

  r.delete('/api/episodes/:id', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'episode.delete');
    if (!actor) return;
    // Its usulan and archived notula go too (see ErasureService.deleteEpisode).
    const out = await erasure.deleteEpisode(actor, req.params.id);
    if (!out.ok) return sendError(res, out.error);
    res.status(204).end();
  });

  return r;
}
