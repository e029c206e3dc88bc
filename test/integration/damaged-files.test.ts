// Issue 9, item 7: every data file is shape-checked on load. A wrongly shaped one is kept as
// a copy, reported in /api/health and the log, and rebuilt — or, for staff.json, the start
// is refused in words and the file never rewritten. Real server, real files.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, removeDir, signIn, startServer, tempDir } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';

let roots: string[] = [];
afterEach(async () => {
  for (const r of roots) await removeDir(r);
  roots = [];
});

/** A server with two episodes of its own and the sample, stopped: its folders to damage. */
async function folderWithEpisodes(): Promise<{ dirs: { dataDir: string; transcriptsDir: string }; ids: string[] }> {
  const root = await tempDir('kentongan-shape-');
  roots.push(root);
  const dirs = { dataDir: join(root, 'data'), transcriptsDir: join(root, 'transcripts') };
  const s = await startServer({}, dirs);
  const cookie = await signIn(s.url);
  await createLiveEpisode(s.url, cookie, SHOW_EPISODE);
  await createLiveEpisode(s.url, cookie, { ...SHOW_EPISODE, title: 'Yang kedua' });
  const ids = (await api(s.url, '/api/episodes', { cookie })).json.episodes.map((e: { id: string }) => e.id).sort();
  await s.stop();
  return { dirs, ids };
}

async function listed(s: TestServer): Promise<string[]> {
  const cookie = await signIn(s.url);
  return (await api(s.url, '/api/episodes', { cookie })).json.episodes.map((e: { id: string }) => e.id).sort();
}

