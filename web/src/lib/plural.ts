// "1 supporter", "2 supporters": English counts need two forms, Indonesian one ("1 dukungan",
// "2 dukungan"). A dictionary value may hold forms split by "|", in the order "one|other";
// Intl.PluralRules picks, so a language with other categories only needs its own forms.
const rules = new Map<string, Intl.PluralRules>();

function rulesFor(lang: string): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The form of `value` ("one|other", or a single form) that fits the count `n` in `lang`. */
export function pluralForm(lang: string, n: number, value: string): string {
  const forms = value.split('|');
  if (forms.length === 1) return value;
  return rulesFor(lang).select(n) === 'one' ? forms[0]! : forms[forms.length - 1]!;
}
