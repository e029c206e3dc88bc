import { translator } from '../../lib/i18n.svelte.ts';
import id from './strings.id.json';
import enJson from './strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
