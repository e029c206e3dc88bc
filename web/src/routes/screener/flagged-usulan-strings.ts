// The screener's words for the episode's flagged usulan.
import { translator } from '../../lib/i18n.svelte.ts';
import id from './flagged-usulan-strings.id.json';
import enJson from './flagged-usulan-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
