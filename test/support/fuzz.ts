// What the fuzz tests (test/integration/fuzz*.test.ts) share: payload arbitraries read from the
// valibot schemas, the state a refusal must leave as it was, and the closed set of answers.
import fc from 'fast-check';
import * as v from 'valibot';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { schemas } from '../../server/contract/events.ts';
import type { ClientEventName } from '../../server/contract/events.ts';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';
import type { Client, TestServer } from './server.ts';

export const EVENTS = Object.keys(schemas) as ClientEventName[];
export const RUNS_PER_EVENT = Number(process.env.FUZZ_RUNS ?? 60);
export const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 1_200);
export const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
export const CODES = new Set(Object.keys(ERROR_MESSAGES));
// Rate limits high enough that the fuzzer is never throttled (flood.test.ts covers throttling).
export const NO_LIMITS = { listener: { points: 1e9, seconds: 1 }, staff: { points: 1e9, seconds: 1 } };

/** Strings a hostile or careless client sends. */
export const NASTY = [
  '', ' ', '\u0000', '\u202e', '\uFEFF', '😀', 'null', 'undefined', '__proto__', 'constructor', 'toString', '../../etc/passwd',
  '<script>window.__xss=1</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', "'; DROP TABLE x; --", '%00', '\\', '{{7*7}}', '${7*7}',
];

export type Schema = v.GenericSchema & { type: string; pipe?: Array<{ type: string; requirement?: unknown }>; entries?: Record<string, Schema>; options?: unknown[]; wrapped?: Schema; item?: Schema; literal?: unknown };

export function limits(s: Schema): { min: number; max: number; integer: boolean; minValue: number; maxValue: number } {
  const out = { min: 0, max: Infinity, integer: false, minValue: -1e6, maxValue: 1e6 };
  for (const a of s.pipe ?? []) {
    if (a.type === 'min_length') out.min = a.requirement as number;
    if (a.type === 'max_length') out.max = a.requirement as number;
    if (a.type === 'integer') out.integer = true;
    if (a.type === 'min_value') out.minValue = a.requirement as number;
    if (a.type === 'max_value') out.maxValue = a.requirement as number;
  }
  return out;
}

/** A fast-check arbitrary of values that fit a valibot schema's structure; strings often real ids. */
export function shaped(s: Schema, ids: () => string[]): fc.Arbitrary<unknown> {
  switch (s.type) {
    case 'string': {
      const { min, max } = limits(s);
      const fit = (x: string) => x.length >= min && x.length <= max;
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant(null).map(() => ids()).chain((pool) => (pool.length ? fc.constantFrom(...pool) : fc.constant('x'))) },
        { weight: 2, arbitrary: fc.string({ maxLength: Math.min(max, 60) }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(max, 30) }) },
        { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
        { weight: 1, arbitrary: fc.integer({ min: Math.max(0, Math.min(max, 1_000) - 5), max: Math.min(max, 1_000) + 5 }).map((n) => 'x'.repeat(n)) },
      ).filter((x) => typeof x === 'string' && fit(x));
    }
    case 'number': {
      const l = limits(s);
      return l.integer ? fc.oneof(fc.integer({ min: -3, max: 12 }), fc.integer({ min: Math.max(l.minValue, -1e6), max: Math.min(l.maxValue, 1e6) })) : fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    }
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constant(s.literal);
    case 'picklist':
      return fc.constantFrom(...(s.options as unknown[]));
    case 'optional':
      return fc.option(shaped(s.wrapped!, ids), { nil: undefined });
    case 'nullable':
      return fc.option(shaped(s.wrapped!, ids), { nil: null });
    case 'nullish':
      return fc.oneof(fc.constant(null), fc.constant(undefined), shaped(s.wrapped!, ids));
    case 'array': {
      const { min, max } = limits(s);
      return fc.array(shaped(s.item!, ids), { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) });
    }
    case 'object':
    case 'strict_object':
    case 'loose_object': {
      const entries = s.entries!;
      const optional = Object.keys(entries).filter((k) => ['optional', 'nullish'].includes(entries[k]!.type));
      const record = Object.fromEntries(Object.entries(entries).map(([k, e]) => [k, shaped(e.type === 'optional' ? e.wrapped! : e, ids)]));
      return fc.record(record, { requiredKeys: Object.keys(entries).filter((k) => !optional.includes(k)) });
    }
    case 'variant':
    case 'union':
      return fc.oneof(...(s.options as Schema[]).map((o) => shaped(o, ids)));
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Turns a well-shaped payload into a broken one, in the ways clients break them. */
export function malformed(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const anyValue = fc.anything({ maxDepth: 3, maxKeys: 5, withBigInt: false });
  return fc.oneof(
    anyValue,
    fc.constantFrom(null, undefined, 0, -1, '', 'teks', true, [], [null], {}),
    fc.tuple(base, fc.nat(), anyValue).map(([p, i, x]) => {
      if (!p || typeof p !== 'object') return x;
      const keys = Object.keys(p);
      if (!keys.length) return { extra: x };
      return { ...(p as object), [keys[i % keys.length]!]: x }; // one field of the wrong type
    }),
    fc.tuple(base, fc.nat()).map(([p, i]) => {
      if (!p || typeof p !== 'object') return p;
      const copy: Record<string, unknown> = { ...(p as object) };
      const keys = Object.keys(copy);
      if (keys.length) delete copy[keys[i % keys.length]!]; // a field missing
      return copy;
    }),
    fc.tuple(base, fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'role', 'listenerId', 'voters'), anyValue).map(([p, k, x]) => ({ ...(typeof p === 'object' && p ? p : {}), [k]: x })),
    fc.tuple(base, fc.nat()).map(([p, i]) => {
      if (!p || typeof p !== 'object') return p;
      const keys = Object.keys(p);
      return keys.length ? { ...(p as object), [keys[i % keys.length]!]: 'y'.repeat(10_001 + (i % 2_000)) } : p; // too long
    }),
    fc.integer({ min: 50, max: 4_000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n))), // deep nesting
  );
}

