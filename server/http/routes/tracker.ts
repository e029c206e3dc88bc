// The public usulan tracker and its open data (issue 12): /usulan (the page), /data (the data
// dictionary), /data/usulan.csv and /data/usulan.json (the same rows, the same filters). The
// rows are rebuilt only when the usulan, the district or an episode changed: the usulan and
// district files' durable writes, the objects in memory (a failed write replaces them with what
// is on disk) and each episode's version. Each answer is then rendered once per state and
// filter, kept gzipped with an ETag, so a phone or portal that has it gets a 304.
import { Router } from 'express';
import type { Request, Response } from 'express';
import { fail } from '../../contract/errors.ts';
import type { Aspiration, District, Episode } from '../../contract/types.ts';
import { EMPTY_TRACKER_QUERY, filterTracker, parseTrackerQuery, queryString, trackerChoices, trackerRows } from '../../domain/tracker.ts';
import type { TrackerChoices, TrackerRow } from '../../domain/tracker.ts';
import { TRACKER_FILES, trackerCsv, trackerJson } from '../../domain/tracker-data.ts';
import { trackerPage } from '../../public/tracker-page.ts';
import { dataPage } from '../../public/data-page.ts';
import { PageCache, sendKept } from '../page-cache.ts';
import { sendError } from '../errors.ts';
import type { HttpDeps } from './deps.ts';

/** No script on these pages; the filter form posts (GETs) to itself. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** Short: a new status shows within a minute even through a shared proxy; the ETag saves the bytes. */
const CACHE_CONTROL = 'public, max-age=60';

interface State {
  writes: number;
  list: readonly Aspiration[];
  district: District;
  episodes: Array<{ e: Episode; version: number; status: string }>;
  /** Names this state in the page cache. */
  key: string;
  rows: TrackerRow[];
  choices: TrackerChoices;
}

export function trackerRoutes(deps: HttpDeps): Router {
  const { episodes, aspirations, station, publicUrl } = deps;
  const origin = publicUrl ? publicUrl.origin : null;
  const cache = new PageCache(48);
  const r = Router();
  let state: State | null = null;
  let generation = 0;

  function current(): State {
    const list = aspirations.list;
    const district = aspirations.district;
    const writes = aspirations.writes;
    const eps = episodes.list().map((e) => ({ e, version: episodes.version(e.id), status: e.status }));
    const same = state && state.writes === writes && state.list === list && state.district === district
      && state.episodes.length === eps.length && state.episodes.every((x, i) => x.e === eps[i]!.e && x.version === eps[i]!.version && x.status === eps[i]!.status);
    if (same) return state!;
    const rows = trackerRows(list, district, eps.map((x) => x.e));
    state = { writes, list, district, episodes: eps, key: String(++generation), rows, choices: trackerChoices(rows, district) };
    return state;
  }

  function htmlHeaders(res: Response): void {
    res.setHeader('Content-Security-Policy', CSP);
    res.type('html');
  }

  r.get('/usulan', (req, res) => {
    const s = current();
    const { halaman, ...rest } = req.query as Record<string, unknown>;
    let page = 1;
    const parsed = parseTrackerQuery(rest, s.choices);
    let problem = parsed.ok ? null : parsed.message;
    if (halaman !== undefined) {
      if (typeof halaman === 'string' && /^[1-9]\d{0,3}$/.test(halaman)) page = Number(halaman);
      else problem ??= 'Nomor halaman tidak valid; tulis angka, mis. halaman=2.';
    }
    const query = parsed.ok ? parsed.query : EMPTY_TRACKER_QUERY;
    const render = (p: number) => trackerPage({
      station, rows: problem ? s.rows : filterTracker(s.rows, query), all: s.rows, choices: s.choices, query, page: p, problem, timeZone: s.district.timeZone,
    });
    htmlHeaders(res);
    if (problem) {
      res.setHeader('Cache-Control', 'no-store');
      return void res.status(400).send(render(1));
    }
    sendKept(req, res, cache.get(`page${queryString(query)}#${page}`, s.key, () => render(page)), CACHE_CONTROL);
  });

  r.get(TRACKER_FILES.dictionary, (req, res) => {
    const s = current();
    htmlHeaders(res);
    sendKept(req, res, cache.get('data', s.key, () => dataPage({ station, choices: s.choices })), CACHE_CONTROL);
  });

  /** A data file: filtered like the page; portals fetch it from other sites, so any origin may read it. */
  function dataFile(format: 'csv' | 'json') {
    return (req: Request, res: Response) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      const s = current();
      const parsed = parseTrackerQuery(req.query as Record<string, unknown>, s.choices);
      if (!parsed.ok) {
        res.setHeader('Cache-Control', 'no-store');
        return sendError(res, fail('invalid_filter', parsed.message).error);
      }
      const rows = () => filterTracker(s.rows, parsed.query);
      const qs = queryString(parsed.query);
      if (format === 'csv') {
        res.type('text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', 'attachment; filename="usulan.csv"');
        return sendKept(req, res, cache.get(`csv${qs}`, s.key, () => trackerCsv(rows(), origin)), CACHE_CONTROL);
      }
      res.type('application/json; charset=utf-8');
      res.setHeader('Content-Disposition', 'inline; filename="usulan.json"');
      sendKept(req, res, cache.get(`json${qs}`, s.key, () => trackerJson(rows(), { station, district: s.district, query: parsed.query, origin })), CACHE_CONTROL);
    };
  }
  r.get(TRACKER_FILES.csv, dataFile('csv'));
  r.get(TRACKER_FILES.json, dataFile('json'));

  return r;
}
