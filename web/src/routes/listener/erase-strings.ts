import { translator } from '../../lib/i18n.svelte.ts';
import id from './erase-strings.id.json';
import enJson from './erase-strings.en.json';

// "Hapus data saya" (UU PDP): the words name exactly what goes and what stays.
const en: typeof id = enJson;
export const t = translator(id, en);
