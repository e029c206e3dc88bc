// Rendered public answers kept in memory: a page (or data file) is built once per state of
// what it shows and kept gzipped with its ETag, so a hit costs a Map lookup and a 304 costs
// nothing. The caller says what "the same state" is with a key; a kept answer with another
// key is rebuilt. A few dozen entries at most: the oldest goes first.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

export interface Kept {
  key: string;
  etag: string;
  body: string;
  gzip: Buffer;
}

export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

export class PageCache {
  readonly #pages = new Map<string, Kept>();
  constructor(private readonly max = 32) {}

  /** The answer at `slot` for state `key`, built by `make` when none is kept for that state. */
  get(slot: string, key: string, make: () => string): Kept {
    const hit = this.#pages.get(slot);
    if (hit && hit.key === key) return hit;
    const body = make();
    const page = { key, etag: etagOf(body), body, gzip: gzipSync(body) };
    this.#pages.delete(slot);
    this.#pages.set(slot, page);
    if (this.#pages.size > this.max) this.#pages.delete(this.#pages.keys().next().value!);
    return page;
  }

  clear(): void {
    this.#pages.clear();
  }
}

/**
 * Sends a kept answer: 304 when the client has it (Express checks If-None-Match against the
 * ETag in res.send), the gzip bytes when it takes them. Headers (type, CSP, CORS) are the caller's.
 */
export function sendKept(req: Request, res: Response, page: Kept, cacheControl: string): void {
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', page.etag);
  if (!req.acceptsEncodings('gzip')) {
    res.status(200).send(page.body);
    return;
  }
  res.setHeader('Content-Encoding', 'gzip');
  res.status(200).send(page.gzip);
}
