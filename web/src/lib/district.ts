// The district's lists (dimensions, kecamatan, desa) change rarely: one request per page
// is enough, and a settings page that changes them asks for a fresh copy.
import { api } from './api.ts';
import type { ApiResult } from './api.ts';
import type { District, Kecamatan } from '$contract/types.ts';

export interface DistrictSummary {
  district: District;
  counts: { dimensions: number; kecamatan: number; desa: number };
}

let cached: Promise<ApiResult<DistrictSummary>> | null = null;

export function loadDistrict(fresh = false): Promise<ApiResult<DistrictSummary>> {
  if (fresh || !cached) cached = api<DistrictSummary>('/api/district');
  const mine = cached;
  // A failure is not kept: the next caller tries again.
  void mine.then((r) => { if (!r.ok && cached === mine) cached = null; });
  return mine;
}

/** Remembers a copy the server just answered (after saving or importing). */
export function rememberDistrict(summary: DistrictSummary): void {
  cached = Promise.resolve({ ok: true, data: summary });
}

export function desaOf(district: District, kecamatanCode: string): Kecamatan['desa'] {
  return district.kecamatan.find((k) => k.code === kecamatanCode)?.desa ?? [];
}
