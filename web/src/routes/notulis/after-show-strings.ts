import { translator } from '../../lib/i18n.svelte.ts';
import id from './after-show-strings.id.json';
import enJson from './after-show-strings.en.json';

// Corrections after the show (AfterShow, HeadingEditor, RecordingForm, EditLog).
const en: typeof id = enJson;
export const t = translator(id, en);
