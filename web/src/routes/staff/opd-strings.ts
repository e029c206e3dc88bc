// Words of the admin's OPD list (the agencies an usulan may be addressed to).
import { translator } from '../../lib/i18n.svelte.ts';
import id from './opd-strings.id.json';
import enJson from './opd-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
