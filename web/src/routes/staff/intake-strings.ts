// The admin's words for the SMS and WhatsApp doors: the settings form (IntakeSettings).
import { translator } from '../../lib/i18n.svelte.ts';
import id from './intake-strings.id.json';
import enJson from './intake-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
