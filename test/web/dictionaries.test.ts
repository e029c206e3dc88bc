// Translations are data: each dictionary is two JSON files beside its module,
// `<name>.id.json` and `<name>.en.json`, which translators edit without touching code. The
// module has one shape — `import id from './<name>.id.json'`, `import enJson from
// './<name>.en.json'`, `const en: typeof id = enJson` (a missing English key fails the type
// check) and `export const t = translator(id, en)` — so a page's words are found and checked
// the same way everywhere. This also refuses what the compiler lets through: an extra English
// key, a placeholder the other language lacks, a count worded with one form in English, and a
// translator made any other way. Read as source: the modules use runes.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

const WEB = join(import.meta.dirname, '../../web/src');

function files(dir: string, ending: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name), ending) : ending.test(d.name) ? [join(dir, d.name)] : [],
  );
}

const all = files(WEB, /\.(ts|svelte)$/);
const dictionaries = all.filter((f) => f.endsWith('.ts') && /\btranslator\(/.test(readFileSync(f, 'utf8')) && !f.endsWith('i18n.svelte.ts'));

/** A dictionary file: an object of words, nothing else. */
function words(file: string): Record<string, string> {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  expect(data !== null && typeof data === 'object' && !Array.isArray(data), `${file} holds one object`).toBe(true);
  for (const [k, v] of Object.entries(data as object)) expect(typeof v, `${file}: ${k}`).toBe('string');
  return data as Record<string, string>;
}

/** The `{name}` placeholders of a value, every form of it together. */
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('dictionaries', () => {
  it('are found (the scan sees the string files)', () => {
    expect(dictionaries.length).toBeGreaterThan(20);
    expect(dictionaries.map((f) => relative(WEB, f))).toContain('lib/labels.ts');
  });

  for (const file of dictionaries) {
    const name = basename(file, '.ts');
    const json = (lang: string) => join(dirname(file), `${name}.${lang}.json`);

    it(`${relative(WEB, file)} reads its words from ${name}.id.json and ${name}.en.json, with one translator t`, () => {
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`import id from './${name}.id.json';`);
      expect(text).toContain(`import enJson from './${name}.en.json';`);
      expect(text).toMatch(/^const en: typeof id = enJson;$/m);
      expect(text.match(/\btranslator\(/g)).toHaveLength(1);
      expect(text).toMatch(/^export const t = translator\(id, en\);$/m);
      expect(text, 'words live in the JSON files').not.toMatch(/^export const (id|en)\b/m);
    });

    it(`${relative(WEB, file)}: both languages have the same keys and placeholders`, () => {
      const id = words(json('id'));
      const en = words(json('en'));
      expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
      const differ = Object.keys(id).filter((k) => placeholders(id[k]!).join() !== placeholders(en[k] ?? '').join());
      expect(differ.map((k) => `${k}: "${id[k]}" / "${en[k]}"`)).toEqual([]);
    });

    it(`${relative(WEB, file)}: counts follow the "one|other" rule`, () => {
      // Indonesian says a count one way ("2 dukungan"); English needs both forms ("1 supporter|{n} supporters"),
      // and pluralForm only picks when the value holds them split by "|".
      const id = words(json('id'));
      const en = words(json('en'));
      expect(Object.entries(id).filter(([, v]) => v.includes('|'))).toEqual([]);
      const single = Object.entries(en).filter(([, v]) => /\{n\} (?:[a-z]+ )?[a-z]+s\b/.test(v) && !v.includes('|'));
      expect(single).toEqual([]);
      const badForms = Object.entries(en).filter(([, v]) => v.includes('|') && v.split('|').length !== 2);
      expect(badForms).toEqual([]);
    });
  }

  it('every dictionary file belongs to a module and has its other language', () => {
    const orphans = files(WEB, /\.(id|en)\.json$/).filter((f) => {
      const base = f.replace(/\.(id|en)\.json$/, '');
      return !existsSync(`${base}.ts`) || !existsSync(`${base}.id.json`) || !existsSync(`${base}.en.json`) || !dictionaries.includes(`${base}.ts`);
    });
    expect(orphans.map((f) => relative(WEB, f))).toEqual([]);
  });

  it('no web file makes a translator another way', () => {
    const offenders: string[] = [];
    for (const f of all) {
      if (f.endsWith('i18n.svelte.ts')) continue;
      const text = readFileSync(f, 'utf8');
      const rel = relative(WEB, f);
      // Only dictionary files call translator(), and only as above.
      if (/\btranslator\(/.test(text) && !dictionaries.includes(f)) offenders.push(`${rel}: calls translator()`);
      // Words looked up by the current language bypass the one function (and its fallback).
      if (/\[\s*language\.current\s*\]/.test(text)) offenders.push(`${rel}: indexes by language.current`);
      if (/Record<\s*(Lang|'id'\s*\|\s*'en')\s*,/.test(text)) offenders.push(`${rel}: a table per language`);
      // A dictionary JSON is read only by its own module, so `t` stays the one way to its words.
      for (const m of text.matchAll(/from '\.\/([\w-]+)\.(?:id|en)\.json'/g)) {
        if (m[1] !== basename(f).replace(/\.(ts|svelte)$/, '')) offenders.push(`${rel}: imports ${m[1]}'s words`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
