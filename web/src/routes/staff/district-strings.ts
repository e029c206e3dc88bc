// Words of the district settings (admin): dimensions, kecamatan and desa, CSV import.
import { translator } from '../../lib/i18n.svelte.ts';
import id from './district-strings.id.json';
import enJson from './district-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
