// Indonesian first, English second. Each page keeps its own dictionary next to it,
// so the listener's phone downloads only the listener's strings.
import { pluralForm } from './plural.ts';

export type Lang = 'id' | 'en';
export type Dict<K extends string> = Record<Lang, Record<K, string>>;

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
 * Returns a translator for one dictionary; `{name}` placeholders are filled from `vars`.
 * A numeric `n` picks the plural form of a value written "one|other" (see plural.ts).
 */
export function translator<K extends string>(dict: Dict<K>) {
  return (key: K, vars?: Record<string, string | number>): string => {
    let s = dict[language.current][key] ?? dict.id[key] ?? key;
    if (typeof vars?.n === 'number') s = pluralForm(language.current, vars.n, s);
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}
