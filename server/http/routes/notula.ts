import express, { Router } from 'express';
import { fail } from '../../contract/errors.ts';
import { can } from '../../contract/permissions.ts';
import { exportNotula, importNotula, renderNotulaHtml, transcriptFileName } from '../../domain/notula/index.ts';
import { episodeView } from '../../domain/views.ts';
import type { Episode, NotulaAspiration } from '../../contract/types.ts';
import { actorOf, guard, requireStaff } from '../context.ts';
import { sendError } from '../errors.ts';
import type { HttpDeps } from './deps.ts';
import { nanoid } from 'nanoid';
import { isId } from '../../contract/ids.ts';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * marked + sanitize-html take a few hundred ms for a notula of 3,000 notes, and a finished
 * episode's page is read many times: the same Markdown always renders the same HTML, so a
 * handful of recent renders are kept, keyed by the Markdown itself (any change misses).
 */
const RENDERED_KEPT = 4;
const rendered = new Map<string, string>();

/**
 * The Markdown of a large episode takes tens of milliseconds (the YAML front matter above
 * all) and a finished episode's notula is fetched again and again: it is kept per episode,
 * keyed by the store's change counter for the episode and by the aspiration section it
 * printed (planners may still change those), so any change makes a fresh one.
 */
const MARKDOWN_KEPT = 8;
const markdown = new Map<string, { key: string; md: string }>();
export function markdownOf(e: Episode, version: number, usulan: NotulaAspiration[]): string {
  const key = `${version}|${JSON.stringify(usulan)}`;
  const hit = markdown.get(e.id);
  if (hit && hit.key === key) return hit.md;
  const md = exportNotula(e, usulan);
  markdown.delete(e.id);
  markdown.set(e.id, { key, md });
  if (markdown.size > MARKDOWN_KEPT) markdown.delete(markdown.keys().next().value!);
  return md;
}
export function htmlOf(md: string): string {
  const hit = rendered.get(md);
  if (hit !== undefined) {
    rendered.delete(md);
    rendered.set(md, hit);
    return hit;
  }
  const html = renderNotulaHtml(md);
  rendered.set(md, html);
  if (rendered.size > RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  return html;
}

export function notulaRoutes({ episodes, aspirations, staff, transcripts }: HttpDeps): Router {
  const r = Router();
  r.param('id', (req, res, next, id) => (isId(id) ? next() : sendError(res, fail('episode_not_found').error)));

  /** Staff may read a notula at any time; the public once the episode has ended. */
  function readable(id: string, req: express.Request, res: express.Response): Episode | null {
    const e = episodes.find(id);
    const actor = actorOf(req, staff);
    if (!e || (e.status === 'draft' && !can(actor, 'notula.export'))) {
      sendError(res, fail('episode_not_found').error);
      return null;
    }
    if (e.status !== 'ended' && !can(actor, 'notula.export')) {
      sendError(res, fail('not_signed_in').error);
      return null;
    }
    return e;
  }

  r.get('/api/episodes/:id/notula.md', (req, res) => {
    const e = readable(req.params.id, req, res);
    if (!e) return;
    res.type('text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${transcriptFileName(e)}"`);
    res.send(markdownOf(e, episodes.version(e.id), aspirations.notulaFor(e)));
  });

  r.get('/api/episodes/:id/notula.html', (req, res) => {
    const e = readable(req.params.id, req, res);
    if (!e) return;
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.type('html').send(page(e.title, htmlOf(markdownOf(e, episodes.version(e.id), aspirations.notulaFor(e)))));
  });

  r.get('/api/transcripts', async (_req, res) => {
    res.json({ transcripts: await transcripts.list() });
  });

  r.get('/api/transcripts/:name', async (req, res) => {
    const md = await transcripts.read(req.params.name);
    if (md === null) return sendError(res, fail('episode_not_found').error);
    res.type('text/markdown; charset=utf-8').send(md);
  });

  /** Re-imports an archived notula as a finished episode (e.g. after moving stations). */
  r.post('/api/transcripts', guard(staff, 'transcript.import'), express.text({ type: ['text/markdown', 'text/plain'], limit: '2mb' }), async (req, res) => {
    if (!requireStaff(req, res, staff, 'transcript.import')) return;
    if (typeof req.body !== 'string') return sendError(res, fail('invalid_payload', 'Kirim berkas Markdown (Content-Type: text/markdown).').error);
    const parsed = importNotula(req.body, { newId: () => nanoid(12) });
    if (!parsed.ok) return sendError(res, fail('transcript_invalid', `Baris ${parsed.error.line}: ${parsed.error.message}`).error);
    const out = await episodes.import(parsed.episode);
    if (!out.ok) return sendError(res, out.error);
    res.status(201).json({ episode: episodeView(out.value) });
  });

  return r;
}

function page(title: string, body: string): string {
  const safeTitle = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Notula – ${safeTitle}</title><style>body{font:16px/1.6 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem .6rem;vertical-align:top}@media print{body{margin:0}}</style></head><body>${body}</body></html>`;
}