describe('a wrongly shaped data file', () => {
  for (const [what, text] of [['null', 'null'], ['an empty list beside the episode files', '{"version":1,"episodes":[]}']] as const) {
    it(`index.json = ${what}: every episode file is still served, the index is reconciled and said so`, async () => {
      const { dirs, ids } = await folderWithEpisodes();
      expect(ids).toHaveLength(4);
      await writeFile(join(dirs.dataDir, 'index.json'), text);
      let s = await startServer({}, dirs);
      try {
        expect(await listed(s)).toEqual(ids);
        expect(s.logs.join('\n')).toMatch(/index\.json/);
        // A new episode must not leave the old ones unlisted for the next start.
        const cookie = await signIn(s.url);
        const added = await createLiveEpisode(s.url, cookie, { ...SHOW_EPISODE, title: 'Sesudah perbaikan' });
        s = await s.restart();
        expect(await listed(s)).toEqual([...ids, added.id].sort());
        expect(s.logs).toEqual([]);
      } finally {
        await s.stop();
      }
    });
  }

  it('index.json = null is kept as a copy and listed in /api/health', async () => {
    const { dirs } = await folderWithEpisodes();
    await writeFile(join(dirs.dataDir, 'index.json'), 'null');
    const s = await startServer({}, dirs);
    try {
      const health = (await api(s.url, '/api/health')).json;
      expect(health.recovered).toHaveLength(1);
      expect(health.recovered[0]).toMatchObject({ file: 'index.json' });
      expect(await readFile(join(dirs.dataDir, health.recovered[0].copy), 'utf8')).toBe('null');
    } finally {
      await s.stop();
    }
  });

  it('an episode with questions: [null] is reported damaged and answers 404, never 500; the others are served', async () => {
    const { dirs, ids } = await folderWithEpisodes();
    const file = join(dirs.dataDir, 'episodes', `${ids[0]}.json`);
    const e = JSON.parse(await readFile(file, 'utf8'));
    e.questions = [null];
    await writeFile(file, JSON.stringify(e));
    const s = await startServer({}, dirs);
    try {
      const cookie = await signIn(s.url);
      const r = await api(s.url, `/api/episodes/${ids[0]}`, { cookie });
      expect(r.status).toBe(404);
      expect((await api(s.url, `/api/episodes/${ids[1]}`, { cookie })).status).toBe(200);
      expect((await api(s.url, '/api/health')).json.damaged).toEqual([`episodes/${ids[0]}.json`]);
      expect(s.logs.join('\n')).toContain('questions.0');
    } finally {
      await s.stop();
    }
    expect(JSON.parse(await readFile(file, 'utf8')).questions).toEqual([null]);
  });

  it('a damaged readers.json, intake.json or moderation.json is kept as a copy and the store starts empty', async () => {
    const { dirs } = await folderWithEpisodes();
    const bad: Record<string, string> = {
      'readers.json': '{"version":1,"episodes":[',
      'intake.json': '{"version":1,"settings":"rusak"}',
      'moderation.json': '{"version":1,"add":"goblok"}',
    };
    for (const [name, text] of Object.entries(bad)) await writeFile(join(dirs.dataDir, name), text);
    const s = await startServer({}, dirs);
    try {
      const rec = (await api(s.url, '/api/health')).json.recovered as Array<{ file: string; copy: string }>;
      expect(rec.map((x) => x.file).sort()).toEqual(Object.keys(bad).sort());
      for (const r of rec) expect(await readFile(join(dirs.dataDir, r.copy), 'utf8')).toBe(bad[r.file]);
      const admin = await signIn(s.url);
      expect((await api(s.url, '/api/moderation/words', { cookie: admin })).json).toEqual({ add: [], remove: [] });
      expect((await api(s.url, '/api/intake/settings', { cookie: admin })).json.smsSecretSet).toBe(false);
    } finally {
      await s.stop();
    }
  });

  it('a district.json with no lists is kept as a copy and replaced by the default settings', async () => {
    const { dirs } = await folderWithEpisodes();
    const bad = '{"version":1,"district":{"name":"Kabupaten Tanpa Daftar"}}';
    await writeFile(join(dirs.dataDir, 'district.json'), bad);
    const s = await startServer({}, dirs);
    try {
      const d = await api(s.url, '/api/district');
      expect(d.status).toBe(200);
      expect(Array.isArray(d.json.district.dimensions)).toBe(true);
      const rec = (await api(s.url, '/api/health')).json.recovered;
      expect(rec.map((x: { file: string }) => x.file)).toEqual(['district.json']);
      expect(await readFile(join(dirs.dataDir, rec[0].copy), 'utf8')).toBe(bad);
      expect(s.logs.join('\n')).toContain('district.json');
    } finally {
      await s.stop();
    }
  });

  it('aspirations: [null] keeps every good usulan, answers 200, and keeps the file as a copy', async () => {
    const { dirs } = await folderWithEpisodes();
    const path = join(dirs.dataDir, 'aspirations.json');
    const f = JSON.parse(await readFile(path, 'utf8'));
    const good = f.aspirations.length;
    expect(good).toBeGreaterThan(0);
    f.aspirations.splice(1, 0, null);
    await writeFile(path, JSON.stringify(f));
    const s = await startServer({}, dirs);
    try {
      const cookie = await signIn(s.url);
      const r = await api(s.url, '/api/aspirations', { cookie });
      expect(r.status).toBe(200);
      expect(r.json.aspirations.length).toBeGreaterThan(0);
      const rec = (await api(s.url, '/api/health')).json.recovered;
      expect(rec.map((x: { file: string }) => x.file)).toEqual(['aspirations.json']);
      expect(rec[0].reason).toMatch(/^1 usulan tidak terbaca, mis\. aspirations\.1/);
      expect(rec[0].action).toContain(`${good} usulan lain dipakai`);
      expect(JSON.parse(await readFile(join(dirs.dataDir, rec[0].copy), 'utf8')).aspirations[1]).toBeNull();
    } finally {
      await s.stop();
    }
  });

  it('staff.json = {"version":1}: the start is refused with a sentence, and the file is never rewritten', async () => {
    const { dirs } = await folderWithEpisodes();
    const path = join(dirs.dataDir, 'staff.json');
    await writeFile(path, '{"version":1}');
    await expect(startServer({}, dirs)).rejects.toThrow(/staff\.json rusak.*Pulihkan staff\.json dari cadangan/);
    expect(await readFile(path, 'utf8')).toBe('{"version":1}');
    expect((await readdir(dirs.dataDir)).filter((f) => f.startsWith('staff.json'))).toEqual(['staff.json']);
  });
});
