import { translator } from '../../lib/i18n.svelte.ts';
import id from './audit-strings.id.json';
import enJson from './audit-strings.en.json';

// The admin's audit log view: who did what, when. Action names are shown in words where known.
const en: typeof id = enJson;
export const t = translator(id, en);
