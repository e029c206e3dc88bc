// Words of the own-district controls (admin): the official kabupaten picker, the sample
// that steps aside or is removed, and the single-region editor.
import { translator } from '../../lib/i18n.svelte.ts';
import id from './region-strings.id.json';
import enJson from './region-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
