// Issue 9, item 14: text that spoofs the studio screen, and tokens with a tail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeLine } from '../../server/contract/text.ts';
import { issueListenerToken, verifyListenerToken } from '../../server/auth/tokens.ts';
import { io } from 'socket.io-client';
import { listener, must, removeDir, signIn, startServer } from '../support/server.ts';
import type { Client, TestServer } from '../support/server.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';

describe('normalizeLine', () => {
  it('drops bidi controls, so "‮gnp.exe" cannot show reversed on the studio screen', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const c of controls) expect(normalizeLine(`Pak${c} Budi`)).toBe('Pak Budi');
    expect(normalizeLine('Bu \u202Eitsal\u202C dari desa')).toBe('Bu itsal dari desa');
  });

  it('drops lone surrogates but keeps paired ones and emoji joined by ZWJ', () => {
    expect(normalizeLine('a\uD800b')).toBe('ab');
    expect(normalizeLine('a\uDC00b')).toBe('ab');
    expect(normalizeLine('akhir\uD83D')).toBe('akhir');
    expect(normalizeLine('keluarga 👨‍👩‍👧 hadir 🇮🇩')).toBe('keluarga 👨‍👩‍👧 hadir 🇮🇩');
    expect(normalizeLine('\uDE00\uD83D')).toBe('');
  });
});

describe('listener tokens', () => {
  const secret = 'rahasia-uji';
  it('refuses a valid token with anything after it', () => {
    const { token, listenerId } = issueListenerToken(secret);
    expect(verifyListenerToken(secret, token)).toBe(listenerId);
    for (const tail of ['.x', '.', '..', `.${token}`, ' ', '\n']) expect(verifyListenerToken(secret, `${token}${tail}`)).toBeNull();
  });
});

describe('over real sockets', () => {
  let server: TestServer;
  const sockets: Client[] = [];
  beforeAll(async () => {
    server = await startServer({ sample: false });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server.stop();
    await removeDir(server.dataDir.replace(/\/data$/, ''));
  });

  it('stores a question and its asker without bidi controls or lone surrogates', async () => {
    const admin = await signIn(server.url);
    const ep = await createLiveEpisode(server.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const { socket } = await listener(server.url);
    sockets.push(socket);
    const q = await must(socket, 'question:ask', { episodeId: ep.id, text: 'Kapan \u202Enalaj\u202C diperbaiki?\uD800', name: '\u2067Bu Sri\u2069', location: 'Desa\u2066 Maju' });
    expect(q.text).toBe('Kapan nalaj diperbaiki?');
    expect(q.askerName).toBe('Bu Sri');
    expect(q.askerLocation).toBe('Desa Maju');
    expect(server.app.store.get(ep.id)!.questions[0]!.text).toBe('Kapan nalaj diperbaiki?');
  });

  it('treats "<token>.anything" as a stranger, not as the same listener', async () => {
    const admin = await signIn(server.url);
    const ep = await createLiveEpisode(server.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const first = await listener(server.url);
    sockets.push(first.socket);
    await must(first.socket, 'question:ask', { episodeId: ep.id, text: 'Pertanyaan milik pendengar pertama' });
    const tailed: Client = io(server.url, { transports: ['websocket'], auth: { token: `${first.token}.lain` }, reconnection: false, forceNew: true });
    sockets.push(tailed);
    let issued: string | null = null;
    tailed.on('listener:token', (p) => (issued = p.token));
    await new Promise<void>((res) => tailed.once('connect', () => res()));
    // The token, when sent, comes right after connecting, before any ack on this socket.
    const snap = await must(tailed, 'episode:join', { episodeId: ep.id });
    expect('mine' in snap && snap.mine).toEqual([]);
    expect(issued).not.toBeNull();
    expect(issued!.split('.')[0]).not.toBe(first.token.split('.')[0]);
  });
});
