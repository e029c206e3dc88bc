// The closing editor's own words (kept apart from strings.ts so the editor can change
// without touching the rest of the console's dictionary).
import { translator } from '../../lib/i18n.svelte.ts';
import id from './closing-strings.id.json';
import enJson from './closing-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
