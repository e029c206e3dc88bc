// Indonesian first, English second. Each page keeps its own dictionary next to it,
// so the listener's phone downloads only the listener's strings. The words are data that
// translators edit: `<name>.id.json` and `<name>.en.json` beside the module `<name>.ts`, which
// has one shape: `import id from './<name>.id.json'`, `import enJson from './<name>.en.json'`,
// `const en: typeof id = enJson` (a missing English key fails the type check) and
// `export const t = translator(id, en)`. test/web/dictionaries.test.ts refuses an extra key,
// a placeholder only one language has, and an English count without its "one|other" forms.
import { pluralForm } from './plural.ts';

export type Lang = 'id' | 'en';

function initial(): Lang {
  try {
    return localStorage.getItem('kentongan.lang') === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

class Language {
  current = $state<Lang>(initial());

  constructor() {
    // A stored English choice must reach screen readers from the first paint, not only after a switch.
    document.documentElement.lang = this.current;
  }

  set(lang: Lang): void {
    this.current = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem('kentongan.lang', lang);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }
}

export const language = new Language();

/**
 * The one way to make a translator for a dictionary; `{name}` placeholders are filled from `vars`.
 * A numeric `n` picks the plural form of a value written "one|other" (see plural.ts).
 */
export function translator<K extends string>(id: Record<K, string>, en: Record<NoInfer<K>, string>) {
  return (key: K, vars?: Record<string, string | number>): string => {
    let s = (language.current === 'en' ? en : id)[key] ?? id[key] ?? key;
    if (typeof vars?.n === 'number') s = pluralForm(language.current, vars.n, s);
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}
