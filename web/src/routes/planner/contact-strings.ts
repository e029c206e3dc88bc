import { translator } from '../../lib/i18n.svelte.ts';
import id from './contact-strings.id.json';
import enJson from './contact-strings.en.json';

// "Hapus kontak" on the planner's desk (UU PDP): the name and phone go, the usulan stays.
const en: typeof id = enJson;
export const t = translator(id, en);
