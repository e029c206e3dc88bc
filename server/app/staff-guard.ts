import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import type { Permission } from '../contract/permissions.ts';
import type { Actor } from '../contract/types.ts';
import type { Outcome } from './episode-service.ts';

/**
 * The one staff guard, for HTTP routes (http/context.ts requireStaff) and socket handlers
 * (realtime/handler.ts staffOnly): signed in, and holding the permission when one is named.
 * Socket handlers name none: their domain rules check the permission themselves, with the
 * episode in hand (a host of this show, say). `passwordChangeRequired` says why a session
 * that exists gives no actor, so the page can send the user to change it.
 */
export function staffGuard(actor: Actor | null, permission?: Permission, passwordChangeRequired = false): Outcome<Actor> {
  if (!actor) return fail(passwordChangeRequired ? 'password_change_required' : 'not_signed_in');
  if (permission && !can(actor, permission)) return fail('not_allowed');
  return { ok: true, value: actor };
}
