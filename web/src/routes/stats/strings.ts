import { translator } from '../../lib/i18n.svelte.ts';
import id from './strings.id.json';
import enJson from './strings.en.json';

// The staff statistics page (Stats, AudienceChart, ReaderPanel).
const en: typeof id = enJson;
export const t = translator(id, en);
