// The host's words for polls and usulan, kept apart from the on-air queue's.
import { translator } from '../../lib/i18n.svelte.ts';
import id from './poll-strings.id.json';
import enJson from './poll-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
