// Blocking a sender from a question's card: their questions, votes, poll answer, usulan and
// supports stop counting and vanish from listeners' views; what they do afterwards does not
// count either; unblocking gives every one of them back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, listener, must, startServer } from '../support/server.ts';
import type { Client, TestServer } from '../support/server.ts';
import { crew, createLiveEpisode, joinStaff, SHOW_EPISODE } from '../support/show.ts';
import type { Crew } from '../support/show.ts';

let server: TestServer;
let people: Crew;
let ep: { id: string; code: string };
let spammer: Client;
let neighbour: Client;

const usulan = (text: string) => {
  const d = server.app.aspirations.district;
  const kec = d.kecamatan[0]!;
  return { episodeId: ep.id, text, problem: 'Gelap di malam hari', dimension: d.dimensions[0]!.code, kecamatan: kec.code, desa: kec.desa[0]!.code, rtRw: null, name: null, phone: null, consent: false };
};

beforeAll(async () => {
  server = await startServer();
  people = await crew(server.url);
  ep = await createLiveEpisode(server.url, people.admin, { ...SHOW_EPISODE, premoderation: true });
  await joinStaff(people.screener, ep.id);
  spammer = (await listener(server.url)).socket;
  neighbour = (await listener(server.url)).socket;
  for (const s of [spammer, neighbour]) await must(s, 'episode:join', { episodeId: ep.id });
});
afterAll(async () => {
  for (const s of [spammer, neighbour, people?.host, people?.screener, people?.notulis]) s?.disconnect();
  await server?.stop();
});

const staffView = async () => ((await must(people.screener, 'episode:join', { episodeId: ep.id, as: 'staff' })) as any);
const publicView = async () => {
  const other = await listener(server.url);
  const v = (await must(other.socket, 'episode:join', { episodeId: ep.id })) as any;
  other.socket.disconnect();
  return v;
};

describe('blocking a sender', () => {
  it('takes out their questions, votes, poll answer, usulan and supports, and an unblock gives them back', async () => {
    const theirs = await must(spammer, 'question:ask', { episodeId: ep.id, text: 'Pertanyaan dari pengirim yang nanti diblokir' });
    const good = await must(neighbour, 'question:ask', { episodeId: ep.id, text: 'Kapan posyandu buka di balai desa?' });
    await must(people.screener, 'question:approve', { episodeId: ep.id, questionId: theirs.id });
    await must(people.screener, 'question:approve', { episodeId: ep.id, questionId: good.id });
    await must(spammer, 'vote:cast', { episodeId: ep.id, questionId: good.id });
    await must(neighbour, 'vote:cast', { episodeId: ep.id, questionId: good.id });
    const poll = await must(people.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });
    await must(spammer, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 3 });
    const mine = await must(spammer, 'aspiration:submit', usulan('Usulan dari pengirim yang nanti diblokir') as any);
    const nice = await must(neighbour, 'aspiration:submit', usulan('Lampu jalan di gang masjid') as any);
    await must(spammer, 'aspiration:support', { aspirationId: nice.id });

    const before = await publicView();
    expect(before.questions.map((q: any) => q.id)).toContain(theirs.id);
    expect(before.questions.find((q: any) => q.id === good.id).votes).toBe(2);

    const blocked = await api(server.url, `/api/episodes/${ep.id}/questions/${theirs.id}/block`, { method: 'POST', cookie: people.screenerCookie });
    expect(blocked.status).toBe(200);
    expect(blocked.json.block).toMatchObject({ id: expect.any(String), episodeId: ep.id, sample: 'Pertanyaan dari pengirim yang nanti diblokir' });
    expect(JSON.stringify(blocked.json)).not.toMatch(/listener|askedBy/);

    // A join gets the snapshot of the last sent delta; the block's goes out on the next tick.
    await expect.poll(async () => (await publicView()).questions.some((q: any) => q.id === theirs.id)).toBe(false);
    const after = await publicView();
    expect(after.questions.map((q: any) => q.id)).not.toContain(theirs.id);
    expect(after.questions.find((q: any) => q.id === good.id).votes).toBe(1);
    expect(after.aspirations.map((a: any) => a.id)).not.toContain(mine.id);
    expect(after.aspirations.find((a: any) => a.id === nice.id).supports).toBe(0);
    const staff = await staffView();
    expect(staff.questions.find((q: any) => q.id === theirs.id).status).toBe('rejected');
    expect(staff.polls.find((p: any) => p.id === poll.id).counts.reduce((a: number, b: number) => a + b, 0)).toBe(0);
    expect((await api(server.url, '/usulan')).text).not.toContain('Usulan dari pengirim yang nanti diblokir');

    // What they do now does not count, nor shows.
    const later = await must(spammer, 'question:ask', { episodeId: ep.id, text: 'Pertanyaan baru setelah diblokir' });
    const third = await must(neighbour, 'question:ask', { episodeId: ep.id, text: 'Apakah pasar buka hari Minggu?' });
    await must(people.screener, 'question:approve', { episodeId: ep.id, questionId: third.id });
    await must(spammer, 'vote:cast', { episodeId: ep.id, questionId: third.id });
    expect((await staffView()).questions.find((q: any) => q.id === later.id).status).toBe('rejected');
    expect((await staffView()).questions.find((q: any) => q.id === third.id).votes).toBe(0);

    const list = await api(server.url, '/api/moderation/blocked', { cookie: people.screenerCookie });
    expect(list.json.blocked).toHaveLength(1);
    const lifted = await api(server.url, `/api/moderation/blocked/${blocked.json.block.id}`, { method: 'DELETE', cookie: people.screenerCookie });
    expect(lifted.status).toBe(200);

    await expect.poll(async () => (await publicView()).questions.some((q: any) => q.id === theirs.id)).toBe(true);
    const back = await publicView();
    expect(back.questions.map((q: any) => q.id)).toContain(theirs.id);
    expect(back.questions.find((q: any) => q.id === good.id).votes).toBe(2);
    expect(back.questions.find((q: any) => q.id === third.id).votes).toBe(1);
    expect(back.aspirations.map((a: any) => a.id)).toContain(mine.id);
    expect(back.aspirations.find((a: any) => a.id === nice.id).supports).toBe(1);
    const staffBack = await staffView();
    expect(staffBack.questions.find((q: any) => q.id === later.id).status).toBe('pending');
    expect(staffBack.polls.find((p: any) => p.id === poll.id).counts[3]).toBe(1);
    expect((await api(server.url, `/api/moderation/blocked/${blocked.json.block.id}`, { method: 'DELETE', cookie: people.screenerCookie })).status).toBe(404);
  });

  it('refuses to block a question staff typed in, and a notulis', async () => {
    const typed = await must(people.screener, 'question:submit', { episodeId: ep.id, text: 'Dari telepon', channel: 'phone' });
    const r = await api(server.url, `/api/episodes/${ep.id}/questions/${typed.id}/block`, { method: 'POST', cookie: people.screenerCookie });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('sender_not_listener');
    const n = await api(server.url, `/api/episodes/${ep.id}/questions/${typed.id}/block`, { method: 'POST', cookie: people.notulisCookie });
    expect(n.status).toBe(403);
  });
});
