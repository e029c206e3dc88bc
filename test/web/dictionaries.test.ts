// Every string file has one shape (`export const id`, `export const en: typeof id`, and
// `export const t = translator(id, en)`), so a page's words are found and checked the same
// way everywhere. The type check already refuses an English dictionary with a key missing;
// this also refuses an extra one, and a translator made any other way (a lookup table indexed
// by the language, or a component building its own). Read as source: the modules use runes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const WEB = join(import.meta.dirname, '../../web/src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.(ts|svelte)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

const all = files(WEB);
const dictionaries = all.filter((f) => f.endsWith('.ts') && /\btranslator\(/.test(readFileSync(f, 'utf8')) && !f.endsWith('i18n.svelte.ts'));

/** The keys of the object literal a top-level `export const <name>` is set to. */
function keysOf(file: string, name: string): string[] | null {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  for (const st of src.statements) {
    if (!ts.isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && ts.isObjectLiteralExpression(d.initializer)) {
        return d.initializer.properties.map((p) => {
          if (!ts.isPropertyAssignment(p)) throw new Error(`${file}: ${name} holds something other than plain words`);
          return ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : p.name.getText(src);
        }).sort();
      }
    }
  }
  return null;
}

describe('dictionaries', () => {
  it('are found (the scan sees the string files)', () => {
    expect(dictionaries.length).toBeGreaterThan(20);
    expect(dictionaries.map((f) => relative(WEB, f))).toContain('lib/labels.ts');
  });

  for (const file of dictionaries) {
    it(`${relative(WEB, file)} has the same keys in id and en, and one translator t`, () => {
      const text = readFileSync(file, 'utf8');
      const id = keysOf(file, 'id');
      const en = keysOf(file, 'en');
      expect(id, 'export const id = { … }').not.toBeNull();
      expect(en).toEqual(id);
      expect(text).toMatch(/^export const en: typeof id = \{$/m);
      expect(text.match(/\btranslator\(/g)).toHaveLength(1);
      expect(text).toMatch(/^export const t = translator\(id, en\);$/m);
    });
  }

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
    }
    expect(offenders).toEqual([]);
  });
});
