// The English words for the server's error codes, fetched only once a reader picks English:
// the server already words every error in Indonesian, and a listener's phone should not
// download 8 KB of English it never shows. Reactive, so a message shown before the table
// arrived turns English when it does.
import { language } from './i18n.svelte.ts';

class EnglishErrors {
  table = $state<Record<string, string> | null>(null);
  #asked = false;

  load(): void {
    if (this.#asked) return;
    this.#asked = true;
    void import('./error-strings.ts').then((m) => (this.table = m.ERROR_EN), () => (this.#asked = false));
  }
}

export const englishErrors = new EnglishErrors();
if (language.current === 'en') englishErrors.load();
