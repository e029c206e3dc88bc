import { Router } from 'express';
import type { Request, Response } from 'express';
import * as v from 'valibot';
import { addAspirationNote, editAspiration, findAspiration, mergeAspirations, setAspirationStatus } from '../../domain/aspiration.ts';
import { setAspirationPlan } from '../../domain/aspiration-plan.ts';
import { fail } from '../../contract/errors.ts';
import { musrenbangCsv, musrenbangJson, musrenbangMarkdown, musrenbangRows } from '../../domain/musrenbang.ts';
import { countAspirations, deskView, deskViews, filterAspirations } from '../../domain/planner.ts';
import type { AspirationFilter } from '../../domain/planner.ts';
import { dateInZone } from '../../contract/zone.ts';
import { body, requireStaff, staffCommand } from '../context.ts';
import { sendError } from '../errors.ts';
import { aspirationPatch, deskQuery, mergeInput, noteInput, planInput, statusChange } from '../planning-schemas.ts';
import type { HttpDeps } from './deps.ts';

const LIST_KEYS = ['dimension', 'kecamatan', 'desa', 'status', 'episode'] as const;

/** Query values may repeat (?status=baru&status=ditinjau) or be comma separated (?status=baru,ditinjau). */
function queryOf(req: Request, res: Response): v.InferOutput<typeof deskQuery> | null {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(req.query)) {
    const values = (Array.isArray(value) ? value : [value]).filter((x): x is string => typeof x === 'string');
    if ((LIST_KEYS as readonly string[]).includes(key)) raw[key] = values.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
    else raw[key] = values.at(-1) ?? '';
  }
  const parsed = v.safeParse(deskQuery, raw);
  if (parsed.success) return parsed.output;
  const path = parsed.issues[0] ? v.getDotPath(parsed.issues[0]) : null;
  sendError(res, fail('invalid_payload', path ? `(parameter "${path.split('.')[0]}")` : '').error);
  return null;
}

export function aspirationRoutes({ aspirations, staff }: HttpDeps): Router {
  const r = Router();
  const episodeOf = (id: string) => aspirations.episodes.find(id);
  const desk = (a: Parameters<typeof deskView>[0]) => ({ aspiration: deskView(a, aspirations.district, episodeOf) });

  function selected(req: Request, res: Response) {
    if (!requireStaff(req, res, staff, 'aspiration.review')) return null;
    const q = queryOf(req, res);
    if (!q) return null;
    const { personal, delimiter, ...filter } = q;
    const district = aspirations.district;
    const list = filterAspirations(aspirations.list, filter as AspirationFilter, district);
    return { list, district, personal: personal !== '0', delimiter: delimiter === 'semicolon' ? ';' as const : ',' as const };
  }

  /** The planner's desk: every episode's usulan, filtered, searched and sorted, with counts for the chart. */
  r.get('/api/aspirations', (req, res) => {
    const s = selected(req, res);
    if (!s) return;
    res.json({ aspirations: deskViews(s.list, s.district, episodeOf), counts: countAspirations(s.list, s.district) });
  });

  function exported(req: Request, res: Response, format: 'csv' | 'md' | 'json') {
    const s = selected(req, res);
    if (!s) return;
    const now = aspirations.ctx().now;
    const rows = musrenbangRows(deskViews(s.list, s.district, episodeOf), s.personal);
    const name = `usulan-musrenbang_${dateInZone(now, s.district.timeZone)}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    // Personal data may be in it: never cache it anywhere on the way.
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(musrenbangCsv(rows, { personal: s.personal, delimiter: s.delimiter }));
    else if (format === 'md') res.type('text/markdown; charset=utf-8').send(musrenbangMarkdown(rows, s.district, { personal: s.personal, now, timeZone: s.district.timeZone }));
    else res.type('application/json; charset=utf-8').send(musrenbangJson(rows, s.district, { personal: s.personal, now }));
  }
  r.get('/api/aspirations/export.csv', (req, res) => exported(req, res, 'csv'));
  r.get('/api/aspirations/export.md', (req, res) => exported(req, res, 'md'));
  r.get('/api/aspirations/export.json', (req, res) => exported(req, res, 'json'));

  /** Sets the status of one or many usulan, all or nothing ("ditolak" needs a reason). */
  r.post('/api/aspirations/status', staffCommand(staff, 'aspiration.moderate', statusChange,
    (actor, input) => aspirations.run((d, ctx) => setAspirationStatus(d.list, actor, input.ids, input.status, input.reason, ctx)),
    (list) => ({ aspirations: deskViews(list, aspirations.district, episodeOf) })));

  /** Merges duplicates (from any episodes) into one; supporters combined, each listener once. */
  r.post('/api/aspirations/merge', staffCommand(staff, 'aspiration.review', mergeInput,
    (actor, input) => aspirations.run((d, ctx) => mergeAspirations(d.list, actor, input.sourceIds, input.targetId, ctx)),
    desk));

  r.get('/api/aspirations/:id', (req, res) => {
    if (!requireStaff(req, res, staff, 'aspiration.review')) return;
    const a = findAspiration(aspirations.list, req.params.id);
    if (!a) return sendError(res, fail('aspiration_not_found').error);
    res.json(desk(a));
  });

  /** Corrects wording, dimension or place; omitted fields stay. */
  r.patch('/api/aspirations/:id', staffCommand(staff, 'aspiration.review', aspirationPatch,
    (actor, input, req) => aspirations.run((d, ctx) => editAspiration(d.list, d.district, actor, req.params.id as string, input, ctx)),
    desk));

  /** Volume, satuan, perkiraan biaya and OPD tujuan; omitted fields stay, null or "" clears. */
  r.put('/api/aspirations/:id/plan', staffCommand(staff, 'aspiration.review', planInput,
    (actor, input, req) => aspirations.run((d, ctx) => setAspirationPlan(d.list, actor, req.params.id as string, input, d.opd, ctx)),
    desk));

  r.post('/api/aspirations/:id/notes', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'aspiration.review');
    if (!actor) return;
    const input = body(req, res, noteInput);
    if (!input) return;
    const out = await aspirations.run((d, ctx) => addAspirationNote(d.list, actor, req.params.id, input.text, ctx));
    if (!out.ok) return sendError(res, out.error);
    const a = findAspiration(aspirations.list, req.params.id)!;
    res.status(201).json({ note: out.value, aspiration: deskView(a, aspirations.district, episodeOf) });
  });

  return r;
}
