// "1 supporter", "2 supporters": the form is chosen by Intl.PluralRules.
import { describe, expect, it } from 'vitest';
import { pluralForm } from '../../web/src/lib/plural.ts';

describe('pluralForm', () => {
  it('picks one or other in English', () => {
    expect(pluralForm('en', 1, '{n} supporter|{n} supporters')).toBe('{n} supporter');
    expect(pluralForm('en', 0, '{n} supporter|{n} supporters')).toBe('{n} supporters');
    expect(pluralForm('en', 2, '{n} supporter|{n} supporters')).toBe('{n} supporters');
  });
  it('keeps a single form as it is (Indonesian counts have one)', () => {
    expect(pluralForm('id', 1, '{n} dukungan')).toBe('{n} dukungan');
    expect(pluralForm('id', 7, '{n} dukungan')).toBe('{n} dukungan');
  });
  it('takes the last form where the language has no "one"', () => {
    expect(pluralForm('id', 1, 'a|b')).toBe('b');
  });
});

// The rule every dictionary's English follows ("{n} …s" has a singular form too) is checked
// over the JSON files with the rest of the dictionary rules, in dictionaries.test.ts.
