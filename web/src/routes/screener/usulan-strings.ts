// The screener's words for typing in an usulan that came by phone, SMS, WhatsApp…
// The field words have the same keys as the listener's form (UsulanFields).
import { translator } from '../../lib/i18n.svelte.ts';
import id from './usulan-strings.id.json';
import enJson from './usulan-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
