import type { DomainError, ErrorCode } from '$contract/errors.ts';
import { language } from './i18n.svelte.ts';
import { englishErrors } from './english-errors.svelte.ts';

/** The message to show for an error, in the chosen language. */
export function errorText(error: DomainError | { code: string; message: string; retryAfter?: number }): string {
  if (language.current !== 'en') return error.message;
  void englishErrors.load();
  const text = englishErrors.table?.[error.code as ErrorCode];
  if (!text) return error.message;
  return text.replace('{wait}', waitWords((error as { retryAfter?: number }).retryAfter));
}

/** "30 seconds", "10 minutes", as the server's Indonesian message words it. */
function waitWords(seconds: number | undefined): string {
  if (!seconds) return 'a moment';
  return seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}
