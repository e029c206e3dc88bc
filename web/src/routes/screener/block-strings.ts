// The screener's words for blocking a sender and lifting a block.
import { translator } from '../../lib/i18n.svelte.ts';
import id from './block-strings.id.json';
import enJson from './block-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
