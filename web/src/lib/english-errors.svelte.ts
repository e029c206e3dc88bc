// The English words for the server's error codes, fetched only once a reader picks English:
// the server already words every error in Indonesian, and a listener's phone should not
// download 8 KB of English it never shows. Reactive, so a message shown before the table
// arrived turns English when it does.
import { language } from './i18n.svelte.ts';

class EnglishErrors {
  table = $state<Record<string, string> | null>(null);
  #loading: Promise<void> | null = null;

  /** Resolves once the table is here (at once when it is); a failed fetch may be tried again. */
  load(): Promise<void> {
    this.#loading ??= import('./error-strings.ts').then(
      (m) => void (this.table = m.ERROR_EN),
      () => void (this.#loading = null),
    );
    return this.#loading;
  }
}

export const englishErrors = new EnglishErrors();
if (language.current === 'en') void englishErrors.load();
