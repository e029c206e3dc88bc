// The wire contract's two walls (server/contract/README.md): the web reaches server/ only
// through the $contract alias, and the contract itself imports nothing a browser cannot
// take and nothing of the rest of server/. Read as text, so a wrong import fails here
// with its file named, before a bundle quietly pulls Node code into the browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONTRACT = join(ROOT, 'server', 'contract');
const WEB = join(ROOT, 'web', 'src');
const SERVER = join(ROOT, 'server');

/** Packages the contract may import: valibot runs in browsers and the web already uses it. */
const CONTRACT_PACKAGES = new Set(['valibot']);

function files(dir: string, ends: RegExp): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(files(path, ends));
    else if (ends.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier a file names: static imports and exports, bare imports, import(). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const re = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');

describe('the wire contract boundary', () => {
  it('finds the imports it is meant to police', () => {
    // Guards the scanner itself: a regex that matched nothing would pass every tree.
    expect(specifiers(`const PERMISSIONS = { 'transcript.import': ['admin'] };\nimport type {\n  A,\n  B,\n} from '../x.ts';\nimport './y.css';\nconst m = await import("z");\nexport { c } from '$contract/c.ts';`))
      .toEqual(['../x.ts', './y.css', 'z', '$contract/c.ts']);
    expect(files(WEB, /\.(ts|svelte)$/).length).toBeGreaterThan(50);
  });

  it('the web reaches server/ only through $contract, and $contract only into the contract', () => {
    const wrong: string[] = [];
    for (const file of files(WEB, /\.(ts|svelte)$/)) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('$contract/')) {
          const target = resolve(CONTRACT, spec.slice('$contract/'.length));
          if (!target.startsWith(CONTRACT + sep)) wrong.push(`${rel(file)}: ${spec} leaves the contract`);
        } else if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(WEB + sep)) wrong.push(`${rel(file)}: ${spec} leaves web/src (use $contract/…)`);
        } else if (/(^|\/)server\//.test(spec)) {
          wrong.push(`${rel(file)}: ${spec}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the contract imports only itself and valibot: no Node, no server library, no other server folder', () => {
    const found = files(CONTRACT, /\.ts$/);
    expect(found.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const file of found) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(CONTRACT + sep)) wrong.push(`${rel(file)}: ${spec} leaves server/contract`);
        } else if (!CONTRACT_PACKAGES.has(spec)) {
          wrong.push(`${rel(file)}: ${spec}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the server layers', () => {
  it('server/realtime imports nothing of server/http: the two doors share auth/, not each other', () => {
    // The session cookie and the Origin check live in server/auth/ (issue 11 move 3), so a
    // socket change never has to open the HTTP layer and the HTTP layer can change alone.
    const found = files(join(SERVER, 'realtime'), /\.ts$/);
    expect(found.length).toBeGreaterThan(5);
    const HTTP = join(SERVER, 'http');
    const wrong: string[] = [];
    for (const file of found) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') && resolve(dirname(file), spec).startsWith(HTTP + sep)) wrong.push(`${rel(file)}: ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the two doors (server/http, server/realtime) reach the stores only through the services', () => {
    // Issue 11: a route that wrote a store itself skipped the rule → commit → publish of
    // the services (an episode deleted without a word to its listeners).
    const STORE = join(SERVER, 'store');
    const wrong: string[] = [];
    const found = [...files(join(SERVER, 'http'), /\.ts$/), ...files(join(SERVER, 'realtime'), /\.ts$/)];
    expect(found.length).toBeGreaterThan(20);
    for (const file of found) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') && resolve(dirname(file), spec).startsWith(STORE + sep)) wrong.push(`${rel(file)}: ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
