// The public archive (issue 12): /arsip, /arsip/<series>/<episode>, /arsip/e/<id>, and the
// staff's PUT /api/episodes/:id/recording-start that the chapters count from. The pages are
// server-rendered and cached: a finished episode is read far more often than it changes, so
// a page is rendered once per state of its episode (the store's version and its usulan) and
// answered with an ETag, so a phone that has it gets a 304.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Router } from 'express';
import type { Request, Response } from 'express';
import compression from 'compression';
import * as v from 'valibot';
import { fail } from '../../contract/errors.ts';
import { isId } from '../../contract/ids.ts';
import { SLUG_PATTERN } from '../../contract/public-path.ts';
import type { Episode, NotulaAspiration } from '../../contract/types.ts';
import { archiveEntry, choicesOf, EMPTY_QUERY, filterArchive, findByPath, groupBySeries, parseArchiveQuery, published } from '../../domain/archive.ts';
import type { ArchiveChoices, ArchiveEntry } from '../../domain/archive.ts';
import { chapters, setRecordingStart } from '../../domain/recording-start.ts';
import { episodeView } from '../../domain/views.ts';
import { CorrectionService } from '../../app/correction-service.ts';
import { archivePage } from '../../public/archive-page.ts';
import { episodePage, SCRIPT_HASH } from '../../public/episode-page.ts';
import { html } from '../../public/html.ts';
import { publicPage } from '../../public/layout.ts';
import { staffCommand } from '../context.ts';
import { sendError } from '../errors.ts';
import { htmlOf, markdownOf } from './notula.ts';
import type { HttpDeps } from './deps.ts';

const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${SCRIPT_HASH}; media-src http: https:; img-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
/** Short: a correction shows within a minute even through a shared proxy; the ETag saves the bytes. */
const CACHE_CONTROL = 'public, max-age=60';
const PAGES_KEPT = 32;
const T_MAX = 24 * 3600;

const recordingStartSchema = v.strictObject({ recordingStartedAt: v.nullable(v.pipe(v.string(), v.maxLength(40))) });

/** A rendered page as kept: its bytes, gzipped once (gzip per request was most of a hit's cost). */
interface Page {
  key: string;
  etag: string;
  body: string;
  gzip: Buffer;
}

function kept(key: string, body: string): Page {
  return { key, etag: etagOf(body), body, gzip: gzipSync(body) };
}

interface Archive {
  key: string;
  entries: ArchiveEntry[];
  choices: ArchiveChoices;
  byId: Map<string, Episode>;
  usulan: Map<string, NotulaAspiration[]>;
}

