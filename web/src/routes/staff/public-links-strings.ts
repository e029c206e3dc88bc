import { translator } from '../../lib/i18n.svelte.ts';

export const id: Record<'listeners' | 'studio' | 'lowerThird' | 'notula', string> = {
  listeners: 'Tautan pendengar', studio: 'Layar studio', lowerThird: 'Lower third (OBS/vMix)', notula: 'Notula publik',
};

export const en: typeof id = {
  listeners: 'Listener link', studio: 'Studio screen', lowerThird: 'Lower third (OBS/vMix)', notula: 'Public notula',
};

export const t = translator(id, en);
