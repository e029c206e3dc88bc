// Words of the admin's moderation word lists (what the flags look for).
import { translator } from '../../lib/i18n.svelte.ts';
import id from './moderation-strings.id.json';
import enJson from './moderation-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
