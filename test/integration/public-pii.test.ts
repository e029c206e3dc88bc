// Planted personal data in every field a listener fills (and their ids, tokens and phone
// numbers), then every public page, feed and file of the published episode is read: none of
// it may appear. What the notula publishes on purpose (the question as asked, the speakers'
// answers) is not personal data of a listener; names, places, phones, e-mails, ids are.
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { studioServer } from '../support/integration.ts';
import { api, listener, must } from '../support/client.ts';
import type { Client } from '../support/client.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';

const s = studioServer({ sample: true });

describe('no listener data on the public side', () => {
  it('leaves planted names, places, phones, e-mails, ids and tokens out of every public page, feed and file', async () => {
    const ep = await createLiveEpisode(s.url, s.admin, { ...SHOW_EPISODE, premoderation: false });
    const people: Array<{ socket: Client; token: string }> = [];
    for (let i = 0; i < 3; i++) {
      const p = await listener(s.url);
      await must(p.socket, 'episode:join', { episodeId: ep.id });
      people.push(p);
    }
    const d = s.server.app.aspirations.district;
    const kec = d.kecamatan[0]!;
    const planted = ['Pakdhe Rahasia Sutarjo', 'Dusun Rahasiaku', 'rahasia.warga@example.com', '085799887766', '+6285711223344', '0857-1122-9988'];
    for (const [i, p] of people.entries()) {
      const q = await must(p.socket, 'question:ask', { episodeId: ep.id, text: `Kapan jalan desa kami diperbaiki? (${i})`, name: planted[0], location: planted[1] });
      await must(people[(i + 1) % people.length]!.socket, 'vote:cast', { episodeId: ep.id, questionId: q.id });
      await must(s.host, 'question:air', { episodeId: ep.id, questionId: q.id });
      await must(s.notulis, 'note:add', { episodeId: ep.id, questionId: q.id, by: { kind: 'agency', label: 'Dinas PUPR' }, text: 'Tahun depan dianggarkan.' });
      await must(s.host, 'question:answered', { episodeId: ep.id, questionId: q.id });
      const a = await (p.socket.timeout(5_000) as any).emitWithAck('aspiration:submit', {
        episodeId: ep.id, text: `Perbaiki jalan, hubungi saya di ${planted[3]} atau ${planted[2]}`, problem: `Jalan rusak, WA ${planted[4]} / ${planted[5]}`,
        dimension: d.dimensions[0]!.code, kecamatan: kec.code, desa: kec.desa[0]!.code, rtRw: null, name: planted[0], phone: planted[3], consent: true,
      });
      expect(a.ok, JSON.stringify(a)).toBe(true);
    }
    const poll = await must(s.host, 'poll:open', { episodeId: ep.id, kind: 'satisfaction' });
    for (const p of people) await must(p.socket, 'poll:answer', { episodeId: ep.id, pollId: poll.id, option: 1 });
    expect((await api(s.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: s.hostCookie })).status).toBe(200);

    // The listeners' ids as the server holds them, and their tokens.
    const e = s.server.app.store.get(ep.id)!;
    const ids = new Set<string>([...e.listeners, ...e.questions.flatMap((q) => [q.askedBy ?? '', ...q.voters])].filter(Boolean));
    expect(ids.size).toBe(3);
    const secrets = [...planted, ...ids, ...people.map((p) => p.token)];

    const path = (await fetch(`${s.url}/arsip/e/${ep.id}`, { redirect: 'manual' })).headers.get('location')!;
    const urls = ['/arsip', path, `${path}?t=10`, '/arsip/feed.atom', '/usulan', '/data', '/data/usulan.csv', '/data/usulan.json',
      '/data/notula.json', '/data/catalog.jsonld', `/api/episodes/${ep.id}/notula.md`, `/api/episodes/${ep.id}/notula.html`];
    const bodies: Array<[string, string]> = [];
    for (const u of urls) {
      const r = await api(s.url, u);
      expect(r.status, u).toBe(200);
      bodies.push([u, r.text]);
    }
    for (const f of await readdir(s.server.transcriptsDir)) bodies.push([`transcripts/${f}`, await readFile(join(s.server.transcriptsDir, f), 'utf8')]);
    // The question and the usulan are there (the pages are not simply empty)…
    expect(bodies.find(([u]) => u === path)![1]).toContain('Kapan jalan desa kami diperbaiki?');
    expect(bodies.find(([u]) => u === '/usulan')![1]).toContain('Perbaiki jalan');
    // …and nothing of the person.
    const digits = (t: string) => t.replace(/[^\d]/g, '');
    for (const [u, body] of bodies) {
      for (const secret of secrets) expect(body.includes(secret), `${u} holds "${secret}"`).toBe(false);
      for (const phone of planted.slice(3)) expect(body.replace(/\s/g, '').includes(digits(phone).slice(-9)), `${u} holds the digits of ${phone}`).toBe(false);
    }
    process.stdout.write(`public PII: ${bodies.length} pages/feeds/files read, ${secrets.length} planted values, none found\n`);
  }, 60_000);
});
