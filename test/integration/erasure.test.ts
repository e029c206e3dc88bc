// Erasure (UU PDP) end to end over real sockets, HTTP and files: a listener erases their
// own data ("hapus data saya") and it leaves the episode file, aspirations.json and the
// archived notula; a planner removes a contact; contacts expire after the retention period
// (injected clock); the admin removes a notula; deleting an episode takes its usulan and
// notula along; and every staff action lands in the audit log, readable only by the admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { api, call, listener, must, signIn, startServer, waitFor } from '../support/server.ts';
import type { Delta } from '../../server/contract/events.ts';
import type { Client } from '../support/server.ts';
import { testClock } from '../support/clock.ts';
import { createLiveEpisode, crew, joinStaff } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { PLACE, RELAXED_LIMITS, plannerCookie, setupDistrict } from '../support/planning.ts';

const exists = (p: string) => access(p).then(() => true, () => false);
const read = (p: string) => readFile(p, 'utf8');
const place = { dimension: 'living', kecamatan: PLACE.sukamaju, desa: PLACE.mekarjaya };

describe('erasure', () => {
  let planner: string;
  const clock = testClock('2026-10-03T11:50:00.000Z');
  const sockets: Client[] = [];
  const ids: Record<string, string> = {};
  let tokenA = '';
  let tokenB = '';
  let episodeId = '';
  let transcript = '';

  async function person(token?: string) {
    const p = await listener(studio.url, token);
    sockets.push(p.socket);
    return p;
  }

  const studio = studioServer({ now: clock.now, rateLimits: RELAXED_LIMITS });
  beforeAll(async () => {
    planner = await plannerCookie(studio.url, studio.admin);
    await setupDistrict(studio.url, studio.admin);

    // Listener A and listener B take part in one show; the show ends and is archived.
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    episodeId = ep.id;
    await joinStaff(studio.screener, ep.id);
    await joinStaff(studio.host, ep.id);
    const a = await person();
    const b = await person();
    tokenA = a.token;
    tokenB = b.token;
    for (const p of [a, b]) await must(p.socket, 'episode:join', { episodeId });
    const ask = async (s: Client, text: string, name: string, location: string) =>
      (await must(s, 'question:ask', { episodeId, text, name, location })).id;
    ids.pending = await ask(a.socket, 'Kapan jadwal truk sampah ke Dusun Krajan?', 'Pak Darmo Sukiman', 'Dusun Krajan Wetan');
    ids.aired = await ask(a.socket, 'Berapa iuran bank sampah per bulan?', 'Pak Darmo Sukiman', 'Dusun Krajan Wetan');
    ids.approved = await ask(a.socket, 'Apakah plastik kresek diterima bank sampah?', 'Pak Darmo Sukiman', 'Dusun Krajan Wetan');
    ids.other = await ask(b.socket, 'Bagaimana cara daftar jadi nasabah?', 'Bu Srikandi Lestari', 'RT 04 Sidomulyo');
    for (const q of [ids.aired, ids.approved, ids.other]) await must(studio.screener, 'question:approve', { episodeId, questionId: q! });
    await must(studio.host, 'question:air', { episodeId, questionId: ids.aired! });
    await must(studio.host, 'question:answered', { episodeId, questionId: ids.aired! });
    const usulan = async (s: Client, text: string, name: string, phone: string) =>
      (await must(s, 'aspiration:submit', { episodeId, text, problem: `${text} — masalahnya lama`, ...place, name, phone, consent: true })).id;
    ids.u1 = await usulan(a.socket, 'Tong sampah terpilah di pasar Mekarjaya', 'Pak Darmo Sukiman', '0812 1111 2222');
    ids.u2 = await usulan(a.socket, 'Truk sampah dua kali seminggu', 'Pak Darmo Sukiman', '0812 1111 2222');
    ids.ub = await usulan(b.socket, 'Pelatihan kompos untuk ibu-ibu PKK', 'Bu Srikandi Lestari', '0813 3333 4444');
    const fwd = await api(studio.url, '/api/aspirations/status', { method: 'POST', cookie: planner, body: { ids: [ids.u2], status: 'diteruskan' } });
    expect(fwd.status).toBe(200);
    clock.advance(60);
    const end = await api(studio.url, `/api/episodes/${episodeId}/end`, { method: 'POST', cookie: studio.hostCookie });
    expect(end.status).toBe(200);
    transcript = end.json.transcript;
    expect(transcript).toMatch(/\.md$/);
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
  });

  const episodeFile = () => read(join(studio.server.dataDir, 'episodes', `${episodeId}.json`));
  const aspirationsFile = () => read(join(studio.server.dataDir, 'aspirations.json'));
  const transcriptFile = () => read(join(studio.server.transcriptsDir, transcript));

  it('lets a listener preview, then erase, their own data: it leaves the files and the archived notula', async () => {
    expect(await transcriptFile()).toContain('Tong sampah terpilah di pasar Mekarjaya');
    const a = await person(tokenA);

    // Structure is checked like every event; nothing changes.
    for (const bad of [{ dryRun: 'ya' }, { dryRun: true, listenerId: 'x' }, null]) {
      const r = await call(a.socket, 'listener:erase', bad as never);
      expect(r.ok ? null : r.error.code).toBe('invalid_payload');
    }

    const before = await episodeFile();
    const preview = await must(a.socket, 'listener:erase', { dryRun: true });
    expect(preview).toEqual({ questionsWithdrawn: 2, questionsAnonymised: 1, aspirationsWithdrawn: 1, aspirationsAnonymised: 1, contactsRemoved: 2 });
    await studio.server.app.store.flush();
    expect(await episodeFile()).toBe(before);
    expect(await aspirationsFile()).toContain('0812-1111-2222'.replace(/-/g, '')); // still there after a preview

    const done = await must(a.socket, 'listener:erase', {});
    expect(done).toEqual(preview);

    // The episode file: withdrawn questions gone, the aired one kept as public record without name or place.
    const ep = JSON.parse(await episodeFile());
    const qids = ep.questions.map((q: { id: string }) => q.id);
    expect(qids).not.toContain(ids.pending);
    expect(qids).not.toContain(ids.approved);
    const aired = ep.questions.find((q: { id: string }) => q.id === ids.aired);
    expect(aired).toMatchObject({ text: 'Berapa iuran bank sampah per bulan?', askerName: null, askerLocation: null, askedBy: null, status: 'answered' });
    const epText = JSON.stringify(ep);
    expect(epText).not.toContain('Darmo');
    expect(epText).not.toContain('Krajan Wetan');
    expect(epText).toContain('Bu Srikandi Lestari'); // the other listener's data is untouched

    // aspirations.json: the withdrawn usulan is gone, the forwarded one stays without contact or link.
    const list = JSON.parse(await aspirationsFile()).aspirations as Array<{ id: string; contact: unknown; submittedBy: string | null; text: string }>;
    expect(list.find((x) => x.id === ids.u1)).toBeUndefined();
    expect(list.find((x) => x.id === ids.u2)).toMatchObject({ contact: null, submittedBy: null, text: 'Truk sampah dua kali seminggu' });
    expect(list.find((x) => x.id === ids.ub)!.contact).toMatchObject({ name: 'Bu Srikandi Lestari' });
    expect(await aspirationsFile()).not.toContain('Darmo');

    // The archived notula was written again: the withdrawn usulan is no longer published.
    const md = await transcriptFile();
    expect(md).not.toContain('Tong sampah terpilah di pasar Mekarjaya');
    expect(md).toContain('Truk sampah dua kali seminggu');
    expect(md).toContain('Berapa iuran bank sampah per bulan?');

    // The listener's own lists are empty now; the erasure is logged without saying who.
    const snap = await must(a.socket, 'episode:join', { episodeId });
    expect('mine' in snap && snap.mine).toEqual([]);
    expect('myAspirations' in snap && snap.myAspirations).toEqual([]);
    await studio.server.app.audit.flush();
    const audit = await read(join(studio.server.dataDir, 'audit.jsonl'));
    expect(audit).toContain('"action":"listener.erase"');
    expect(audit).not.toContain(tokenA.split('.')[0]);

    // Again: nothing left to erase.
    expect(await must(a.socket, 'listener:erase', {})).toEqual({ questionsWithdrawn: 0, questionsAnonymised: 0, aspirationsWithdrawn: 0, aspirationsAnonymised: 0, contactsRemoved: 0 });
  });

  it('a forged or another token erases nothing of anyone else', async () => {
    const b = await person(); // a fresh listener: nothing of theirs
    expect(await must(b.socket, 'listener:erase', { dryRun: true })).toMatchObject({ questionsWithdrawn: 0, contactsRemoved: 0 });
    // A's token with a changed signature is a forgery: the server issues a new identity.
    const forged = tokenA.slice(0, -2) + (tokenA.endsWith('AA') ? 'BB' : 'AA');
    const socket: Client = connect(studio.url, { transports: ['websocket'], auth: { token: forged }, reconnection: false, forceNew: true });
    sockets.push(socket);
    const issued = await new Promise<string>((res) => socket.once('listener:token', (p) => res(p.token)));
    expect(issued).not.toBe(forged);
    const f = { socket };
    const before = await aspirationsFile();
    expect(await must(f.socket, 'listener:erase', {})).toMatchObject({ questionsWithdrawn: 0, aspirationsWithdrawn: 0, contactsRemoved: 0 });
    await studio.server.app.aspirations.flush();
    expect(await aspirationsFile()).toBe(before);
    expect(before).toContain('Bu Srikandi Lestari');
  });

  it('takes a withdrawn question and usulan off the staff\'s and other listeners\' screens during a live show', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie, { ...(await import('../support/show.ts')).SHOW_EPISODE, number: 14, title: 'Pasar desa' });
    await joinStaff(studio.screener, ep.id);
    const asker = await person();
    const watcher = await person();
    for (const p of [asker, watcher]) await must(p.socket, 'episode:join', { episodeId: ep.id });
    const q = await must(asker.socket, 'question:ask', { episodeId: ep.id, text: 'Kapan los pasar diperbaiki?', name: 'Mas Joko', location: null });
    await must(studio.screener, 'question:approve', { episodeId: ep.id, questionId: q.id });
    const u = await must(asker.socket, 'aspiration:submit', { episodeId: ep.id, text: 'Atap los pasar', problem: 'Bocor', ...place });
    // The question and the usulan may leave in one delta or in two (ticks coalesce
    // whatever is ready), so each screen collects removals until both are gone.
    const goneFrom = () => {
      const removed = new Set<string>();
      return (d: Delta) => {
        for (const id of [...(d.removed ?? []), ...(d.aspirationsRemoved ?? [])]) removed.add(id);
        return removed.has(q.id) && removed.has(u.id);
      };
    };
    const seen = [waitFor<Delta>(watcher.socket, 'episode:delta', goneFrom()), waitFor<Delta>(studio.screener, 'episode:delta', goneFrom())];
    expect(await must(asker.socket, 'listener:erase', {})).toMatchObject({ questionsWithdrawn: 1, aspirationsWithdrawn: 1 });
    await Promise.all(seen);
    const snap = await must(watcher.socket, 'episode:join', { episodeId: ep.id });
    expect(snap.questions.map((x) => x.id)).not.toContain(q.id);
  });

  it('lets a planner remove a contact ("hapus kontak"), and refuses unknown ids and other roles', async () => {
    const path = `/api/aspirations/${ids.ub}/contact`;
    expect((await api(studio.url, path, { method: 'DELETE' })).status).toBe(401);
    const host = await api(studio.url, path, { method: 'DELETE', cookie: studio.hostCookie });
    expect([host.status, host.json.error.code]).toEqual([403, 'not_allowed']);
    const unknown = await api(studio.url, '/api/aspirations/tidak-ada/contact', { method: 'DELETE', cookie: planner });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'aspiration_not_found']);
    expect(await aspirationsFile()).toContain('Bu Srikandi Lestari');

    const ok = await api(studio.url, path, { method: 'DELETE', cookie: planner });
    expect(ok.status).toBe(200);
    expect(ok.json.aspiration).toMatchObject({ id: ids.ub, contact: null, text: 'Pelatihan kompos untuk ibu-ibu PKK' });
    const file = await aspirationsFile();
    expect(file).not.toContain('Bu Srikandi Lestari');
    expect(file).not.toContain('08133333');
    expect(file).toContain('Pelatihan kompos untuk ibu-ibu PKK');
  });

  it('lets only the admin remove a notula, by a name from the archive listing', async () => {
    const name = encodeURIComponent(transcript);
    expect((await api(studio.url, `/api/transcripts/${name}`, { method: 'DELETE' })).status).toBe(401);
    expect((await api(studio.url, `/api/transcripts/${name}`, { method: 'DELETE', cookie: studio.hostCookie })).status).toBe(403);
    await writeFile(join(studio.server.transcriptsDir, '.tersembunyi.md'), 'x');
    for (const bad of ['..%2Fdata%2Fstaff.json', '..%2F..%2Fstaff.json', '.tersembunyi.md', 'README.md', 'tidak-ada.md', '%00.md']) {
      const r = await api(studio.url, `/api/transcripts/${bad}`, { method: 'DELETE', cookie: studio.admin });
      expect([bad, r.status, r.json?.error?.code]).toEqual([bad, 404, 'episode_not_found']);
    }
    expect(await exists(join(studio.server.dataDir, 'staff.json'))).toBe(true);
    expect(await exists(join(studio.server.transcriptsDir, '.tersembunyi.md'))).toBe(true);

    const ok = await api(studio.url, `/api/transcripts/${name}`, { method: 'DELETE', cookie: studio.admin });
    expect(ok.status).toBe(204);
    expect(await exists(join(studio.server.transcriptsDir, transcript))).toBe(false);
    expect((await api(studio.url, '/api/transcripts')).json.transcripts).not.toContain(transcript);
    // A later erasure touching the episode does not bring the removed notula back.
    const b = await person(tokenB);
    expect(await must(b.socket, 'listener:erase', {})).toMatchObject({ questionsWithdrawn: 1, aspirationsWithdrawn: 1 });
    expect(await exists(join(studio.server.transcriptsDir, transcript))).toBe(false);
  });

  it('deleting an episode takes its usulan and its notula; usulan forwarded to the musrenbang stay without contact', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie, { ...(await import('../support/show.ts')).SHOW_EPISODE, number: 13, title: 'Air bersih' });
    const p = await person();
    await must(p.socket, 'episode:join', { episodeId: ep.id });
    const gone = await must(p.socket, 'aspiration:submit', { episodeId: ep.id, text: 'Sumur bor di Mekarjaya', problem: 'Kemarau panjang', ...place, name: 'Mbah Karto', phone: '0815 5555 6666', consent: true });
    const kept = await must(p.socket, 'aspiration:submit', { episodeId: ep.id, text: 'Pipa air ke Pasirlaya', problem: 'Air keruh', ...place, name: 'Mbah Karto', phone: '0815 5555 6666', consent: true });
    expect((await api(studio.url, '/api/aspirations/status', { method: 'POST', cookie: planner, body: { ids: [kept.id], status: 'diteruskan' } })).status).toBe(200);
    const end = await api(studio.url, `/api/episodes/${ep.id}/end`, { method: 'POST', cookie: studio.hostCookie });
    const file = join(studio.server.transcriptsDir, end.json.transcript);
    expect(await exists(file)).toBe(true);

    expect((await api(studio.url, '/api/episodes/tidak-ada', { method: 'DELETE', cookie: studio.admin })).status).toBe(404);
    expect((await api(studio.url, `/api/episodes/${ep.id}`, { method: 'DELETE', cookie: studio.hostCookie })).status).toBe(403);
    expect(await exists(file)).toBe(true);

    expect((await api(studio.url, `/api/episodes/${ep.id}`, { method: 'DELETE', cookie: studio.admin })).status).toBe(204);
    expect(await exists(file)).toBe(false);
    const list = JSON.parse(await aspirationsFile()).aspirations as Array<{ id: string; contact: unknown; text: string }>;
    expect(list.find((x) => x.id === gone.id)).toBeUndefined();
    expect(list.find((x) => x.id === kept.id)).toMatchObject({ contact: null, text: 'Pipa air ke Pasirlaya' });
    expect(await aspirationsFile()).not.toContain('Mbah Karto');
    const desk = await api(studio.url, `/api/aspirations/${kept.id}`, { cookie: planner });
    expect(desk.json.aspiration.episode).toBeNull();
  });

  it('writes every staff action to the audit log, readable (paged) by the admin only, without listener data', async () => {
    expect((await api(studio.url, '/api/audit')).status).toBe(401);
    for (const cookie of [studio.hostCookie, planner, studio.screenerCookie]) expect((await api(studio.url, '/api/audit', { cookie })).status).toBe(403);
    for (const q of ['limit=0', 'limit=abc', 'limit=1000', 'before=-1']) expect((await api(studio.url, `/api/audit?${q}`, { cookie: studio.admin })).status).toBe(400);

    // An export with names and phones is logged; one without them, like any reading, is not.
    expect((await api(studio.url, '/api/aspirations/export.csv', { cookie: planner })).status).toBe(200);
    expect((await api(studio.url, '/api/aspirations/export.json?personal=0', { cookie: planner })).status).toBe(200);

    const all = await api(studio.url, '/api/audit?limit=200', { cookie: studio.admin });
    expect(all.status).toBe(200);
    const actions = (all.json.entries as Array<{ action: string }>).map((e) => e.action);
    for (const a of ['staff.create', 'district.update', 'district.importRegions', 'episode.create', 'episode.start', 'question:approve',
      'question:air', 'question:answered', 'aspiration.status', 'episode.end', 'listener.erase', 'aspiration.removeContact',
      'transcript.delete', 'episode.delete']) expect(actions, a).toContain(a);
    // Refused actions (403, 404) are not staff actions that happened.
    expect(all.json.entries.filter((e: { action: string }) => e.action === 'transcript.delete')).toHaveLength(1);
    expect(all.json.entries.filter((e: { action: string }) => e.action === 'aspiration.exportPersonal')).toMatchObject([{ by: { role: 'planner' }, detail: { format: 'csv' } }]);
    const approve = all.json.entries.find((e: { action: string; target: string }) => e.action === 'question:approve' && e.target === ids.aired);
    expect(approve).toMatchObject({ episodeId, by: { kind: 'staff', role: 'screener', name: 'Petugas screener' } });
    const seqs = all.json.entries.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));

    const first = await api(studio.url, '/api/audit?limit=2', { cookie: studio.admin });
    expect(first.json.entries.map((e: { seq: number }) => e.seq)).toEqual(seqs.slice(0, 2));
    const second = await api(studio.url, `/api/audit?limit=2&before=${first.json.next}`, { cookie: studio.admin });
    expect(second.json.entries.map((e: { seq: number }) => e.seq)).toEqual(seqs.slice(2, 4));

    // On disk, append-only JSON lines; never a question, a name, a place or a phone number.
    const file = await read(join(studio.server.dataDir, 'audit.jsonl'));
    expect(file.trim().split('\n')).toHaveLength(all.json.total);
    for (const secret of ['Darmo', 'Srikandi', 'Krajan', 'Kapan jadwal', 'iuran', 'Sumur bor', 'Mbah Karto', '0812', '0813', '0815', 'sandi-']) expect(file, secret).not.toContain(secret);

    // Durable: the same entries after a restart, and new ones continue the sequence.
    const total = all.json.total;
    await studio.restart();
    const admin = await signIn(studio.url);
    const again = await api(studio.url, '/api/audit?limit=200', { cookie: admin });
    expect(again.json.total).toBe(total);
    expect(again.json.entries[0].seq).toBe(seqs[0]);
  });
});

