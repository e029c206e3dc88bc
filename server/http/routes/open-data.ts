// The open data of the public archive (issue 12): /data/notula.json, /arsip/feed.atom and the
// DCAT catalogue /data/catalog.jsonld that a CKAN portal harvests. Read by feed readers,
// portals and scripts on other sites: every answer allows any origin (CORS *), carries an
// ETag (a harvester that polls gets 304s), and is rebuilt only when what it is made of
// changed. The builders are pure (domain/open-data.ts, public/feeds.ts); this is the shell.
import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { Request, Response } from 'express';
import compression from 'compression';
import type { TLSSocket } from 'node:tls';
import { fail } from '../../contract/errors.ts';
import type { Episode } from '../../contract/types.ts';
import { archiveEntry, published } from '../../domain/archive.ts';
import type { ArchiveEntry } from '../../domain/archive.ts';
import { catalog, dataOrigin, notulaRecords, OPEN_DATA_PATHS } from '../../domain/open-data.ts';
import { atomFeed } from '../../public/feeds.ts';
import { sendError } from '../errors.ts';
import type { HttpDeps } from './deps.ts';

/** A harvester polls; five minutes is fresh enough, the ETag makes the next poll cheap. */
const CACHE_CONTROL = 'public, max-age=300';

interface Built {
  key: string;
  body: string;
  etag: string;
}

type Kind = 'notula' | 'feed' | 'catalog';

const TYPES: Record<Kind, string> = {
  notula: 'application/json; charset=utf-8',
  feed: 'application/atom+xml; charset=utf-8',
  catalog: 'application/ld+json; charset=utf-8',
};

export function openDataRoutes(deps: HttpDeps): Router {
  const { episodes, aspirations, station, publicUrl, trustProxy } = deps;
  const r = Router();
  const gzip = compression();
  const built = new Map<string, Built>();

  /** The scheme the client used: TLS here, else the nearest trusted proxy's word. */
  function schemeOf(req: Request): 'http' | 'https' {
    if ((req.socket as TLSSocket).encrypted) return 'https';
    if (trustProxy > 0) {
      const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).at(-1);
      if (forwarded === 'https') return 'https';
    }
    return 'http';
  }

  function rows(): { episode: Episode; entry: ArchiveEntry }[] {
    const list = published(episodes.list());
    return list.map((e) => ({ episode: e, entry: archiveEntry(e, aspirations.notulaFor(e), list) }));
  }

  /** What each file is made of, cheaply: a change to any of it makes a fresh build. */
  function keyOf(kind: Kind, origin: string): string {
    const eps = published(episodes.list()).map((e) => `${e.id}:${episodes.version(e.id)}`).join(',');
    let key = `${kind}|${origin}|${station.name}|${station.license}|${eps}`;
    if (kind === 'catalog') {
      const d = aspirations.district;
      const latest = aspirations.list.reduce((m, a) => (a.updatedAt > m ? a.updatedAt : m), '');
      key += `|${d.code}|${d.name}|${aspirations.list.length}|${latest}`;
    } else {
      // The archive row's dimensions come from the usulan the notula prints.
      key += `|${JSON.stringify(published(episodes.list()).map((e) => aspirations.notulaFor(e).map((a) => a.dimension)))}`;
    }
    return key;
  }

  function build(kind: Kind, origin: string): string {
    if (kind === 'notula') return `${JSON.stringify({ station: station.name, license: station.license, records: notulaRecords(rows(), origin) }, null, 2)}\n`;
    if (kind === 'feed') return atomFeed({ station, origin, rows: rows() });
    const list = published(episodes.list());
    return `${JSON.stringify(catalog({ station, origin, district: aspirations.district, episodes: list, usulan: aspirations.list }), null, 2)}\n`;
  }

  function serve(kind: Kind) {
    return (req: Request, res: Response): void => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      const origin = dataOrigin(publicUrl, req.headers.host, schemeOf(req));
      if (origin === null) {
        res.setHeader('Cache-Control', 'no-store');
        return sendError(res, fail('invalid_payload', 'Alamat (Host) permintaan tidak valid; stasiun dapat menyetel PUBLIC_URL.').error);
      }
      const key = keyOf(kind, origin);
      let hit = built.get(`${kind}|${origin}`);
      if (!hit || hit.key !== key) {
        const body = build(kind, origin);
        hit = { key, body, etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"` };
        // A few origins at most (PUBLIC_URL, or the LAN and localhost names of a studio).
        if (built.size >= 24) built.clear();
        built.set(`${kind}|${origin}`, hit);
      }
      res.setHeader('Cache-Control', CACHE_CONTROL);
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('ETag', hit.etag);
      // Express answers 304 itself when If-None-Match matches (res.send checks req.fresh).
      res.status(200).type(TYPES[kind]).send(hit.body);
    };
  }

  r.get(OPEN_DATA_PATHS.notula, gzip, serve('notula'));
  r.get(OPEN_DATA_PATHS.feed, gzip, serve('feed'));
  r.get(OPEN_DATA_PATHS.catalog, gzip, serve('catalog'));
  return r;
}
