import { translator } from '../lib/i18n.svelte.ts';
import id from './home-strings.id.json';
import enJson from './home-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
