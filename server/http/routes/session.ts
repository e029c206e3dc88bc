import { Router } from 'express';
import { serialize } from 'cookie';
import { fail } from '../../domain/errors.ts';
import { clientAddress } from '../../net/client-address.ts';
import { sendError } from '../errors.ts';
import { actorOf, body, sessionToken } from '../context.ts';
import { signIn } from '../schemas.ts';
import { SESSION_COOKIE } from '../security.ts';
import type { HttpDeps } from './deps.ts';

export function sessionRoutes({ staff, secureCookies, trustProxy }: HttpDeps): Router {
  const r = Router();

  r.post('/api/session', async (req, res) => {
    const input = body(req, res, signIn);
    if (!input) return;
    const out = await staff.signIn(input.username, input.password, clientAddress(req, trustProxy));
    if (!out.ok) {
      if (out.retryAfter) res.setHeader('Retry-After', String(out.retryAfter));
      return sendError(res, out.error);
    }
    res.setHeader('Set-Cookie', serialize(SESSION_COOKIE, out.value.token, {
      httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: 14 * 86_400,
    }));
    res.json({ staff: out.value.staff });
  });

  r.get('/api/session', (req, res) => {
    const actor = actorOf(req, staff);
    if (!actor || actor.kind !== 'staff') return sendError(res, fail('not_signed_in').error);
    res.json({ staff: staff.list().find((s) => s.id === actor.staffId) });
  });

  r.delete('/api/session', async (req, res) => {
    const token = sessionToken(req);
    if (token) await staff.signOut(token);
    res.setHeader('Set-Cookie', serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', maxAge: 0 }));
    res.status(204).end();
  });

  return r;
}
