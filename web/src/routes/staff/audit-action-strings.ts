import { translator } from '../../lib/i18n.svelte.ts';
import id from './audit-action-strings.id.json';
import enJson from './audit-action-strings.en.json';

// The audit log's known actions in words; others are shown as the server names them.
const en: typeof id = enJson;
export const t = translator(id, en);

export const isKnownAction = (a: string): a is keyof typeof id => Object.hasOwn(id, a);
