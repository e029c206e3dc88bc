// The public archive (issue 12): /arsip, /arsip/<series>/<episode>, /arsip/e/<id>, and the
// staff's PUT /api/episodes/:id/recording-start that the chapters count from. The pages are
// server-rendered and cached: a finished episode is read far more often than it changes, so
// a page is rendered once per state of its episode (the store's version and its usulan) and
// answered with an ETag, so a phone that has it gets a 304.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import express, { Router } from 'express';
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
import { html, raw } from '../../public/html.ts';
import { publicPage } from '../../public/layout.ts';
import { staffCommand } from '../context.ts';
import { clientAddress } from '../../net/client-address.ts';
import { readerSection } from '../../public/reader-section.ts';
import type { ReaderSectionInput } from '../../public/reader-section.ts';
import { readerCookie, readerOf } from './reader-cookie.ts';
import { sendError, statusOf } from '../errors.ts';
import { htmlOf, markdownOf } from './notula.ts';
import type { HttpDeps } from './deps.ts';

const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${SCRIPT_HASH}; connect-src 'self'; media-src http: https:; img-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
/** Short: a correction shows within a minute even through a shared proxy; the ETag saves the bytes. */
const CACHE_CONTROL = 'public, max-age=60';
/** An episode page differs per reader (the poll's form or its results): no shared cache, always revalidate (the ETag saves the bytes). */
const EPISODE_CACHE_CONTROL = 'private, no-cache';
const PAGES_KEPT = 64;
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
  const { episodes, aspirations, staff, transcripts, station, publicUrl, log, readers, addressLimit, trustProxy, secureCookies } = deps;
  const corrections = new CorrectionService({ episodes, aspirations, transcripts, log });
  const r = Router();
  const gzip = compression();
  let archive: Archive | null = null;
  const pages = new Map<string, Page>();

  /** The published episodes as rows; rebuilt only when an episode or the usulan shown changed. */
  function current(): Archive {
    const all = episodes.list();
    // Cheap to build per request: the versions say when anything shown may have changed.
    let key = aspirations.version;
    for (const e of all) if (e.status === 'ended') key += `,${e.id}:${episodes.version(e.id)}`;
    if (archive?.key === key) return archive;
    const list = published(all);
    const usulan = new Map(list.map((e) => [e.id, aspirations.notulaFor(e)]));
    const entries = list.map((e) => archiveEntry(e, usulan.get(e.id)!, list));
    archive = { key, entries, choices: choicesOf(entries), byId: new Map(list.map((e) => [e.id, e])), usulan };
    return archive;
  }

  function send(_req: Request, res: Response, status: number, body: string, etag?: string, cache = CACHE_CONTROL): void {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', status === 200 ? cache : 'no-store');
    if (etag) res.setHeader('ETag', etag);
    // Express answers 304 itself when the ETag matches (res.send checks req.fresh).
    res.status(status).type('html').send(body);
  }

  /** A kept page: its gzip bytes to a client that takes them (compression() leaves an encoded answer alone). */
  function sendKept(req: Request, res: Response, page: Page, cache = CACHE_CONTROL): void {
    res.setHeader('Vary', cache === CACHE_CONTROL ? 'Accept-Encoding' : 'Accept-Encoding, Cookie');
    if (!req.acceptsEncodings('gzip')) return send(req, res, 200, page.body, page.etag, cache);
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', cache);
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

  // Not behind compression(): its pages are kept gzipped, and the refusals are small.
  r.get('/arsip/:series/:episode', (req, res) => {
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
    const found = lookup(series, episode);
    if (!found) return notFound(req, res);
    const { e } = found;
    let reader = readerOf(req, readers);
    if (reader === null) {
      const token = readers.issue();
      res.setHeader('Set-Cookie', readerCookie(token, secureCookies));
      reader = readers.readerOf(token);
    }
    // Counted by the cookie alone: phones of one model behind a carrier's shared address (CGNAT)
    // are different readers. A browser that keeps no cookie is a new reader on every visit.
    if (countsAsView(req)) readers.view(e.id, e.timeZone, [reader!]);
    sendKept(req, res, pageOf(found, startAt, readers.voted(e.id, reader)), EPISODE_CACHE_CONTROL);
  });

  interface Found { e: Episode; entry: ArchiveEntry; usulan: NotulaAspiration[] }

  function lookup(series: string, episode: string): Found | null {
    const a = current();
    const entry = findByPath(a.entries, series, episode);
    const e = entry && a.byId.get(entry.id);
    return entry && e ? { e, entry, usulan: a.usulan.get(e.id)! } : null;
  }

  function section(e: Episode, entry: ArchiveEntry, voted: boolean, message: ReaderSectionInput['message'] = null): string {
    return readerSection({ stats: readers.stats(e.id), views: readers.viewsShown(e.id), voted, action: `${entry.path}/tanggapan`, message }).value;
  }

  /** The page as kept: one per episode state, chapter moment and reader-poll variant. */
  function pageOf({ e, entry, usulan }: Found, startAt: number | null, voted: boolean): Page {
    const cacheKey = `${e.id}|${startAt ?? ''}|${voted ? 'v' : 'f'}`;
    const shown = voted ? `${readers.votesVersion(e.id)}:${readers.viewsShown(e.id)}` : String(readers.viewsShown(e.id));
    const key = `${current().key}|${shown}`;
    let page = pages.get(cacheKey);
    if (!page || page.key !== key) {
      const body = render({ e, entry, usulan }, startAt, section(e, entry, voted, voted ? THANKS : null));
      page = kept(key, body);
      pages.delete(cacheKey);
      pages.set(cacheKey, page);
      if (pages.size > PAGES_KEPT) pages.delete(pages.keys().next().value!);
    }
    return page;
  }

  function render({ e, entry, usulan }: Found, startAt: number | null, extra: string): string {
    const md = markdownOf(e, episodes.version(e.id), usulan);
    return episodePage({
      station, entry, notulaHtml: htmlOf(md), recordingUrl: e.recordingUrl, chapters: chapters(e), startAt,
      origin: publicUrl ? publicUrl.origin : null, markdownHref: `/api/episodes/${e.id}/notula.md`, extra: raw(extra),
    });
  }

  // The reader poll's answer: a plain form post (303 back to the page, or the page with what
  // was wrong), or the page's script asking for JSON (the fragment to swap in).
  const form = express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 4 });
  r.post('/arsip/:series/:episode/tanggapan', form, async (req, res) => {
    const json = req.accepts(['html', 'json']) === 'json';
    const series = String(req.params.series);
    const episode = String(req.params.episode);
    const found = SLUG_PATTERN.test(series) && SLUG_PATTERN.test(episode) ? lookup(series, episode) : null;
    if (!found) return json ? sendError(res, fail('episode_not_found').error) : notFound(req, res);
    const { e, entry } = found;
    const refusal = addressLimit('readerVotes', clientAddress(req, trustProxy));
    const reader = readerOf(req, readers);
    const out = refusal ? { ok: false as const, error: refusal.error } : await readers.vote(e.id, reader, (req.body as Record<string, unknown> | undefined)?.pilihan);
    if (refusal) res.setHeader('Retry-After', String(refusal.retryAfter));
    const voted = readers.voted(e.id, reader);
    if (json) {
      const fragment = section(e, entry, voted, out.ok ? THANKS : { text: out.error.message, error: true });
      res.setHeader('Cache-Control', 'no-store');
      return out.ok ? res.json({ ok: true, html: fragment }) : res.status(statusOf(out.error)).json({ error: out.error, html: fragment });
    }
    if (out.ok) return res.redirect(303, `${entry.path}#tanggapan`);
    // A refusal of a flood stays small; the other answers show the page with the sentence in place.
    if (refusal) return send(req, res, 429, publicPage({ title: 'Tunggu sebentar', station, section: 'arsip', body: html`<h1>Tunggu sebentar</h1><p>${out.error.message}</p><p><a href="${entry.path}#tanggapan">Kembali ke siaran</a></p>` }));
    send(req, res, statusOf(out.error), render(found, null, section(e, entry, voted, { text: out.error.message, error: true })));
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

const THANKS = { text: 'Terima kasih, tanggapan Anda sudah tercatat.', error: false };

/** A person opening the page: not a link preview, a crawler or the browser's prefetch (the light listener page asks too). */
export function countsAsView(req: Request): boolean {
  if (req.method !== 'GET') return false;
  if (/prefetch|prerender/i.test(`${req.get('sec-purpose') ?? ''} ${req.get('purpose') ?? ''}`)) return false;
  return !/bot|crawl|spider|slurp|facebookexternalhit|whatsapp|telegram|preview/i.test(req.get('user-agent') ?? '');
}

function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}
