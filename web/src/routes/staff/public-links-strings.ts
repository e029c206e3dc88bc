import type { Dict } from '../../lib/i18n.svelte.ts';

export const publicLinkStrings: Dict<'listeners' | 'studio' | 'lowerThird' | 'notula'> = {
  id: { listeners: 'Tautan pendengar', studio: 'Layar studio', lowerThird: 'Lower third (OBS/vMix)', notula: 'Notula publik' },
  en: { listeners: 'Listener link', studio: 'Studio screen', lowerThird: 'Lower third (OBS/vMix)', notula: 'Public notula' },
};
