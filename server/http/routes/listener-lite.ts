// The listener page without JavaScript (issue 13): GET /j/:code/ringan and its three form
// posts (tanya, dukung, pilih), plus /j/:code itself for Opera Mini, whose proxy renders pages
// on its own servers and can hold no socket. A listener here is the same as on a socket: a
// token from auth/tokens.ts (kept in a cookie instead of localStorage), recorded as joined,
// paying into the same per-token and per-address limits, and every change goes through
// EpisodeService.run with the rules the socket handlers use. Each post answers 303 back to
// the page with an outcome code (?pesan=…) that the page turns into a sentence from a fixed
// table (public/listener-lite-strings.ts): the address never carries text to show.
import express, { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import compression from 'compression';
import * as v from 'valibot';
import { parse as parseCookie, serialize } from 'cookie';
import { fail } from '../../contract/errors.ts';
import type { DomainError, ErrorCode } from '../../contract/errors.ts';
import { ID_PATTERN } from '../../contract/ids.ts';
import type { Actor, Episode } from '../../contract/types.ts';
import { formSourceAllowed } from '../../auth/origin.ts';
import type { OriginPolicy } from '../../auth/origin.ts';
import { formTokenMatches, issueListenerToken, listenerFormToken, verifyListenerToken } from '../../auth/tokens.ts';
import { joinListener } from '../../domain/episode.ts';
import { isMember } from '../../domain/members.ts';
import { askQuestion, findQuestion } from '../../domain/question.ts';
import { applyVote } from '../../domain/vote.ts';
import { answerPoll } from '../../domain/poll.ts';
import { clientAddress } from '../../net/client-address.ts';
import type { AddressLimitName } from '../../realtime/rate-limit.ts';
import { liteModel, liteNotice, litePage, litePageOf } from '../../public/listener-lite.ts';
import { STRINGS, outcome } from '../../public/listener-lite-strings.ts';
import type { Lang, OkCode } from '../../public/listener-lite-strings.ts';
import { sendError } from '../errors.ts';
import { countsAsView } from './public.ts';
import type { HttpDeps } from './deps.ts';

export const LISTENER_COOKIE = 'kentongan_pendengar';
/** Nothing runs, nothing loads: the page is its HTML and one inline stylesheet. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const YEAR = 365 * 24 * 3600;
/** Opera Mini (its "extreme" data-saving mode) renders on Opera's servers: no socket, little script. */
const OPERA_MINI = /Opera Mini/i;

const token = v.pipe(v.string(), v.maxLength(64));
const id = v.pipe(v.string(), v.regex(ID_PATTERN));
const line = v.optional(v.pipe(v.string(), v.maxLength(2_000)));
// The text's own limit (500) is the rule's to say (text_too_long); this only bounds the parse.
const schemas = {
  tanya: v.strictObject({ t: token, text: v.pipe(v.string(), v.maxLength(10_000)), name: line, location: line }),
  dukung: v.strictObject({ t: token, questionId: id, hal: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))) }),
  pilih: v.strictObject({ t: token, pollId: id, option: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/))) }),
};
type Action = keyof typeof schemas;

/** What each post costs the client's address, as the same event on a socket (realtime/server.ts ADDRESS_COST). */
const ADDRESS_COST: Record<Action, AddressLimitName | null> = { tanya: 'asks', dukung: 'votes', pilih: null };

// 16 KB: a 500-character question of four-byte characters, percent-encoded, with room to spare.
const urlencoded = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 8 });

type Outcome = { code: OkCode | ErrorCode; hash?: string; hal?: string };

