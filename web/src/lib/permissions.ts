// What the signed-in role may do on each staff page, read from the server's own table
// (server/contract/permissions.ts), never from role lists written here: when the table
// changes, the pages follow. The page only hides what the server would refuse anyway;
// the server still checks every action. Pure (no Svelte, no i18n) so it is unit-tested.
import { PERMISSIONS } from '$contract/permissions.ts';
import type { Permission } from '$contract/permissions.ts';
import { ROLES } from '$contract/types.ts';
import type { Role } from '$contract/types.ts';

export type { Permission };

export type ConsoleName = 'host' | 'screener' | 'notulis' | 'planner';

/**
 * Per page: what it takes to open it, and the actions on it. The first action is what
 * the page is for; a role that has it is "at home" there (see `homeConsoles`).
 */
export const CONSOLES = {
  host: { view: 'episode.viewStaff', act: ['question.air', 'episode.start', 'episode.end', 'poll.run', 'aspiration.submit'], perEpisode: true },
  screener: { view: 'episode.viewStaff', act: ['question.moderate', 'question.submit', 'episode.moderation', 'aspiration.submit'], perEpisode: true },
  notulis: { view: 'episode.viewStaff', act: ['note.write', 'episode.correct'], perEpisode: true },
  planner: { view: 'aspiration.review', act: ['aspiration.review'], perEpisode: false },
} as const satisfies Record<ConsoleName, { view: Permission; act: readonly [Permission, ...Permission[]]; perEpisode: boolean }>;

export const CONSOLE_NAMES = Object.keys(CONSOLES) as ConsoleName[];

/** Whether a staff role may do it; no role (not signed in, or not yet known) may do nothing. */
export function roleCan(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * The roles that may do it, in one fixed order with admin last ("Pemandu atau Admin" reads
 * better), so two permissions held by the same roles make one sentence.
 */
export function rolesWith(permission: Permission): Role[] {
  const order = [...ROLES.slice(1), ROLES[0]];
  return order.filter((r) => roleCan(r, permission));
}

export interface Access {
  /** May open the page at all. */
  view: boolean;
  /** May take none of the page's actions. */
  readOnly: boolean;
  /** The page's actions this role may not take, grouped by the roles that may (one sentence each). */
  missing: Array<{ permissions: Permission[]; roles: Role[] }>;
}

export function consoleAccess(role: Role | null | undefined, name: ConsoleName): Access {
  const { view, act } = CONSOLES[name];
  const lacking = (act as readonly Permission[]).filter((p) => !roleCan(role, p));
  const groups = new Map<string, { permissions: Permission[]; roles: Role[] }>();
  for (const p of lacking) {
    const roles = rolesWith(p);
    const key = roles.join(',');
    const group = groups.get(key) ?? { permissions: [], roles };
    group.permissions.push(p);
    groups.set(key, group);
  }
  return { view: roleCan(role, view), readOnly: lacking.length === act.length, missing: [...groups.values()] };
}

/** The pages whose main action this role has: where a page it cannot use points it to. */
export function homeConsoles(role: Role | null | undefined): ConsoleName[] {
  return CONSOLE_NAMES.filter((n) => roleCan(role, CONSOLES[n].act[0]) && roleCan(role, CONSOLES[n].view));
}

/** The address of a page: the live consoles are per episode, the planner's desk is not. */
export function consolePath(name: ConsoleName, episodeId: string | null): string {
  if (!CONSOLES[name].perEpisode) return `/${name}`;
  return episodeId ? `/${name}/${encodeURIComponent(episodeId)}` : '/staff';
}
