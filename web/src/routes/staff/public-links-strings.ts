import { translator } from '../../lib/i18n.svelte.ts';
import id from './public-links-strings.id.json';
import enJson from './public-links-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
