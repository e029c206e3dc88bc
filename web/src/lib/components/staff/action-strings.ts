import { translator } from '../../i18n.svelte.ts';
import id from './action-strings.id.json';
import enJson from './action-strings.en.json';

// What a permission lets a role do, said inside "… butuh peran …" (role-strings.ts).
// `both`: starting and ending, said as one action when a role may do neither.
const en: typeof id = enJson;
export const t = translator(id, en);

export const isNamedAction = (p: string): p is keyof typeof id => Object.hasOwn(id, p);
