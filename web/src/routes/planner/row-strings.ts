// Words of one row's own controls: its status, and the plan fields the musrenbang needs.
import { translator } from '../../lib/i18n.svelte.ts';
import id from './row-strings.id.json';
import enJson from './row-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
