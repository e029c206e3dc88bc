// The moderation flags' words on staff cards: the chips' label and each reason's shape
// (lib/flags.ts reads the server's Indonesian reason back into these).
import { translator } from '../../i18n.svelte.ts';
import { flagText } from '../../flags.ts';
import id from './flag-strings.id.json';
import enJson from './flag-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);

/** A flag's reason in the page's language. */
export const flagReason = (reason: string): string => flagText(reason, t);
