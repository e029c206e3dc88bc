// Property-based fuzzing of every socket event in server/contract/events.ts with fast-check
// (the HTTP routes are in fuzz-http.test.ts; the shared arbitraries in test/support/fuzz.ts):
// thousands of random, malformed and structurally valid payloads. Each must get an answer from
// the closed set of errors (or a result, for valid input), the server must stay up, and a
// refused request must leave every stored thing exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { schemas } from '../../server/contract/events.ts';
import { io as connect } from 'socket.io-client';
import { WebSocket } from 'ws';
import { api, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, joinStaff, SHOW_EPISODE } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { EVENTS, RUNS_PER_EVENT, SEED, NO_LIMITS, shaped, malformed, snapshot, overTheWire, fuzzFrames, isError, emit } from '../support/fuzz.ts';
import type { Schema } from '../support/fuzz.ts';

describe('fuzzing every socket event', () => {
  let ep: { id: string; code: string };
  let other: { id: string; code: string };
  let someone: Client;
  const ids: string[] = [];
  const realIds = () => ids;

  /** Everything that could change: episodes and aspirations in memory, and every file on disk. */
  const state = () => snapshot(studio.server);
  // Read before every payload, not carried over from the last refusal: a change that lands
  // later (an accepted command's effect) would otherwise be blamed on the next payload.
  const lastState = state;

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
          const before = await lastState();
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
        const before = await lastState();
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
    const connected = new Promise((r) => hand.on('message', (m) => { if (String(m).startsWith('40')) r(undefined); }));
    hand.send('40');
    await connected;
    const frames = [
      ...['newListener', 'removeListener', 'disconnecting', 'disconnect', 'connect', 'connect_error', 'error', '__proto__', 'constructor']
        .map((name) => `42["${name}",{"episodeId":"${ep.id}"}]`),
      '42[', '42{"a":1}', '4', '42', '42[]', '42[1,2]', '4299999999999999999999["vote:cast",{}]', '42-1["vote:cast",{}]',
      '451-["question:ask",{"_placeholder":true,"num":0}]', '42["question:ask",{"episodeId":"x","text":{"_placeholder":true,"num":7}}]',
      '2', '3', '6', '1', `42["vote:cast",${'['.repeat(3_000)}${']'.repeat(3_000)}]`,
    ];
    // The server reads one connection's frames in order: once it answers a last, valid request
    // (or has closed the connection on a broken frame), it has handled every frame before it.
    const handled = new Promise((r) => {
      hand.on('message', (m) => { if (String(m).startsWith('43987654')) r(undefined); });
      hand.once('close', r);
    });
    for (const f of [...fuzzFrames(frames), `42987654["episode:join",{"episodeId":"${ep.id}"}]`]) if (hand.readyState === WebSocket.OPEN) hand.send(f);
    await handled;
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
