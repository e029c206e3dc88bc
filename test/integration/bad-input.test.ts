// Every bad input gets a clear error and changes nothing: each case is sent over the
// real protocol, then the stored episode is compared with a copy taken before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, call, listener, must } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { createLiveEpisode, joinStaff } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { ERROR_MESSAGES } from '../../server/contract/errors.ts';

describe('bad input over the socket protocol', () => {
  let ep: { id: string; code: string };
  let someone: Client;
  let other: Client;
  let pending: string;
  let approved: string;
  let rejected: string;
  let merged: string;

  const fileOf = () => readFile(join(studio.server.dataDir, 'episodes', `${ep.id}.json`), 'utf8');

  /** Sends a bad request and checks the error code, a host-readable message, and no change on disk or in memory. */
  async function refused(socket: Client, event: string, payload: unknown, code: string) {
    await studio.server.app.store.flush();
    const before = await fileOf();
    const memory = JSON.stringify(studio.server.app.store.get(ep.id));
    const r = await call(socket, event as never, payload as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message.startsWith(ERROR_MESSAGES[r.error.code])).toBe(true);
    await studio.server.app.store.flush();
    expect(await fileOf()).toBe(before);
    expect(JSON.stringify(studio.server.app.store.get(ep.id))).toBe(memory);
  }

  const studio = studioServer();
  beforeAll(async () => {
    ep = await createLiveEpisode(studio.url, studio.hostCookie);
    await joinStaff(studio.screener, ep.id);
    someone = (await listener(studio.url)).socket;
    other = (await listener(studio.url)).socket;
    await must(someone, 'episode:join', { code: ep.code });
    await must(other, 'episode:join', { episodeId: ep.id }); // votes need the episode joined
    const ask = async (text: string) => (await must(someone, 'question:ask', { episodeId: ep.id, text })).id;
    [pending, approved, rejected, merged] = [await ask('menunggu'), await ask('disetujui'), await ask('ditolak'), await ask('digabung')];
    await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: approved });
    await must(studio.screener, 'question:reject', { episodeId: ep.id, questionId: rejected });
    await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: merged });
    await must(studio.screener, 'question:merge', { episodeId: ep.id, questionId: merged, intoId: approved });
    await must(other, 'vote:cast', { episodeId: ep.id, questionId: approved });
  });
  afterAll(async () => {
    for (const s of [someone, other]) s?.disconnect();
  });

  it('refuses malformed payloads', async () => {
    await refused(someone, 'question:ask', null, 'invalid_payload');
    await refused(someone, 'question:ask', 'teks', 'invalid_payload');
    await refused(someone, 'question:ask', { episodeId: ep.id }, 'invalid_payload');
    await refused(someone, 'question:ask', { episodeId: ep.id, text: 42 }, 'invalid_payload');
    await refused(someone, 'question:ask', { episodeId: ep.id, text: 'ok', extra: 'field' }, 'invalid_payload');
    await refused(someone, 'vote:cast', { episodeId: ['x'], questionId: approved }, 'invalid_payload');
    await refused(studio.notulis, 'note:add', { episodeId: ep.id, questionId: null, by: { kind: 'wizard' }, text: 'x' }, 'invalid_payload');
  });

  it('names the offending field', async () => {
    const r = await call(someone, 'question:ask', { episodeId: ep.id, text: 42 } as never);
    expect(r.ok ? '' : r.error.message).toContain('"text"');
  });

  it('refuses unknown episode and question ids', async () => {
    await refused(someone, 'question:ask', { episodeId: 'tidak-ada', text: 'Halo' }, 'episode_not_found');
    await refused(someone, 'vote:cast', { episodeId: ep.id, questionId: 'tidak-ada' }, 'question_not_found');
    await refused(studio.host, 'question:air', { episodeId: ep.id, questionId: 'tidak-ada' }, 'question_not_found');
    await refused(someone, 'episode:join', { code: 'ZZZZZZ' }, 'episode_not_found');
  });

  it('refuses empty and over-long text', async () => {
    await refused(someone, 'question:ask', { episodeId: ep.id, text: '   \n\t ' }, 'text_empty');
    await refused(someone, 'question:ask', { episodeId: ep.id, text: 'a'.repeat(501) }, 'text_too_long');
    await refused(studio.screener, 'question:submit', { episodeId: ep.id, text: '', channel: 'sms' }, 'text_empty');
  });

  it('refuses votes on pending, rejected and merged questions, and a second vote', async () => {
    await refused(other, 'vote:cast', { episodeId: ep.id, questionId: pending }, 'question_not_open');
    await refused(other, 'vote:cast', { episodeId: ep.id, questionId: rejected }, 'question_not_open');
    await refused(other, 'vote:cast', { episodeId: ep.id, questionId: merged }, 'question_not_open');
    await refused(other, 'vote:cast', { episodeId: ep.id, questionId: approved }, 'already_voted');
    await refused(someone, 'vote:withdraw', { episodeId: ep.id, questionId: approved }, 'not_voted');
  });

  it('refuses a second question on air', async () => {
    const second = (await must(studio.screener, 'question:submit', { episodeId: ep.id, text: 'Dari SMS', channel: 'sms' })).id;
    await must(studio.host, 'question:air', { episodeId: ep.id, questionId: approved });
    await refused(studio.host, 'question:air', { episodeId: ep.id, questionId: second }, 'another_on_air');
    await must(studio.host, 'question:requeue', { episodeId: ep.id, questionId: approved });
  });

  it('refuses staff events from a listener socket', async () => {
    const cases: Array<[string, object]> = [
      ['question:approve', { episodeId: ep.id, questionId: pending }],
      ['question:reject', { episodeId: ep.id, questionId: approved }],
      ['question:edit', { episodeId: ep.id, questionId: approved, text: 'diubah' }],
      ['question:merge', { episodeId: ep.id, questionId: pending, intoId: approved }],
      ['question:submit', { episodeId: ep.id, text: 'palsu', channel: 'phone' }],
      ['question:air', { episodeId: ep.id, questionId: approved }],
      ['question:answered', { episodeId: ep.id, questionId: approved }],
      ['question:requeue', { episodeId: ep.id, questionId: approved }],
      ['note:add', { episodeId: ep.id, questionId: null, by: { kind: 'none' }, text: 'palsu' }],
      ['note:edit', { episodeId: ep.id, noteId: 'x', by: { kind: 'none' }, text: 'palsu' }],
      ['note:delete', { episodeId: ep.id, noteId: 'x' }],
      ['closing:set', { episodeId: ep.id, speakerId: 'x', kind: 'paragraph', text: 'palsu' }],
      ['episode:moderation', { episodeId: ep.id, premoderation: false }],
    ];
    for (const [event, payload] of cases) await refused(someone, event, payload, 'not_signed_in');
    await refused(someone, 'episode:join', { episodeId: ep.id, as: 'staff' }, 'not_signed_in');
  });

  it('refuses a role its forbidden events', async () => {
    await refused(studio.notulis, 'question:air', { episodeId: ep.id, questionId: approved }, 'not_allowed');
    await refused(studio.notulis, 'question:approve', { episodeId: ep.id, questionId: pending }, 'not_allowed');
    await refused(studio.screener, 'note:add', { episodeId: ep.id, questionId: null, by: { kind: 'none' }, text: 'x' }, 'not_allowed');
  });

  it('answers an event sent without an acknowledgement callback by ignoring it, and stays up', async () => {
    (someone as unknown as { emit(event: string, ...args: unknown[]): void }).emit('question:ask', { episodeId: ep.id, text: 'tanpa ack' });
    const r = await call(someone, 'episode:join', { episodeId: ep.id });
    expect(r.ok).toBe(true);
    expect(studio.server.app.store.get(ep.id)!.questions.some((q) => q.text === 'tanpa ack')).toBe(false);
  });

  it('drops oversized payloads without crashing the server', async () => {
    const big = (await listener(studio.url)).socket;
    const gone = new Promise((r) => big.once('disconnect', r));
    (big as unknown as { emit(event: string, ...args: unknown[]): void }).emit('question:ask', { episodeId: ep.id, text: 'x'.repeat(100_000) }, () => undefined);
    await gone;
    expect(studio.server.app.store.get(ep.id)!.questions.some((q) => q.text.length > 1000)).toBe(false);
    const r = await call(someone, 'episode:join', { episodeId: ep.id });
    expect(r.ok).toBe(true);
  });

  it('refuses a cross-origin handshake', async () => {
    const evil = connect(studio.url, { transports: ['websocket'], extraHeaders: { origin: 'https://evil.example' }, reconnection: false, forceNew: true });
    const outcome = await new Promise<string>((resolve) => {
      evil.once('connect', () => resolve('connected'));
      evil.once('connect_error', () => resolve('refused'));
    });
    evil.disconnect();
    expect(outcome).toBe('refused');
    const polling = await fetch(`${studio.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://evil.example' } });
    expect(polling.status).toBe(403);
  });
});

describe('bad input over HTTP', () => {

  const studio = studioServer();

  it('refuses a wrong password without saying which part was wrong', async () => {
    const wrong = await api(studio.url, '/api/session', { method: 'POST', body: { username: 'admin', password: 'salah-sekali' } });
    const unknown = await api(studio.url, '/api/session', { method: 'POST', body: { username: 'siapa', password: 'salah-sekali' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toEqual(unknown.json.error);
    expect(wrong.json.error.code).toBe('wrong_password');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a notulis deleting an episode, and keeps it', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const r = await api(studio.url, `/api/episodes/${ep.id}`, { method: 'DELETE', cookie: studio.notulisCookie });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('not_allowed');
    expect((await api(studio.url, `/api/episodes/${ep.id}`, { cookie: studio.hostCookie })).status).toBe(200);
  });

  it('refuses invalid episode fields with a message naming them, creating nothing', async () => {
    const before = (await api(studio.url, '/api/episodes', { cookie: studio.hostCookie })).json.episodes.length;
    const cases: Array<[object, string]> = [
      [{ series: 'S', title: '', startsAt: '2026-01-01T12:00:00Z', timeZone: 'Asia/Jakarta' }, 'text_empty'],
      [{ series: 'S', title: 'T', startsAt: 'kemarin', timeZone: 'Asia/Jakarta' }, 'invalid_date'],
      [{ series: 'S', title: 'T', startsAt: '2026-01-01T12:00:00Z', timeZone: 'Mars/Olympus' }, 'invalid_time_zone'],
      [{ series: 'S', title: 'T', startsAt: '2026-01-01T12:00:00Z', timeZone: 'Asia/Jakarta', recordingUrl: 'javascript:alert(1)' }, 'invalid_payload'],
      [{ series: 'S', title: 'T', startsAt: '2026-01-01T12:00:00Z' }, 'invalid_payload'],
    ];
    for (const [body, code] of cases) {
      const r = await api(studio.url, '/api/episodes', { method: 'POST', cookie: studio.hostCookie, body });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe(code);
    }
    const broken = await api(studio.url, '/api/episodes', { method: 'POST', cookie: studio.hostCookie, body: '{"series": ', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe('invalid_payload');
    expect((await api(studio.url, '/api/episodes', { cookie: studio.hostCookie })).json.episodes.length).toBe(before);
  });

  it('refuses a cross-site form post even with a valid cookie', async () => {
    const r = await api(studio.url, '/api/episodes', { method: 'POST', cookie: studio.hostCookie, headers: { origin: 'https://evil.example' }, body: { series: 'S', title: 'T', startsAt: '2026-01-01T12:00:00Z', timeZone: 'Asia/Jakarta' } });
    expect(r.status).toBe(403);
  });

  it('answers unknown routes and oversized bodies with JSON errors', async () => {
    expect((await api(studio.url, '/api/tidak-ada')).status).toBe(404);
    const huge = await api(studio.url, '/api/session', { method: 'POST', body: { username: 'a', password: 'x'.repeat(200_000) } });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
  });
});