export function publicRoutes(deps: HttpDeps): Router {
  const { episodes, aspirations, staff, transcripts, station, publicUrl, log } = deps;
  const corrections = new CorrectionService({ episodes, aspirations, transcripts, log });
  const r = Router();
  const gzip = compression();
  let archive: Archive | null = null;
  const pages = new Map<string, Page>();

  /** The published episodes as rows; rebuilt only when an episode or the usulan shown changed. */
  function current(): Archive {
    const list = published(episodes.list());
    const usulan = new Map(list.map((e) => [e.id, aspirations.notulaFor(e)]));
    const key = list.map((e) => `${e.id}:${episodes.version(e.id)}`).join(',') + '|' + JSON.stringify([...usulan.values()]);
    if (archive?.key === key) return archive;
    const entries = list.map((e) => archiveEntry(e, usulan.get(e.id)!, list));
    archive = { key, entries, choices: choicesOf(entries), byId: new Map(list.map((e) => [e.id, e])), usulan };
    return archive;
  }

  function send(_req: Request, res: Response, status: number, body: string, etag?: string): void {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', status === 200 ? CACHE_CONTROL : 'no-store');
    if (etag) res.setHeader('ETag', etag);
    // Express answers 304 itself when the ETag matches (res.send checks req.fresh).
    res.status(status).type('html').send(body);
  }

  /** A kept page: its gzip bytes to a client that takes them (compression() leaves an encoded answer alone). */
  function sendKept(req: Request, res: Response, page: Page): void {
    res.setHeader('Vary', 'Accept-Encoding');
    if (!req.acceptsEncodings('gzip')) return send(req, res, 200, page.body, page.etag);
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res.setHeader('ETag', page.etag);
    res.status(200).type('html').send(page.gzip);
  }

  function notFound(req: Request, res: Response): void {
    const body = html`<h1>Halaman tidak ditemukan</h1><p>Siaran ini tidak ada di arsip, atau alamatnya keliru.</p><p><a href="/arsip">Buka arsip siaran</a></p>`;
    send(req, res, 404, publicPage({ title: 'Tidak ditemukan', station, section: 'arsip', body }));
  }

  r.get('/arsip', gzip, (req, res) => {
    const a = current();
    const parsed = parseArchiveQuery(req.query as Record<string, unknown>, a.choices);
    const query = parsed.ok ? parsed.query : EMPTY_QUERY;
    // The plain archive is what most readers open: it is kept as long as the archive is.
    const plain = parsed.ok && Object.keys(req.query).length === 0;
    const hit = plain && pages.get('/arsip');
    if (hit && hit.key === a.key) return sendKept(req, res, hit);
    const rows = filterArchive(a.entries, query);
    const body = archivePage({ station, groups: groupBySeries(rows), choices: a.choices, query, problem: parsed.ok ? null : parsed.message, total: a.entries.length });
    if (!parsed.ok) return send(req, res, 400, body);
    if (!plain) return send(req, res, 200, body, etagOf(body));
    const page = kept(a.key, body);
    pages.set('/arsip', page);
    sendKept(req, res, page);
  });

  r.get('/arsip/e/:eid', (req, res) => {
    const id = req.params.eid;
    const entry = isId(id) ? current().entries.find((e) => e.id === id) : undefined;
    if (!entry) return notFound(req, res);
    res.redirect(301, entry.path);
  });

  // A series' own address lists its episodes in the archive.
  r.get('/arsip/:series', (req, res) => {
    const s = req.params.series;
    if (!SLUG_PATTERN.test(s) || !current().choices.series.some((x) => x.slug === s)) return notFound(req, res);
    res.redirect(301, `/arsip?seri=${s}`);
  });

  r.get('/arsip/:series/:episode', gzip, (req, res) => {
    const series = String(req.params.series);
    const episode = String(req.params.episode);
    if (!SLUG_PATTERN.test(series) || !SLUG_PATTERN.test(episode)) return notFound(req, res);
    const t = req.query.t;
    const extraKeys = Object.keys(req.query).filter((k) => k !== 't');
    let startAt: number | null = null;
    if (t !== undefined) {
      if (typeof t !== 'string' || !/^\d{1,6}$/.test(t) || Number(t) > T_MAX || extraKeys.length) return badMoment(req, res);
      startAt = Number(t);
    }
    const a = current();
    const entry = findByPath(a.entries, series, episode);
    const e = entry && a.byId.get(entry.id);
    if (!entry || !e) return notFound(req, res);
    const usulan = a.usulan.get(e.id)!;
    const cacheKey = `${e.id}|${startAt ?? ''}`;
    const key = `${episodes.version(e.id)}|${entry.path}|${JSON.stringify(usulan)}`;
    let page = pages.get(cacheKey);
    if (!page || page.key !== key) {
      const md = markdownOf(e, episodes.version(e.id), usulan);
      const body = episodePage({
        station, entry, notulaHtml: htmlOf(md), recordingUrl: e.recordingUrl, chapters: chapters(e), startAt,
        origin: publicUrl ? publicUrl.origin : null, markdownHref: `/api/episodes/${e.id}/notula.md`,
      });
      page = kept(key, body);
      pages.delete(cacheKey);
      pages.set(cacheKey, page);
      if (pages.size > PAGES_KEPT) pages.delete(pages.keys().next().value!);
    }
    sendKept(req, res, page);
  });

  function badMoment(req: Request, res: Response): void {
    const body = html`<h1>Alamat tidak valid</h1><p>Waktu rekaman (t) harus berupa jumlah detik, misalnya ?t=125.</p><p><a href="/arsip">Buka arsip siaran</a></p>`;
    send(req, res, 400, publicPage({ title: 'Alamat tidak valid', station, section: 'arsip', body }));
  }

  r.param('id', (req, res, next, id) => (isId(id) ? next() : sendError(res, fail('episode_not_found').error)));
  r.put('/api/episodes/:id/recording-start', staffCommand(staff, 'episode.correct', recordingStartSchema, (actor, input, req) =>
    corrections.run(String(req.params.id), (e, ctx) => setRecordingStart(e, actor, input.recordingStartedAt, ctx), episodeView),
  (view) => ({ episode: view })));

  return r;
}

function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}
