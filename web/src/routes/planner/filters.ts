// The desk's filters as the page holds them and as the API (and the address bar) reads
// them. One function builds the query for the list and the exports, so a downloaded file
// always holds exactly the rows on screen, in the same order.
import { ASPIRATION_STATUSES } from '$contract/types.ts';
import type { Sort } from '$contract/planner.ts';

export interface DeskFilters {
  q: string;
  dimension: string;
  kecamatan: string;
  desa: string;
  /** '' = the server's default (everything but merged), 'all' = every status, else one status. */
  status: string;
  episode: string;
  from: string;
  to: string;
  /** "Dukungan minimal": digits as typed; '' or '0' = no minimum. */
  minSupport: string;
  sort: Sort;
}

export const NO_FILTERS: DeskFilters = { q: '', dimension: '', kecamatan: '', desa: '', status: '', episode: '', from: '', to: '', minSupport: '', sort: 'support' };

const SORTS: readonly Sort[] = ['support', 'newest', 'oldest'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** What the server's schema takes for minSupport. */
const SUPPORTS = /^\d{1,6}$/;

export function toQuery(f: DeskFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim().slice(0, 200));
  for (const key of ['dimension', 'kecamatan', 'desa', 'episode'] as const) if (f[key]) p.set(key, f[key]);
  if (f.status === 'all') p.set('status', ASPIRATION_STATUSES.join(','));
  else if (f.status) p.set('status', f.status);
  if (DAY.test(f.from)) p.set('from', f.from);
  if (DAY.test(f.to)) p.set('to', f.to);
  const min = f.minSupport.trim();
  if (SUPPORTS.test(min) && Number(min) > 0) p.set('minSupport', String(Number(min)));
  if (f.sort !== 'support') p.set('sort', f.sort);
  return p;
}

/** Reads filters back from an address; anything unknown falls back to "no filter". */
export function fromQuery(p: URLSearchParams): DeskFilters {
  const status = p.get('status') ?? '';
  const sort = p.get('sort') as Sort | null;
  return {
    q: p.get('q') ?? '',
    dimension: p.get('dimension') ?? '',
    kecamatan: p.get('kecamatan') ?? '',
    desa: p.get('desa') ?? '',
    status: status === ASPIRATION_STATUSES.join(',') ? 'all' : (ASPIRATION_STATUSES as readonly string[]).includes(status) ? status : '',
    episode: p.get('episode') ?? '',
    from: DAY.test(p.get('from') ?? '') ? p.get('from')! : '',
    to: DAY.test(p.get('to') ?? '') ? p.get('to')! : '',
    minSupport: SUPPORTS.test(p.get('minSupport') ?? '') && Number(p.get('minSupport')) > 0 ? String(Number(p.get('minSupport'))) : '',
    sort: sort && SORTS.includes(sort) ? sort : 'support',
  };
}

export type ExportFormat = 'csv' | 'csv-semicolon' | 'md' | 'json';

export function exportUrl(f: DeskFilters, format: ExportFormat, personal: boolean): string {
  const p = toQuery(f);
  p.set('personal', personal ? '1' : '0');
  if (format === 'csv-semicolon') p.set('delimiter', 'semicolon');
  const ext = format === 'csv-semicolon' ? 'csv' : format;
  return `/api/aspirations/export.${ext}?${p}`;
}
