// A damaged episode file, end to end: the real server process starts on a folder where one
// episode file is garbage. It says so, serves every other episode over HTTP and sockets,
// and never writes, moves or deletes the damaged file, through use and a clean shutdown.
import { describe, expect, it } from 'vitest';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_PASSWORD, api, listener, must, signIn, staffSocket } from '../support/server.ts';
import { spawnServer } from '../support/process.ts';
import { dataFolder, stopProcess } from '../support/integration.ts';
import { until } from '../support/until.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';

describe('a corrupt episode file', () => {
  const folder = dataFolder('corrupt');

  it('leaves the other episodes served and the file untouched', async () => {
    const { env: dirs } = await folder();
    const env = { ...dirs, ADMIN_PASSWORD };
    const first = await spawnServer(env);
    const admin = await signIn(first.url);
    const good = await createLiveEpisode(first.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const bad = await createLiveEpisode(first.url, admin, { ...SHOW_EPISODE, title: 'Episode yang berkasnya rusak' });
    const staff = await staffSocket(first.url, admin);
    const q = await must(staff, 'question:submit', { episodeId: good.id, text: 'Kapan jembatan diperbaiki?', channel: 'sms' });
    staff.disconnect();
    const before = (await api(first.url, `/api/episodes/${good.id}`, { cookie: admin })).json;
    await stopProcess(first.child);

    // Half a file and then binary junk: what a full disk or a bad sector leaves behind.
    const badFile = join(env.DATA_DIR, 'episodes', `${bad.id}.json`);
    const text = await readFile(badFile, 'utf8');
    const garbage = Buffer.concat([Buffer.from(text.slice(0, Math.floor(text.length / 2))), Buffer.from([0, 0xff, 0xfe, 0x7b, 0x0a])]);
    await writeFile(badFile, garbage);
    const mtime = (await stat(badFile)).mtimeMs;

    const second = await spawnServer(env);
    try {
      // Printed right after "siap di": wait for the line.
      const warning = `berkas episode rusak dilewati: episodes/${bad.id}.json`;
      await until(() => second.output().includes(warning), 'the damaged-file warning');
      const health = await api(second.url, '/api/health');
      expect(health.status).toBe(200);
      expect(health.json.damaged).toEqual([`episodes/${bad.id}.json`]);

      const admin2 = await signIn(second.url);
      // The good episode is served exactly as before, over HTTP…
      expect((await api(second.url, `/api/episodes/${good.id}`, { cookie: admin2 })).json).toEqual(before);
      expect((await api(second.url, `/api/episodes/${good.id}/notula.md`, { cookie: admin2 })).status).toBe(200);
      expect((await api(second.url, `/api/episodes/by-code/${good.code}`)).status).toBe(200);
      // …the damaged one is not found (never a 500), and not listed.
      for (const path of [`/api/episodes/${bad.id}`, `/api/episodes/${bad.id}/notula.md`, `/api/episodes/by-code/${bad.code}`]) {
        const r = await api(second.url, path, { cookie: admin2 });
        expect(r.status).toBe(404);
        expect(r.json.error.code).toBe('episode_not_found');
      }
      const list = (await api(second.url, '/api/episodes', { cookie: admin2 })).json.episodes.map((e: { id: string }) => e.id);
      expect(list).toContain(good.id);
      expect(list).not.toContain(bad.id);
      const patch = await api(second.url, `/api/episodes/${bad.id}`, { method: 'PATCH', cookie: admin2, body: { ...SHOW_EPISODE, title: 'Timpa' } });
      expect(patch.status).toBe(404);

      // …and over sockets: listeners join, vote; a new episode can be created.
      const l = await listener(second.url);
      const snap = await must(l.socket, 'episode:join', { code: good.code });
      expect(snap.questions.map((x) => x.id)).toEqual([q.id]);
      expect((await must(l.socket, 'vote:cast', { episodeId: good.id, questionId: q.id })).votes).toBe(1);
      const refused = await (l.socket.timeout(5_000) as any).emitWithAck('episode:join', { episodeId: bad.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'episode_not_found' } });
      l.socket.disconnect();
      const created = await createLiveEpisode(second.url, admin2);
      expect(created.id).not.toBe(bad.id);
    } finally {
      await stopProcess(second.child);
    }

    // After use and a clean shutdown (which flushes every store), the file is byte for byte what it was.
    expect(await readFile(badFile)).toEqual(garbage);
    expect((await stat(badFile)).mtimeMs).toBe(mtime);
  }, 60_000);
});
