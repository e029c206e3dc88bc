import { translator } from '../../lib/i18n.svelte.ts';
import id from './strings.id.json';
import enJson from './strings.en.json';

// The listener's words, Indonesian first. Kept short: a 360 px screen, read on the move.
export type Key = keyof typeof id;

const en: typeof id = enJson;
export const t = translator(id, en);
