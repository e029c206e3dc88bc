import { translator } from '../../lib/i18n.svelte.ts';
import id from './usulan-strings.id.json';
import enJson from './usulan-strings.en.json';

// Words of the poll and the usulan, apart from the page's own strings: only phones that
// open the form or see a poll download them.
export type UsulanKey = keyof typeof id;

const en: typeof id = enJson;
export const t = translator(id, en);
