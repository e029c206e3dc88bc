// Words for what a role may do on a staff page (RoleNote.svelte). The actions are named
// after the permissions in server/contract/permissions.ts, so a sentence can be built for
// any page from the table: "Menaruh pertanyaan di udara butuh peran Pemandu atau Admin."
import { language, translator } from '../../i18n.svelte.ts';
import type { ConsoleName, Permission } from '../../permissions.ts';
import type { Role } from '$contract/types.ts';
import { roleName } from './strings.ts';
import { isNamedAction, t as tAction } from './action-strings.ts';

type Key = 'readOnly' | 'partial' | 'needs' | 'noView' | 'viewNeeds' | 'home' | 'homeFromList' | 'episodeList'
  | 'page.host' | 'page.screener' | 'page.notulis' | 'page.planner' | 'link.host' | 'link.screener' | 'link.notulis' | 'link.planner';

export const id: Record<Key, string> = {
  readOnly: 'Anda masuk sebagai {role}: halaman ini hanya bisa dibaca.',
  partial: 'Anda masuk sebagai {role}: sebagian tindakan di halaman ini bukan untuk peran Anda.',
  needs: '{actions} butuh peran {roles}.',
  noView: 'Peran Anda ({role}) tidak bisa membuka {page}.', viewNeeds: 'Halaman ini untuk peran {roles}.',
  home: 'Halaman untuk peran Anda:', homeFromList: 'Halaman untuk peran Anda ({pages}) dibuka dari', episodeList: 'daftar episode',
  'page.host': 'konsol pemandu', 'page.screener': 'konsol penyaring', 'page.notulis': 'konsol notulis', 'page.planner': 'meja perencana',
  'link.host': 'Konsol pemandu', 'link.screener': 'Konsol penyaring', 'link.notulis': 'Konsol notulis', 'link.planner': 'Meja perencana',
};

export const en: typeof id = {
  readOnly: 'You are signed in as {role}: this page is read-only for you.',
  partial: 'You are signed in as {role}: some actions on this page are not for your role.',
  needs: '{actions} needs the role {roles}.',
  noView: 'Your role ({role}) cannot open the {page}.', viewNeeds: 'This page is for the roles {roles}.',
  home: 'Pages for your role:', homeFromList: 'Pages for your role ({pages}) open from the', episodeList: 'episode list',
  'page.host': 'host console', 'page.screener': 'screener console', 'page.notulis': 'note taker console', 'page.planner': 'planner’s desk',
  'link.host': 'Host console', 'link.screener': 'Screener console', 'link.notulis': 'Note taker console', 'link.planner': 'Planner’s desk',
};

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
