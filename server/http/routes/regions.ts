import { Router } from 'express';
import { addRegion, renameRegion, switchKabupaten } from '../../domain/region-edit.ts';
import { normalizeRegionCode } from '../../domain/district.ts';
import { provinceTimeZone } from '../../domain/official-regions.ts';
import { fail } from '../../contract/errors.ts';
import type { District } from '../../contract/types.ts';
import { RegionSource } from '../../app/region-source.ts';
import { currentSample, removeSample } from '../../app/sample-removal.ts';
import { body, requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import { kabupatenChoice, regionInput, regionRename } from '../planning-schemas.ts';
import type { HttpDeps } from './deps.ts';

export function districtSummary(d: District) {
  return { district: d, counts: { dimensions: d.dimensions.length, kecamatan: d.kecamatan.length, desa: d.kecamatan.reduce((n, k) => n + k.desa.length, 0) } };
}

/**
 * The admin's own district: the official Kemendagri lists to pick it from, the switch,
 * single-region edits, and removing the sample. Admin only (district.manage), reading
 * included: the official tables are public, but reading them costs the server a file read.
 */
export function regionRoutes(deps: HttpDeps, source = new RegionSource(undefined, deps.log)): Router {
  const { aspirations, episodes, staff, transcripts, log } = deps;
  const r = Router();
  const admin = (req: Parameters<typeof requireStaff>[0], res: Parameters<typeof requireStaff>[1]) => requireStaff(req, res, staff, 'district.manage');

  r.get('/api/regions/provinces', async (req, res) => {
    if (!admin(req, res)) return;
    const out = await source.provinces();
    if (!out.ok) return sendError(res, out.error);
    res.json({ provinces: out.value });
  });

  r.get('/api/regions/provinces/:code/kabupaten', async (req, res) => {
    if (!admin(req, res)) return;
    const out = await source.kabupatenOf(String(req.params.code));
    if (!out.ok) return sendError(res, out.error);
    res.json(out.value);
  });

  /** What choosing it would bring, for the confirmation: names and counts, not the lists. */
  r.get('/api/regions/kabupaten/:code', async (req, res) => {
    if (!admin(req, res)) return;
    const out = await source.kabupaten(String(req.params.code));
    if (!out.ok) return sendError(res, out.error);
    const k = out.value;
    res.json({
      code: k.code, name: k.name, province: { code: k.provinceCode, name: k.provinceName }, timeZone: provinceTimeZone(k.provinceCode),
      counts: { kecamatan: k.kecamatan.length, desa: k.kecamatan.reduce((n, x) => n + x.desa.length, 0) },
    });
  });

  r.post('/api/district/kabupaten', async (req, res) => {
    const actor = admin(req, res);
    if (!actor) return;
    const input = body(req, res, kabupatenChoice);
    if (!input) return;
    const official = await source.kabupaten(input.code.trim());
    if (!official.ok) return sendError(res, official.error);
    const out = await aspirations.changeDistrict((d, inUse) => switchKabupaten(d, actor, official.value, inUse));
    if (!out.ok) return sendError(res, out.error);
    res.json(districtSummary(out.value));
  });

  r.post('/api/district/region', async (req, res) => {
    const actor = admin(req, res);
    if (!actor) return;
    const input = body(req, res, regionInput);
    if (!input) return;
    const out = await aspirations.changeDistrict((d) => addRegion(d, actor, input));
    if (!out.ok) return sendError(res, out.error);
    res.status(201).json(districtSummary(out.value));
  });

  r.patch('/api/district/region/:code', async (req, res) => {
    const actor = admin(req, res);
    if (!actor) return;
    const input = body(req, res, regionRename);
    if (!input) return;
    const code = normalizeRegionCode(String(req.params.code));
    if (!code) return sendError(res, fail('region_not_found').error);
    const out = await aspirations.changeDistrict((d) => renameRegion(d, actor, code.code, input.name));
    if (!out.ok) return sendError(res, out.error);
    res.json(districtSummary(out.value));
  });

  /** What "Hapus contoh" would remove, with the archived notula files, so the admin confirms knowing it. */
  r.get('/api/district/sample', async (req, res) => {
    if (!admin(req, res)) return;
    const plan = currentSample({ episodes, aspirations, transcripts, log });
    const notulas: string[] = [];
    for (const e of plan?.episodes ?? []) {
      const ep = episodes.find(e.id);
      const name = ep ? await transcripts.nameOf(ep).catch(() => null) : null;
      if (name) notulas.push(name);
    }
    res.json({ sample: plan ? { ...plan, transcripts: notulas } : null });
  });

  r.delete('/api/district/sample', async (req, res) => {
    const actor = admin(req, res);
    if (!actor) return;
    const out = await removeSample({ episodes, aspirations, transcripts, log }, actor);
    if (!out.ok) return sendError(res, out.error);
    res.json({ removed: out.value, ...districtSummary(aspirations.district) });
  });

  return r;
}
