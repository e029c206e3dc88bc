// The closing editor's own words (kept apart from strings.ts so the editor can change
// without touching the rest of the console's dictionary).
import { translator } from '../../lib/i18n.svelte.ts';

type Key = 'remove' | 'removeConfirm' | 'removeYes' | 'removed' | 'cancel';

export const id: Record<Key, string> = {
  remove: 'Hapus pernyataan', removeConfirm: 'Hapus pernyataan penutup {name}?', removeYes: 'Ya, hapus',
  removed: 'Pernyataan penutup {name} dihapus.', cancel: 'Batal',
};

export const en: typeof id = {
  remove: 'Remove statement', removeConfirm: 'Remove the closing statement of {name}?', removeYes: 'Yes, remove',
  removed: 'Closing statement of {name} removed.', cancel: 'Cancel',
};

export const t = translator(id, en);
