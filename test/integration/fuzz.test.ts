// Property-based fuzzing of the whole protocol surface with fast-check: every socket event
// in server/contract/events.ts and every HTTP route under server/http, with thousands of
// random, malformed and structurally valid payloads. Each must get an answer from the
// closed set of errors (or a result, for valid input), the server must stay up, and a
// refused request must leave every stored thing exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { WebSocket } from 'ws';
import { schemas } from '../../server/contract/events.ts';
import type { ClientEventName } from '../../server/contract/events.ts';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';
import { ADMIN_PASSWORD, api, listener, must, signIn } from '../support/server.ts';
import type { Client, TestServer } from '../support/server.ts';
import { createLiveEpisode, joinStaff, SHOW_EPISODE } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';

const EVENTS = Object.keys(schemas) as ClientEventName[];
const RUNS_PER_EVENT = Number(process.env.FUZZ_RUNS ?? 60);
const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 1_200);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CODES = new Set(Object.keys(ERROR_MESSAGES));
// Rate limits high enough that the fuzzer is never throttled (flood.test.ts covers throttling).
const NO_LIMITS = { listener: { points: 1e9, seconds: 1 }, staff: { points: 1e9, seconds: 1 } };

/** Strings a hostile or careless client sends. */
const NASTY = [
  '', ' ', '\u0000', '\u202e', '\uFEFF', '😀', 'null', 'undefined', '__proto__', 'constructor', 'toString', '../../etc/passwd',
  '<script>window.__xss=1</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("http://x")', "'; DROP TABLE x; --", '%00', '\\', '{{7*7}}', '${7*7}',
];

type Schema = v.GenericSchema & { type: string; pipe?: Array<{ type: string; requirement?: unknown }>; entries?: Record<string, Schema>; options?: unknown[]; wrapped?: Schema; item?: Schema; literal?: unknown };

