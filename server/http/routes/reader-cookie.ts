// Who a reader of the public pages is: a signed random token in a cookie of its own, sent
// only to /arsip (never to the API or the sockets), SameSite=Lax so another site's form
// cannot post an answer with it. Nothing about the person: no name, no address.
import type { Request } from 'express';
import { parse, serialize } from 'cookie';
import type { ReaderService } from '../../app/reader-service.ts';

export const READER_COOKIE = 'kentongan_pembaca';

export function readerCookie(token: string, secure: boolean): string {
  return serialize(READER_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/arsip', maxAge: 365 * 24 * 3600 });
}

/** The reader's key from the cookie, or null when there is none or it was not issued here. */
export function readerOf(req: Request, readers: ReaderService): string | null {
  const header = req.headers.cookie;
  return header ? readers.readerOf(parse(header)[READER_COOKIE]) : null;
}