export function listenerLiteRoutes(deps: HttpDeps & OriginPolicy): Router {
  const { episodes, addressLimit, tokenLimit, listenerSecret, trustProxy, secureCookies, pendingCaps, log } = deps;
  const r = Router();
  const gzip = compression();

  const cookieOf = (req: Request): string | null => verifyListenerToken(listenerSecret, parseCookie(req.headers.cookie ?? '')[LISTENER_COOKIE]);
  const base = (e: Episode) => `/j/${encodeURIComponent(e.code)}/ringan`;

  function send(res: Response, status: number, body: string): void {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Accept-Language, Cookie');
    res.status(status).type('html').send(body);
  }

  function notFound(res: Response, lang: Lang): void {
    const s = STRINGS[lang];
    send(res, 404, liteNotice(lang, s.notFoundTitle, s.notFound, { href: '/', label: s.home }));
  }

  function refused(res: Response, lang: Lang, error: DomainError, retryAfter: number | undefined, back: string): void {
    if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    const s = STRINGS[lang];
    send(res, 429, liteNotice(lang, s.waitTitle, outcome(error.code, lang)!.text, { href: back, label: s.reload }));
  }

  /** The token's limit, then the address's for what this costs: the order a socket event pays in. */
  function limited(listenerId: string, address: string, cost: AddressLimitName | null): { error: DomainError; retryAfter?: number } | null {
    const byToken = tokenLimit(listenerId, 'listener');
    if (byToken) return { error: byToken };
    const byAddress = cost ? addressLimit(cost, address) : null;
    return byAddress ? { error: byAddress.error, retryAfter: byAddress.retryAfter } : null;
  }

  async function page(req: Request, res: Response): Promise<void> {
    const lang = langOf(req);
    const e = episodes.byCode(String(req.params.code ?? ''));
    if (!e) return notFound(res, lang);
    const address = clientAddress(req, trustProxy);
    let listenerId = cookieOf(req);
    if (!listenerId) {
      // A new identity costs its address, as in the socket handshake.
      const refusal = addressLimit('newTokens', address);
      if (refusal) return refused(res, lang, refusal.error, refusal.retryAfter, base(e));
      const issued = issueListenerToken(listenerSecret);
      listenerId = issued.listenerId;
      res.setHeader('Set-Cookie', serialize(LISTENER_COOKIE, issued.token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/j/', maxAge: YEAR }));
    }
    // Opening the page is what episode:join is on a socket, and is counted as one.
    const over = limited(listenerId, address, 'joins');
    if (over) return refused(res, lang, over.error, over.retryAfter, base(e));
    // A link preview (a shared /j/CODE/ringan in a chat) is not a listener joining.
    if (e.status !== 'ended' && !isMember(e.listeners, listenerId) && countsAsView(req)) {
      const me = listenerId;
      await episodes.run(e.id, (ep) => joinListener(ep, me));
    }
    const now = episodes.find(e.id) ?? e;
    const hal = typeof req.query.hal === 'string' && /^\d{1,4}$/.test(req.query.hal) ? Number(req.query.hal) : 1;
    send(res, 200, litePage({
      model: liteModel(now, listenerId, hal), lang, base: base(now),
      formToken: listenerFormToken(listenerSecret, listenerId),
      message: outcome(req.query.pesan, lang),
    }));
  }

  r.get('/j/:code/ringan', gzip, page);
  r.get('/j/:code', (req: Request, res: Response, next: NextFunction) => {
    if (!OPERA_MINI.test(req.get('user-agent') ?? '')) return next();
    gzip(req, res, () => void page(req, res).catch(next));
  });

  /**
   * One form post: the episode, where it came from, who sent it, their limits, the body, then
   * the rule. Every answer but an unknown episode or another site's page is a 303 to the page.
   */
  function post<A extends Action>(action: A, act: (e: Episode, actor: Actor & { kind: 'listener' }, input: v.InferOutput<(typeof schemas)[A]>) => Promise<Outcome>) {
    return async (req: Request, res: Response) => {
      const lang = langOf(req);
      const e = episodes.byCode(String(req.params.code ?? ''));
      if (!e) return notFound(res, lang);
      // The app refuses a foreign Origin before this; an old browser may send only a Referer.
      if (!formSourceAllowed(req, deps)) return sendError(res, fail('not_allowed', 'Permintaan dari situs lain ditolak.').error);
      const back = (o: Outcome) => {
        const query = `${o.hal && o.hal !== '1' ? `hal=${o.hal}&` : ''}pesan=${o.code}`;
        res.redirect(303, `${base(e)}?${query}${o.hash ? `#${o.hash}` : ''}`);
      };
      const listenerId = cookieOf(req);
      if (!listenerId) return back({ code: 'listener_form_stale' });
      const over = limited(listenerId, clientAddress(req, trustProxy), ADDRESS_COST[action]);
      if (over) return back({ code: over.error.code });
      const unread = await readForm(req, res);
      if (unread) return back({ code: unread });
      const parsed = v.safeParse(schemas[action], req.body ?? {});
      if (!parsed.success) return back({ code: 'invalid_payload' });
      if (!formTokenMatches(listenerSecret, listenerId, parsed.output.t)) return back({ code: 'listener_form_stale' });
      try {
        back(await act(e, { kind: 'listener', listenerId }, parsed.output));
      } catch (err) {
        log(`kentongan: ${req.path} failed: ${(err as Error)?.stack ?? String(err)}`);
        back({ code: 'internal' });
      }
    };
  }

  r.post('/j/:code/ringan/tanya', post('tanya', async (e, actor, input) => {
    const out = await episodes.run(e.id, (ep, c) => askQuestion(ep, actor, { text: input.text, name: input.name ?? null, location: input.location ?? null }, c, pendingCaps));
    if (!out.ok) return { code: out.error.code };
    return { code: out.value.status === 'pending' ? 'ok_pending' : 'ok_approved' };
  }));

  r.post('/j/:code/ringan/dukung', post('dukung', async (e, actor, input) => {
    // As on a socket, only a listener who opened this episode's page weighs in.
    if (!isMember(e.listeners, actor.listenerId)) return { code: e.status === 'ended' ? 'episode_ended' : 'not_joined', hal: input.hal };
    let op: '+' | '-' = '+';
    const out = await episodes.run(e.id, (ep, c) => {
      // A second press withdraws, as on the web page: decided on the episode as it is now.
      const q = findQuestion(ep, input.questionId);
      op = isMember(q?.voters ?? [], actor.listenerId) || isMember(q?.suspendedVoters ?? [], actor.listenerId) ? '-' : '+';
      return applyVote(ep, { op, questionId: input.questionId, listenerId: actor.listenerId }, c);
    });
    if (!out.ok) return { code: out.error.code, hal: input.hal };
    // Back to the question, on the page its new count moved it to (the one on air is on every page).
    const now = episodes.find(e.id);
    const hal = now ? litePageOf(now, input.questionId) : null;
    return { code: op === '+' ? 'ok_voted' : 'ok_withdrawn', hal: hal ? String(hal) : input.hal, hash: `q-${input.questionId}` };
  }));

  r.post('/j/:code/ringan/pilih', post('pilih', async (e, actor, input) => {
    if (input.option === undefined) return { code: 'poll_option_invalid' };
    const option = Number(input.option);
    const out = await episodes.run(e.id, (ep, c) => answerPoll(ep, actor, input.pollId, option, c));
    return { code: out.ok ? 'ok_answered' : out.error.code };
  }));

  return r;
}

/** Indonesian unless the browser puts English first (a page for anyone: no switch to find). */
function langOf(req: Request): Lang {
  return req.acceptsLanguages('id', 'en') === 'en' ? 'en' : 'id';
}

/** Parses the urlencoded body; the error code of a body too large or unreadable, else null. */
function readForm(req: Request, res: Response): Promise<ErrorCode | null> {
  return new Promise((resolve) => {
    urlencoded(req, res, (err?: unknown) => {
      if (!err) return resolve(null);
      resolve((err as { type?: string }).type === 'entity.too.large' ? 'payload_too_large' : 'invalid_payload');
    });
  });
}
