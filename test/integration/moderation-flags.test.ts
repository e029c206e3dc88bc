// Flags as staff and listeners meet them: with pre-moderation off an insult waits for the
// screener with its reason on the staff side and is nowhere on a listener's; a clean
// question goes live; an SMS is flagged the same way; the admin's words change what is flagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, listener, must, startServer } from '../support/server.ts';
import type { Client, TestServer } from '../support/server.ts';
import { crew, createLiveEpisode, joinStaff, SHOW_EPISODE } from '../support/show.ts';
import type { Crew } from '../support/show.ts';
import { INTAKE_ENV, postModem } from '../support/phone.ts';

let server: TestServer;
let people: Crew;
let ep: { id: string; code: string };
let fan: { socket: Client; token: string };

beforeAll(async () => {
  server = await startServer({ intakeEnv: { ...INTAKE_ENV } });
  people = await crew(server.url);
  ep = await createLiveEpisode(server.url, people.admin, { ...SHOW_EPISODE, premoderation: false });
  await joinStaff(people.screener, ep.id);
  fan = await listener(server.url);
  await must(fan.socket, 'episode:join', { episodeId: ep.id });
});
afterAll(async () => {
  fan?.socket.disconnect();
  for (const s of [people?.host, people?.screener, people?.notulis]) s?.disconnect();
  await server?.stop();
});

const staffView = async () => ((await must(people.screener, 'episode:join', { episodeId: ep.id, as: 'staff' })) as any);

describe('flags on incoming questions', () => {
  it('holds an insult with pre-moderation off, its reason for staff only, and lets a clean question through', async () => {
    const bad = await must(fan.socket, 'question:ask', { episodeId: ep.id, text: 'Dasar pejabat goblok, anjing semua!' });
    const good = await must(fan.socket, 'question:ask', { episodeId: ep.id, text: 'Kapan jalan di RT 03/05 diperbaiki?' });
    expect(bad.status).toBe('pending');
    expect(good.status).toBe('approved');
    expect(bad).not.toHaveProperty('flags');
    const staff = await staffView();
    const held = staff.questions.find((q: any) => q.id === bad.id);
    expect(held.flags).toEqual([expect.stringMatching(/^kata kasar: .*goblok/)]);
    expect(staff.questions.find((q: any) => q.id === good.id)).not.toHaveProperty('flags');
    const other = await listener(server.url);
    const seen = (await must(other.socket, 'episode:join', { episodeId: ep.id })) as any;
    other.socket.disconnect();
    expect(JSON.stringify(seen)).not.toContain('goblok');
    expect(JSON.stringify(seen)).not.toContain('kata kasar');
    // The screener approves anyway: one click, and it is in the queue.
    await must(people.screener, 'question:approve', { episodeId: ep.id, questionId: bad.id });
    expect((await staffView()).questions.find((q: any) => q.id === bad.id).status).toBe('approved');
  });

  it('says when one listener posts fast', async () => {
    await must(fan.socket, 'question:ask', { episodeId: ep.id, text: 'Pertanyaan ketiga saya tentang pasar' });
    const fourth = await must(fan.socket, 'question:ask', { episodeId: ep.id, text: 'Pertanyaan keempat saya tentang sekolah' });
    expect(fourth.status).toBe('pending');
    expect((await staffView()).questions.find((q: any) => q.id === fourth.id).flags).toEqual(['terlalu cepat: 4 pesan dalam 2 menit']);
  });

  it('flags spam from SMS the same way', async () => {
    const r = await postModem(server.url, { from: '081234567001', text: 'BELI PULSA MURAH!!! wa.me/6281234567890', id: 'spam-1' });
    expect(r.json.outcome).toBe('question');
    const q = (await staffView()).questions.find((x: any) => x.text.startsWith('BELI PULSA'));
    expect(q.status).toBe('pending');
    expect(q.flags).toEqual(expect.arrayContaining(['tautan']));
  });

  it('follows the admin\'s words: an added word is flagged, a removed one is not', async () => {
    const put = await api(server.url, '/api/moderation/words', { method: 'PUT', cookie: people.admin, body: { add: ['kampungan'], remove: ['goblok'] } });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ add: ['kampungan'], remove: ['goblok'] });
    // Two new listeners: the first has asked enough in two minutes to be "terlalu cepat".
    const [x, y] = [await listener(server.url), await listener(server.url)];
    for (const p of [x, y]) await must(p.socket, 'episode:join', { episodeId: ep.id });
    const a = await must(x.socket, 'question:ask', { episodeId: ep.id, text: 'Acara ini kampungan sekali' });
    const b = await must(y.socket, 'question:ask', { episodeId: ep.id, text: 'Kenapa goblok itu dibiarkan?' });
    x.socket.disconnect();
    y.socket.disconnect();
    const staff = await staffView();
    expect(staff.questions.find((q: any) => q.id === a.id).flags).toEqual(['kata kasar: kampungan']);
    expect(staff.questions.find((q: any) => q.id === b.id)).not.toHaveProperty('flags');
    const bad = await api(server.url, '/api/moderation/words', { method: 'PUT', cookie: people.admin, body: { add: ['ok'], remove: [] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_words');
    expect((await api(server.url, '/api/moderation/words', { cookie: people.admin })).json).toEqual({ add: ['kampungan'], remove: ['goblok'] });
    expect((await api(server.url, '/api/moderation/words', { cookie: people.screenerCookie })).status).toBe(403);
  });

  it('states in the notula and on the public page how many were filtered and why, without their text', async () => {
    const insult = await must(fan.socket, 'question:ask', { episodeId: ep.id, text: 'Penyiarnya tolol dan bangsat' });
    await must(people.screener, 'question:reject', { episodeId: ep.id, questionId: insult.id });
    const spam = (await staffView()).questions.find((x: any) => x.text.startsWith('BELI PULSA'));
    await must(people.screener, 'question:reject', { episodeId: ep.id, questionId: spam.id });
    const aired = (await staffView()).questions.find((x: any) => x.status === 'approved');
    await must(people.host, 'question:air', { episodeId: ep.id, questionId: aired.id });
    await must(people.host, 'question:answered', { episodeId: ep.id, questionId: aired.id });
    expect((await api(server.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: people.hostCookie })).status).toBe(200);
    const md = (await api(server.url, `/api/episodes/${ep.id}/notula.md`, { cookie: people.admin })).text;
    expect(md).toContain('- Disiarkan: 1');
    expect(md).toMatch(/- Disaring \(tidak ditayangkan\): 2 \(kata kasar 1, spam 1\)/);
    const path = (await fetch(`${server.url}/arsip/e/${ep.id}`, { redirect: 'manual' })).headers.get('location')!;
    const page = (await api(server.url, path)).text;
    expect(page).toContain('Disaring (tidak ditayangkan): 2 (kata kasar 1, spam 1)');
    for (const body of [md, page]) {
      expect(body).not.toContain('tolol');
      expect(body).not.toContain('BELI PULSA');
    }
  });
});
