import { translator } from './i18n.svelte.ts';
import id from './labels.id.json';
import enJson from './labels.en.json';

// The words for statuses, channels and roles, shared by every page so a question or an usulan
// is called the same on the listener's phone and on the staff consoles. Written as the listener
// reads them inside a sentence ("Pertanyaan Anda kini: disetujui."); staff pages show them as
// labels through `label()`, which only capitalises. Kept small and free of server imports: the
// listener's chunk carries it. The keys spell the server's unions (`question.${QuestionStatus}`),
// so a status added there without a word here fails the type check where it is looked up.
const en: typeof id = enJson;
export const t = translator(id, en);

/** The same word standing alone, as a badge or an option: first letter capitalised. */
export const label = (key: keyof typeof id): string => {
  const s = t(key);
  return s.charAt(0).toUpperCase() + s.slice(1);
};
