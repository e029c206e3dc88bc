// "1 supporter", "2 supporters": the form is chosen by Intl.PluralRules, and every English
// count phrase in the dictionaries has both forms.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

function stringFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return stringFiles(p);
    return /strings\.ts$/.test(f) ? [p] : [];
  });
}

describe('dictionaries', () => {
  it('word every English count ("{n} …s") with a singular form too', () => {
    const single: string[] = [];
    for (const file of stringFiles('web/src')) {
      for (const [, text] of readFileSync(file, 'utf8').matchAll(/'((?:[^'\\]|\\.)*)'/g)) {
        if (/\{n\} (?:[a-z]+ )?[a-z]+s\b/.test(text!) && !text!.includes('|')) single.push(`${file}: ${text}`);
      }
    }
    expect(single).toEqual([]);
  });
});