describe('contact retention', () => {
  it('removes contacts older than CONTACT_RETENTION_DAYS, by the sweep and at start (injected clock)', async () => {
    const clock = testClock('2026-01-10T03:00:00.000Z');
    let server = await startServer({ sample: false, now: clock.now, rateLimits: RELAXED_LIMITS, contactRetentionDays: 30, retentionSweepMs: 0 });
    try {
      const c = await crew(server.url);
      await setupDistrict(server.url, c.admin);
      const ep = await createLiveEpisode(server.url, c.hostCookie);
      const p = await listener(server.url);
      await must(p.socket, 'episode:join', { episodeId: ep.id });
      const early = await must(p.socket, 'aspiration:submit', { episodeId: ep.id, text: 'Lampu jalan di tikungan', problem: 'Gelap', ...place, name: 'Pak Lurah Tono', phone: '0817 7777 8888', consent: true });
      clock.advance(20 * 24 * 60);
      const later = await must(p.socket, 'aspiration:submit', { episodeId: ep.id, text: 'Polisi tidur di depan SD', problem: 'Ngebut', ...place, name: 'Bu Guru Wati', phone: '0818 1234 5678', consent: true });
      const contacts = async () => Object.fromEntries((JSON.parse(await read(join(server.dataDir, 'aspirations.json'))).aspirations as Array<{ id: string; contact: { name: string } | null }>).map((a) => [a.id, a.contact?.name ?? null]));

      // Day 29 after the first: nothing is due.
      clock.advance(9 * 24 * 60);
      expect(await server.app.erasure.sweepContacts()).toEqual({ ok: true, value: 0 });
      expect(await contacts()).toEqual({ [early.id]: 'Pak Lurah Tono', [later.id]: 'Bu Guru Wati' });
      // Day 31: the first contact is past 30 days, the second is 11 days old.
      clock.advance(2 * 24 * 60);
      expect(await server.app.erasure.sweepContacts()).toEqual({ ok: true, value: 1 });
      expect(await contacts()).toEqual({ [early.id]: null, [later.id]: 'Bu Guru Wati' });
      await server.app.audit.flush();
      expect(await read(join(server.dataDir, 'audit.jsonl'))).toContain('"action":"retention.removeContacts"');

      // The server was off when the second one came due: the sweep at start removes it.
      p.socket.disconnect();
      for (const s of [c.host, c.screener, c.notulis]) s.disconnect();
      clock.advance(20 * 24 * 60);
      server = await server.restart();
      expect(await contacts()).toEqual({ [early.id]: null, [later.id]: null });
      const file = await read(join(server.dataDir, 'aspirations.json'));
      expect(file).not.toContain('0818');
      expect(file).toContain('Polisi tidur di depan SD');
    } finally {
      await server.stop();
    }
  });
});
