export { escapeInline, unescapeInline } from './escape.ts';
export { formatWaktu } from './waktu.ts';
export { exportNotula, transcriptFileName } from './export.ts';
export { importNotula } from './import.ts';
export type { ImportResult } from './import.ts';
export { renderNotulaHtml } from './html.ts';
