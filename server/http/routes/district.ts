import express, { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV } from '../../domain/csv.ts';
import { importRegionCsv, updateDistrict } from '../../domain/district.ts';
import type { DistrictInput } from '../../domain/district.ts';
import { fail } from '../../contract/errors.ts';
import { body, guard, requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import { districtInput } from '../planning-schemas.ts';
import type { HttpDeps } from './deps.ts';
import { districtSummary, regionRoutes } from './regions.ts';

const summary = districtSummary;

export function districtRoutes(deps: HttpDeps): Router {
  const { aspirations, staff } = deps;
  const r = Router();
  // The official lists, the switch, single-region edits and the sample (routes/regions.ts).
  r.use(regionRoutes(deps));

  /** Public: the listener's form picks dimension, kecamatan and desa from these lists. */
  r.get('/api/district', (_req, res) => {
    res.json(summary(aspirations.district));
  });

  /** The region list as CSV (kode,nama), to edit in a spreadsheet and import again. */
  r.get('/api/district/regions.csv', (_req, res) => {
    const rows: string[][] = [];
    for (const k of aspirations.district.kecamatan) {
      rows.push([k.code, k.name]);
      for (const d of k.desa) rows.push([d.code, d.name]);
    }
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="wilayah.csv"');
    res.send(stringify(rows, { ...SAFE_CSV, header: true, columns: ['kode', 'nama'] }));
  });

  /** Replaces the settings (name, code, time zone, dimensions, kecamatan with their desa). */
  r.put('/api/district', async (req, res) => {
    const actor = requireStaff(req, res, staff, 'district.manage');
    if (!actor) return;
    const input = body(req, res, districtInput);
    if (!input) return;
    const out = await aspirations.changeDistrict((d, inUse) => updateDistrict(d, actor, input as DistrictInput, inUse));
    if (!out.ok) return sendError(res, out.error);
    res.json(summary(out.value));
  });

  /** Imports kecamatan and desa/kelurahan from a CSV of code and name; replaces the region list. */
  r.post('/api/district/regions', guard(staff, 'district.manage'), express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '2mb' }), async (req, res) => {
    const actor = requireStaff(req, res, staff, 'district.manage');
    if (!actor) return;
    if (typeof req.body !== 'string') return sendError(res, fail('invalid_payload', 'Kirim berkas CSV (Content-Type: text/csv).').error);
    const text = req.body;
    const out = await aspirations.changeDistrict((d, inUse) => importRegionCsv(d, actor, text, inUse));
    if (!out.ok) return sendError(res, out.error);
    res.json(summary(out.value));
  });

  return r;
}
