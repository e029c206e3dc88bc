// The on-air box's words (beside strings.ts, so the box can change on its own).
import { translator } from '../../lib/i18n.svelte.ts';
import id from './on-air-strings.id.json';
import enJson from './on-air-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
