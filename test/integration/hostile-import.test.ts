// Issue 9, item 1: an imported notula comes from another station and is untrusted. Its ids
// and codes must match what the server itself makes before any file name is built from
// them, every path stays inside its folder, and the whole front matter is checked like
// POST /api/episodes: a clear 400 naming the line and field, nothing written, nothing left
// "damaged". Real server, real files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { api, removeDir, signIn, startServer, tempDir } from '../support/server.ts';
import type { TestServer } from '../support/server.ts';
import { buildFinishedSample } from '../../server/sample/episodes.ts';
import { transcriptFileName } from '../../server/domain/notula/index.ts';

const SAMPLE = await readFile(join('transcripts', transcriptFileName(buildFinishedSample())), 'utf8');

/** The sample notula with one front matter line replaced (`key: value` at the start of a line). */
function withLine(key: string, value: string, md = SAMPLE): string {
  const re = new RegExp(`^${key}: .*$`, 'm');
  expect(md).toMatch(re);
  return md.replace(re, () => `${key}: ${value}`);
}

async function post(server: TestServer, cookie: string, md: string) {
  return api(server.url, '/api/transcripts', { method: 'POST', cookie, body: md, headers: { 'content-type': 'text/markdown' } });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

describe('importing a hostile notula', () => {
  let server: TestServer;
  let cookie = '';
  let root = '';
  beforeAll(async () => {
    root = await tempDir('kentongan-hostile-');
    server = await startServer({ sample: false }, { dataDir: join(root, 'data'), transcriptsDir: join(root, 'transcripts') });
    cookie = await signIn(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    if (root) await removeDir(root);
  });

  it('refuses an id that climbs out of the episodes folder, and staff.json stays as it was', async () => {
    const staffBefore = await readFile(join(server.dataDir, 'staff.json'), 'utf8');
    const escape = `kentongan-escape-${randomBytes(4).toString('hex')}`;
    try {
      for (const id of ['../staff', `../../../../tmp/${escape}`, '../../victim']) {
        const r = await post(server, cookie, withLine('id', JSON.stringify(id)));
        expect(r.status, id).toBe(400);
        expect(r.json.error.code).toBe('transcript_invalid');
        expect(r.json.error.message).toMatch(/Baris 3: kolom "id"/);
      }
      expect(await readFile(join(server.dataDir, 'staff.json'), 'utf8')).toBe(staffBefore);
      expect(await exists(join('/tmp', `${escape}.json`))).toBe(false);
      expect(await exists(join(root, 'victim.json'))).toBe(false);
      expect(await readdir(join(server.dataDir, 'episodes'))).toEqual([]);
    } finally {
      await rm(join('/tmp', `${escape}.json`), { force: true });
    }
  });

  it('answers 400 naming the field for ids with a slash, 300 characters or a NUL, and keeps nothing damaged', async () => {
    for (const id of ['"a/b"', 'a'.repeat(300), '"a\\0b"', '"."', '".."']) {
      const r = await post(server, cookie, withLine('id', id));
      expect(r.status, id).toBe(400);
      expect(r.json.error.code).toBe('transcript_invalid');
      expect(r.json.error.message).toContain('kolom "id"');
    }
    // Ids inside the front matter are ids too.
    const speaker = await post(server, cookie, SAMPLE.replace('  - id: s001', '  - id: ../s001'));
    expect(speaker.status).toBe(400);
    expect(speaker.json.error.message).toContain('kolom "speakers.0.id"');
    const health = await api(server.url, '/api/health');
    expect(health.json.damaged).toEqual([]);
    expect(health.json.episodes).toBe(0);
  });

  it('checks the code against the join-code alphabet and compares it case-insensitively', async () => {
    for (const code of ['SD0AIR', 'SD7AIRX', '"../x"', 'SD7 AI']) {
      const r = await post(server, cookie, withLine('code', code));
      expect(r.status, code).toBe(400);
      expect(r.json.error.message).toContain('kolom "code"');
    }
    const first = await post(server, cookie, SAMPLE);
    expect(first.status).toBe(201);
    // Another episode (other id) with the same code in lower case: the same code.
    const lower = await post(server, cookie, withLine('code', 'sd7air', withLine('id', 'another-one-01')));
    expect(lower.status).toBe(409);
    expect(lower.json.error.code).toBe('episode_exists');
    const del = await api(server.url, '/api/episodes/sample-finished-07', { method: 'DELETE', cookie });
    expect(del.status).toBe(204);
    // Imported in lower case alone, it is stored and found upper-case.
    const alone = await post(server, cookie, withLine('code', 'sd7air'));
    expect(alone.status).toBe(201);
    expect(alone.json.episode.code).toBe('SD7AIR');
    expect((await api(server.url, '/api/episodes/by-code/SD7AIR')).status).toBe(200);
    expect((await api(server.url, '/api/episodes/sample-finished-07', { method: 'DELETE', cookie })).status).toBe(204);
  });

  it('refuses a recording link that is not http(s), as POST /api/episodes does', async () => {
    for (const url of ['"javascript:alert(1)"', '"data:text/html,<b>x</b>"', '"https://x.org/a b"']) {
      const r = await post(server, cookie, withLine('recordingUrl', url));
      expect(r.status, url).toBe(400);
      expect(r.json.error.code).toBe('transcript_invalid');
      expect(r.json.error.message).toContain('kolom "recordingUrl"');
    }
  });

  it('answers 400 to a YAML alias bomb', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = SAMPLE.replace('---\n', `---\n${levels.join('\n')}\n`);
    const r = await post(server, cookie, bomb);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('transcript_invalid');
    expect((await api(server.url, '/api/health')).json.ok).toBe(true);
  });
});

describe('an episode already stored under a bad id', () => {
  it('is reported damaged and cannot be deleted through the API: the file it names stays', async () => {
    const root = await tempDir('kentongan-badid-');
    const dataDir = join(root, 'data');
    const transcriptsDir = join(root, 'transcripts');
    try {
      // What an import on the old code left: an index entry pointing outside, and the file there.
      const victim = join(root, 'victim.json');
      const e = { ...buildFinishedSample(), id: '../../victim' };
      await mkdir(join(dataDir, 'episodes'), { recursive: true });
      await writeFile(victim, JSON.stringify(e));
      await writeFile(join(dataDir, 'index.json'), JSON.stringify({
        version: 1, episodes: [{ id: e.id, code: e.code, title: e.title, status: e.status, file: 'episodes/../../victim.json' }],
      }));
      const server = await startServer({ sample: false }, { dataDir, transcriptsDir });
      try {
        const cookie = await signIn(server.url);
        const health = await api(server.url, '/api/health');
        expect(health.json.damaged).toEqual(['episodes/../../victim.json']);
        for (const path of ['/api/episodes/..%2F..%2Fvictim', '/api/episodes/..%2f..%2fvictim']) {
          const r = await api(server.url, path, { method: 'DELETE', cookie });
          expect(r.status).toBe(404);
        }
        expect(server.logs.join('\n')).toContain('episodes/../../victim.json');
      } finally {
        await server.stop();
      }
      expect(await readFile(victim, 'utf8')).toBe(JSON.stringify(e));
      expect(dirname(victim)).toBe(root);
    } finally {
      await removeDir(root);
    }
  });
});
