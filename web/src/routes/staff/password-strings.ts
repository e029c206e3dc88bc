import { translator } from '../../lib/i18n.svelte.ts';
import id from './password-strings.id.json';
import enJson from './password-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