/**
 * In-memory episodes, aspirations, district and staff, and the identity of every data file
 * (each write renames a new file into place: a new inode, size and time).
 */
export async function snapshot(server: TestServer): Promise<string> {
  await server.app.store.flush();
  await server.app.aspirations.flush();
  const files = readdirSync(server.dataDir, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort();
  const ids = files.map((f) => {
    const st = statSync(join(server.dataDir, f), { bigint: true });
    return `${f}:${st.ino}:${st.size}:${st.mtimeNs}`;
  });
  return JSON.stringify([server.app.store.list(), server.app.aspirations.list, server.app.aspirations.district, server.app.staff.list(), ids]);
}

/** What the server receives: the payload after JSON over the wire (undefined fields dropped). */
export function overTheWire(payload: unknown): unknown {
  const text = JSON.stringify(payload);
  return text === undefined ? null : JSON.parse(text);
}

/** The given frames, then a few hundred random ones that look like socket.io packets. */
export function fuzzFrames(given: string[]): string[] {
  const random = fc.sample(fc.tuple(fc.constantFrom('4', '42', '43', '45', '41', '40', '421'), fc.json({ maxDepth: 3 })).map(([head, body]) => head + body), { numRuns: 300, seed: SEED });
  return [...given, ...random];
}

export function isError(r: any): boolean {
  return r && r.ok === false && CODES.has(r.error?.code) && typeof r.error.message === 'string' && r.error.message.startsWith(ERROR_MESSAGES[r.error.code as keyof typeof ERROR_MESSAGES]);
}

export function emit(socket: Client, event: string, payload: unknown): Promise<any> {
  return (socket.timeout(5_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(event, payload);
}


/** Every route the server declares, read from its source so new routes are fuzzed too. */
export function declaredRoutes(): Array<{ method: string; path: string }> {
  const dir = 'server/http/routes';
  const routes: Array<{ method: string; path: string }> = [{ method: 'GET', path: '/api/health' }];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/\br\.(get|post|patch|put|delete)\(\s*'([^']+)'/g)) {
      if (!m[2]!.startsWith('/api/debug')) routes.push({ method: m[1]!.toUpperCase(), path: m[2]! });
    }
  }
  return routes;
}
