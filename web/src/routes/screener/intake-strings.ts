// The screener's words for texted questions: replying to the sender and the gateways' health.
import { translator } from '../../lib/i18n.svelte.ts';
import id from './intake-strings.id.json';
import enJson from './intake-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
