// Words every staff page shares: episode statuses, the connection line, the frame.
import { translator } from '../../i18n.svelte.ts';
import { label } from '../../labels.ts';
import type { AspirationStatus, Channel, EpisodeStatus, QuestionStatus, Role } from '$contract/types.ts';
import id from './strings.id.json';
import enJson from './strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);

// Role, channel and status words come from the dictionary every page shares (lib/labels.ts).
export const roleName = (r: Role): string => label(`role.${r}`);
export const channelName = (c: Channel): string => label(`channel.${c}`);
export const episodeStatusName = (s: EpisodeStatus): string => t(`episode.${s}`);
export const questionStatusName = (s: QuestionStatus): string => label(`question.${s}`);
export const aspirationStatusName = (s: AspirationStatus): string => label(`aspiration.${s}`);

/** "A", "A dan B", "A, B dan C" — the way the notula names several speakers. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${t('and')} ${names[names.length - 1]}`;
}
