import { translator } from './lib/i18n.svelte.ts';
import id from './app-strings.id.json';
import enJson from './app-strings.en.json';

// Shown before any page's own dictionary has loaded, so the two strings live in the entry chunk.
const en: typeof id = enJson;
export const t = translator(id, en);
