// The step-by-step set-up a station follows for each gateway (IntakeSetup), in words a
// station's technician reads beside the phone, the modem or Meta's dashboard.
import { translator } from '../../lib/i18n.svelte.ts';
import id from './intake-setup-strings.id.json';
import enJson from './intake-setup-strings.en.json';

const en: typeof id = enJson;
export const t = translator(id, en);
