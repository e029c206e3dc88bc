// Property-based fuzzing of every HTTP route under server/http with fast-check (the socket
// events are in fuzz.test.ts; the shared arbitraries in test/support/fuzz.ts): each random or
// malformed request gets a JSON error from the closed set or a result, never a 500, and a
// refused one leaves every stored thing exactly as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';
import { ADMIN_PASSWORD, api, listener, signIn } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { HTTP_RUNS, SEED, CODES, NO_LIMITS, snapshot, emit, declaredRoutes } from '../support/fuzz.ts';

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
      // The API answers JSON from the closed set; the public pages (/arsip, /usulan, /data) answer
      // a person, in HTML (or a data file's JSON error).
      const api = path.startsWith('/api/') || res.headers.get('content-type')?.startsWith('application/json');
      if (res.status >= 400 && !api) expect(res.headers.get('content-type'), `${method} ${path.slice(0, 120)}`).toMatch(/^text\/html/);
      if (res.status >= 400) {
        if (api) {
          const json = JSON.parse(text);
          expect(CODES.has(json.error.code), text.slice(0, 200)).toBe(true);
          expect(json.error.message.startsWith(ERROR_MESSAGES[json.error.code as keyof typeof ERROR_MESSAGES])).toBe(true);
        }
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