function limits(s: Schema): { min: number; max: number; integer: boolean; minValue: number; maxValue: number } {
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
function shaped(s: Schema, ids: () => string[]): fc.Arbitrary<unknown> {
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
function malformed(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
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
async function snapshot(server: TestServer): Promise<string> {
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
function overTheWire(payload: unknown): unknown {
  const text = JSON.stringify(payload);
  return text === undefined ? null : JSON.parse(text);
}

/** The given frames, then a few hundred random ones that look like socket.io packets. */
function fuzzFrames(given: string[]): string[] {
  const random = fc.sample(fc.tuple(fc.constantFrom('4', '42', '43', '45', '41', '40', '421'), fc.json({ maxDepth: 3 })).map(([head, body]) => head + body), { numRuns: 300, seed: SEED });
  return [...given, ...random];
}

function isError(r: any): boolean {
  return r && r.ok === false && CODES.has(r.error?.code) && typeof r.error.message === 'string' && r.error.message.startsWith(ERROR_MESSAGES[r.error.code as keyof typeof ERROR_MESSAGES]);
}

function emit(socket: Client, event: string, payload: unknown): Promise<any> {
  return (socket.timeout(5_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(event, payload);
}

describe('fuzzing every socket event', () => {
  let ep: { id: string; code: string };
  let other: { id: string; code: string };
  let someone: Client;
  const ids: string[] = [];
  const realIds = () => ids;

  /** Everything that could change: episodes and aspirations in memory, and every file on disk. */
  const state = () => snapshot(studio.server);

  function collectIds(): void {
    ids.length = 0;
    for (const e of studio.server.app.store.list()) {
      ids.push(e.id, e.code, ...e.questions.map((q) => q.id), ...e.notes.map((n) => n.id), ...e.speakers.map((s) => s.id));
      ids.push(...(((e as unknown as { polls?: Array<{ id: string }> }).polls ?? []).map((p) => p.id)));
    }
    ids.push(...studio.server.app.aspirations.list.map((a) => a.id));
    const d = studio.server.app.aspirations.district;
    ids.push(...d.dimensions.map((x) => x.code), ...d.kecamatan.flatMap((k) => [k.code, ...k.desa.map((x) => x.code)]));
  }

  const studio = studioServer({ sample: true, rateLimits: NO_LIMITS });
  beforeAll(async () => {
    ep = await createLiveEpisode(studio.url, studio.hostCookie, { ...SHOW_EPISODE, premoderation: true });
    other = await createLiveEpisode(studio.url, studio.hostCookie, { ...SHOW_EPISODE, premoderation: false, title: 'Episode kedua' });
    await joinStaff(studio.host, ep.id);
    someone = (await listener(studio.url)).socket;
    await must(someone, 'episode:join', { episodeId: ep.id });
    const asked = await must(someone, 'question:ask', { episodeId: ep.id, text: 'Kapan jalan diperbaiki?' });
    const sms = await must(studio.screener, 'question:submit', { episodeId: ep.id, text: 'Dari SMS', channel: 'sms' });
    await must(studio.host, 'question:air', { episodeId: ep.id, questionId: sms.id });
    await must(studio.notulis, 'note:add', { episodeId: ep.id, questionId: sms.id, by: { kind: 'none' }, text: 'Catatan' });
    await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: asked.id });
    collectIds();
  });
  afterAll(async () => {
    someone?.disconnect();
  });

  it(`answers ${EVENTS.length} events × ${RUNS_PER_EVENT * 2} payloads with a result or a known error, changing nothing when refused (seed ${SEED})`, async () => {
    const admin = studio.host; // a host: most staff events are allowed, some are not
    let sent = 0;
    let accepted = 0;
    for (const event of EVENTS) {
      const schema = schemas[event] as unknown as Schema;
      const good = shaped(schema, realIds);
      for (const [kind, arb] of [['shaped', good], ['malformed', malformed(good)]] as const) {
        await fc.assert(fc.asyncProperty(arb, fc.boolean(), async (payload, asStaff) => {
          const before = await state();
          const r = await emit(asStaff ? admin : someone, event, payload);
          sent++;
          const valid = v.safeParse(schemas[event], overTheWire(payload)).success;
          if (r?.ok === true) {
            accepted++;
            expect(valid, `${event} accepted an invalid payload`).toBe(true);
            expect(r).toHaveProperty('data');
            collectIds();
          } else {
            expect(isError(r), `${event} answered ${JSON.stringify(r)?.slice(0, 300)}`).toBe(true);
            if (!valid) expect(r.error.code === 'invalid_payload' || r.error.code === 'payload_too_large').toBe(true);
            expect(await state(), `${event} refused (${r.error.code}) but changed state`).toBe(before);
          }
        }), { numRuns: RUNS_PER_EVENT, seed: SEED + sent, endOnFailure: true });
        void kind;
      }
    }
    console.log(`socket fuzz: ${sent} payloads over ${EVENTS.length} events, ${accepted} accepted`);
    expect(sent).toBeGreaterThanOrEqual(EVENTS.length * RUNS_PER_EVENT * 2);
    // Nothing leaked onto shared prototypes, and the server still serves.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect((await api(studio.url, '/api/health')).status).toBe(200);
    expect((await emit(someone, 'episode:join', { episodeId: other.id })).ok).toBe(true);
  }, 120_000);

  it('lets a listener socket succeed at no staff event, whatever the payload', async () => {
    const listenerEvents = new Set(['episode:join', 'episode:leave', 'question:ask', 'vote:cast', 'vote:withdraw', 'poll:answer', 'aspiration:submit', 'aspiration:support', 'listener:erase', 'episode:questions']);
    const staffEvents = EVENTS.filter((e) => !listenerEvents.has(e));
    expect(staffEvents.length).toBeGreaterThan(10);
    for (const event of staffEvents) {
      await fc.assert(fc.asyncProperty(shaped(schemas[event] as unknown as Schema, realIds), async (payload) => {
        const before = await state();
        const r = await emit(someone, event, payload);
        expect(isError(r)).toBe(true);
        expect(await state()).toBe(before);
      }), { numRuns: 25, seed: SEED });
    }
    // And the staff snapshot is refused too.
    expect((await emit(someone, 'episode:join', { episodeId: ep.id, as: 'staff' })).error.code).toBe('not_signed_in');
  }, 60_000);

  it('survives protocol-level garbage: unknown events, missing or misplaced callbacks, binary, odd handshakes', async () => {
    const raw = someone as unknown as { emit(...a: unknown[]): void };
    raw.emit('tidak:ada', { episodeId: ep.id }, () => undefined);
    raw.emit('vote:cast', { episodeId: ep.id, questionId: ids[2] }, 'not-a-callback', () => undefined);
    raw.emit('vote:cast');
    const binary = await emit(someone, 'question:ask', { episodeId: ep.id, text: Buffer.from('biner') });
    expect(binary.error.code).toBe('invalid_payload');
    const arrayPayload = await emit(someone, 'question:ask', [ep.id, 'teks']);
    expect(arrayPayload.error.code).toBe('invalid_payload');

    // Hand-made frames, as a client other than socket.io-client could send: reserved event
    // names, broken packets, binary placeholders without their attachment, odd ack ids.
    const hand = new WebSocket(`${studio.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    await new Promise((r) => hand.once('open', r));
    hand.send('40');
    await new Promise((r) => setTimeout(r, 100));
    const frames = [
      ...['newListener', 'removeListener', 'disconnecting', 'disconnect', 'connect', 'connect_error', 'error', '__proto__', 'constructor']
        .map((name) => `42["${name}",{"episodeId":"${ep.id}"}]`),
      '42[', '42{"a":1}', '4', '42', '42[]', '42[1,2]', '4299999999999999999999["vote:cast",{}]', '42-1["vote:cast",{}]',
      '451-["question:ask",{"_placeholder":true,"num":0}]', '42["question:ask",{"episodeId":"x","text":{"_placeholder":true,"num":7}}]',
      '2', '3', '6', '1', `42["vote:cast",${'['.repeat(3_000)}${']'.repeat(3_000)}]`,
    ];
    for (const f of fuzzFrames(frames)) if (hand.readyState === WebSocket.OPEN) hand.send(f);
    await new Promise((r) => setTimeout(r, 300));
    hand.close();

    // Handshakes with random auth and cookies: connected as a listener or refused, never a crash.
    const outcomes: Record<string, number> = {};
    await fc.assert(fc.asyncProperty(fc.anything({ maxDepth: 2 }), fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: 80 }), async (auth, cookie) => {
      const s: Client = connect(studio.url, { transports: ['websocket'], auth: auth as object, extraHeaders: { cookie }, reconnection: false, forceNew: true });
      const outcome = await new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve('no answer'), 3_000);
        const done = (o: string) => { clearTimeout(timer); resolve(o); };
        s.once('connect', () => done('connected'));
        s.once('connect_error', () => done('refused'));
        s.once('disconnect', () => done('dropped'));
      });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome === 'connected') {
        const r = await emit(s, 'episode:join', { episodeId: ep.id, as: 'staff' });
        expect(r.ok).toBe(false); // a made-up cookie is never a staff session
      }
      s.disconnect();
    }), { numRuns: 40, seed: SEED });
    console.log(`handshake fuzz: ${JSON.stringify(outcomes)}`);

    expect((await api(studio.url, '/api/health')).status).toBe(200);
    expect((await emit(someone, 'episode:join', { episodeId: ep.id })).ok).toBe(true);
  }, 60_000);
});

/** Every route the server declares, read from its source so new routes are fuzzed too. */
function declaredRoutes(): Array<{ method: string; path: string }> {
  const dir = 'server/http/routes';
  const routes: Array<{ method: string; path: string }> = [{ method: 'GET', path: '/api/health' }];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/\br\.(get|post|patch|put|delete)\(\s*'([^']+)'/g)) {
      if (!m[2]!.startsWith('/api/debug')) routes.push({ method: m[1]!.toUpperCase(), path: m[2]! });
    }
  }
  return routes;
}

describe('fuzzing every HTTP route', () => {
  let ep: { id: string; code: string };
  let cookies: Record<string, string> = {};
  const ids: string[] = [];
  const routes = declaredRoutes();

  const state = () => snapshot(studio.server);

  async function freshCookies(): Promise<void> {
    // A fuzzed PATCH may have changed a password: put the known ones back first.
    for (const s of studio.server.app.staff.list()) {
      const password = s.username === 'admin' ? ADMIN_PASSWORD : `sandi-${s.username}-123`;
      if (['admin', 'host', 'screener', 'notulis'].includes(s.username)) await studio.server.app.staff.update(s.id, { password, disabled: false });
    }
    cookies = { admin: await signIn(studio.url), host: await signIn(studio.url, 'host', 'sandi-host-123'), notulis: await signIn(studio.url, 'notulis', 'sandi-notulis-123') };
  }

  const studio = studioServer({ sample: true, rateLimits: NO_LIMITS });
  beforeAll(async () => {
    ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await freshCookies();
    for (const e of studio.server.app.store.list()) ids.push(e.id, e.code);
    ids.push(...studio.server.app.aspirations.list.map((a) => a.id), ...studio.server.app.staff.list().map((s) => s.id));
  });

  it(`answers ${HTTP_RUNS} random requests over ${routes.length} routes with JSON errors or results, never a 500`, async () => {
    expect(routes.length).toBeGreaterThan(15);
    const segment = fc.oneof(
      { weight: 3, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...ids)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
      { weight: 1, arbitrary: fc.constantFrom('..%2F..%2Fdata%2Fstaff.json', '%00', '%', '%E0%A4%A', 'x'.repeat(3_000), 'export.csv', 'by-code', '..', '.', 'notula.md') },
    );
    const query = fc.option(fc.dictionary(fc.constantFrom('status', 'dimension', 'kecamatan', 'desa', 'episode', 'q', 'sort', 'personal', 'delimiter', 'minSupport', 'page', '__proto__', 'x'), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('baru', 'support', 'semicolon', '0', '1')), { maxKeys: 3 }), { nil: null });
    const body = fc.oneof(
      fc.constant(undefined),
      fc.anything({ maxDepth: 3, maxKeys: 6 }).map((x) => JSON.stringify(x) ?? 'null'),
      fc.dictionary(fc.constantFrom('series', 'title', 'startsAt', 'timeZone', 'username', 'password', 'name', 'role', 'disabled', 'status', 'reason', 'text', 'ids', 'targetId', 'hosts', 'speakers', 'volume', 'satuan', 'perkiraanBiaya', 'opdTujuan', 'opd', '__proto__', 'constructor'), fc.anything({ maxDepth: 2 }), { maxKeys: 5 }).map((x) => JSON.stringify(x)),
      fc.constantFrom('{"series": ', '[', 'null', '"', '\u0000', '{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}', 'x'.repeat(70_000), '---\nkentongan: 1\n---\n# NOTULA'),
    );
    const request = fc.record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), { nil: null, freq: 5 }),
      params: fc.array(segment, { minLength: 3, maxLength: 3 }),
      query, body,
      type: fc.constantFrom('application/json', 'text/plain', 'text/markdown', 'text/csv', 'application/x-www-form-urlencoded', null),
      who: fc.constantFrom('admin', 'host', 'notulis', 'nobody', 'garbage'),
    });
    let n = 0;
    const statuses: Record<number, number> = {};
    await fc.assert(fc.asyncProperty(request, async (rq) => {
      if (++n % 200 === 0) await freshCookies();
      let i = 0;
      let path = rq.route.path.replace(/:[a-zA-Z]+/g, () => rq.params[i++]!);
      if (rq.query) path += `?${new URLSearchParams(rq.query as Record<string, string>).toString()}`;
      const method = rq.otherMethod ?? rq.route.method;
      const headers: Record<string, string> = {};
      if (rq.type) headers['content-type'] = rq.type;
      const cookie = rq.who === 'nobody' ? undefined : rq.who === 'garbage' ? 'kentongan_session=AAAA%%%;;=x' : cookies[rq.who];
      if (cookie) headers.cookie = cookie;
      const before = await state();
      const res = await fetch(`${studio.url}${path}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : rq.body });
      const text = await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      expect(res.status, `${method} ${path.slice(0, 120)} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status >= 400) {
        const json = JSON.parse(text);
        expect(CODES.has(json.error.code), text.slice(0, 200)).toBe(true);
        expect(json.error.message.startsWith(ERROR_MESSAGES[json.error.code as keyof typeof ERROR_MESSAGES])).toBe(true);
        expect(await state(), `${method} ${path.slice(0, 120)} refused (${res.status}) but changed state`).toBe(before);
      }
    }), { numRuns: HTTP_RUNS, seed: SEED, endOnFailure: true });
    console.log(`HTTP fuzz: ${n} requests over ${routes.length} routes, statuses ${JSON.stringify(statuses)}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await api(studio.url, '/api/health')).status).toBe(200);
    const l = await listener(studio.url);
    expect((await emit(l.socket, 'episode:join', { episodeId: ep.id })).ok).toBe(true);
    l.socket.disconnect();
  }, 120_000);
});
