import { translator } from './i18n.svelte.ts';
import id from './address-strings.id.json';
import enJson from './address-strings.en.json';

// Shown on the host console and the studio screen when the join link is localhost/loopback.
const en: typeof id = enJson;
export const t = translator(id, en);
