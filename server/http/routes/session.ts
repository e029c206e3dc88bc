import { Router } from 'express';
import type { Response } from 'express';
import { serialize } from 'cookie';
import { fail } from '../../contract/errors.ts';
import { clientAddress } from '../../net/client-address.ts';
import { sendError } from '../errors.ts';
import { body, sessionToken } from '../context.ts';
import { passwordChange, signIn } from '../schemas.ts';
import { SESSION_COOKIE } from '../../auth/session-cookie.ts';
import type { HttpDeps } from './deps.ts';

export function sessionRoutes({ staff, secureCookies, trustProxy }: HttpDeps): Router {
  const r = Router();
  const setSession = (res: Response, token: string) => res.setHeader('Set-Cookie', serialize(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: 14 * 86_400,
  }));

  r.post('/api/session', async (req, res) => {
    const input = body(req, res, signIn);
    if (!input) return;
    const out = await staff.signIn(input.username, input.password, clientAddress(req, trustProxy));
    if (!out.ok) {
      if (out.retryAfter) res.setHeader('Retry-After', String(out.retryAfter));
      return sendError(res, out.error);
    }
    setSession(res, out.value.token);
    res.json({ staff: out.value.staff });
  });

  // Also answers for an account that must change its password first (`mustChangePassword`),
  // so the page can ask for the new one.
  r.get('/api/session', (req, res) => {
    const me = staff.accountFor(sessionToken(req));
    if (!me) return sendError(res, fail('not_signed_in').error);
    res.json({ staff: me });
  });

  r.post('/api/session/password', async (req, res) => {
    const input = body(req, res, passwordChange);
    if (!input) return;
    const out = await staff.changeOwnPassword(sessionToken(req), input.currentPassword, input.newPassword, clientAddress(req, trustProxy));
    if (!out.ok) {
      if (out.retryAfter) res.setHeader('Retry-After', String(out.retryAfter));
      return sendError(res, out.error);
    }
    setSession(res, out.value.token);
    res.json({ staff: out.value.staff });
  });

  r.delete('/api/session', async (req, res) => {
    const token = sessionToken(req);
    if (token) await staff.signOut(token);
    res.setHeader('Set-Cookie', serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: 0 }));
    res.status(204).end();
  });

  return r;
}
