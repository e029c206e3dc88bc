// Words for what a role may do on a staff page (RoleNote.svelte). The actions are named
// after the permissions in server/contract/permissions.ts, so a sentence can be built for
// any page from the table: "Menaruh pertanyaan di udara butuh peran Pemandu atau Admin."
import { language, translator } from '../../i18n.svelte.ts';
import type { ConsoleName, Permission } from '../../permissions.ts';
import type { Role } from '$contract/types.ts';
import { roleName } from './strings.ts';
import { isNamedAction, t as tAction } from './action-strings.ts';
import id from './role-strings.id.json';
import enJson from './role-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);

// Each action as the second half of "… butuh peran …"; only the permissions a page lists.
const list = (items: string[], type: 'conjunction' | 'disjunction') =>
  new Intl.ListFormat(language.current === 'en' ? 'en' : 'id', { type }).format(items);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Menaruh pertanyaan di udara dan memulai episode butuh peran Pemandu atau Admin." */
export function needsSentence(permissions: Permission[], roles: Role[]): string {
  const both = permissions.includes('episode.start') && permissions.includes('episode.end');
  const named: Array<Permission | 'both'> = both
    ? permissions.filter((p) => p !== 'episode.end').map((p) => (p === 'episode.start' ? 'both' : p))
    : permissions;
  const actions = named.map((p) => (isNamedAction(p) ? tAction(p) : p));
  return t('needs', { actions: capital(list(actions, 'conjunction')), roles: list(roles.map(roleName), 'disjunction') });
}

export const rolesList = (roles: Role[]): string => list(roles.map(roleName), 'disjunction');
export const pageName = (name: ConsoleName): string => t(`page.${name}`);
export const pageLink = (name: ConsoleName): string => t(`link.${name}`);
export const pagesList = (names: ConsoleName[]): string => list(names.map(pageName), 'conjunction');
