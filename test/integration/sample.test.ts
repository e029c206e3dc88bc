// The sample a newcomer meets: seeded on first start, and its notula committed in transcripts/.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFinishedSample, buildSampleShow } from '../../server/sample/episodes.ts';
import { notulaAspirations } from '../../server/domain/planner.ts';
import { exportNotula, importNotula, transcriptFileName } from '../../server/domain/notula/index.ts';
import { api, signIn, startServer } from '../support/server.ts';
import { runningServer } from '../support/integration.ts';

/** The sample show's notula, with the aspiration section its usulan give it. */
function sampleNotula(): string {
  const s = buildSampleShow();
  return exportNotula(s.episode, notulaAspirations(s.aspirations, s.district, s.episode.id));
}

describe('the sample episodes', () => {
  const server = runningServer();

  it('matches the notula committed in transcripts/', async () => {
    const e = buildFinishedSample();
    const file = join('transcripts', transcriptFileName(e));
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(file, sampleNotula());
    expect(sampleNotula()).toBe(await readFile(file, 'utf8'));
  });

  it('is seeded into an empty data folder: one finished episode and one draft', async () => {
    const cookie = await signIn(server.url);
    const list = (await api(server.url, '/api/episodes', { cookie })).json.episodes;
    expect(list.map((e: { status: string }) => e.status).sort()).toEqual(['draft', 'ended']);
    const publicList = (await api(server.url, '/api/episodes')).json.episodes;
    expect(publicList).toHaveLength(1);
    const md = await api(server.url, `/api/episodes/${publicList[0].id}/notula.md`);
    expect(md.status).toBe(200);
    expect(md.text).toBe(sampleNotula());
  });

  it('is not seeded again after a restart', async () => {
    await server.restart();
    const cookie = await signIn(server.url);
    expect((await api(server.url, '/api/episodes', { cookie })).json.episodes).toHaveLength(2);
  });

  it('re-imports the committed notula into a fresh server, byte for byte', async () => {
    const other = await startServer({ sample: false });
    try {
      const e = buildFinishedSample();
      const md = await readFile(join('transcripts', transcriptFileName(e)), 'utf8');
      const cookie = await signIn(other.url);
      const created = await api(other.url, '/api/transcripts', { method: 'POST', cookie, body: md, headers: { 'content-type': 'text/markdown' } });
      expect(created.status).toBe(201);
      const again = await api(other.url, `/api/episodes/${created.json.episode.id}/notula.md`);
      expect(again.text).toBe(md);
      const twice = await api(other.url, '/api/transcripts', { method: 'POST', cookie, body: md, headers: { 'content-type': 'text/markdown' } });
      expect(twice.status).toBe(409);
      expect(twice.json.error.code).toBe('episode_exists');
      expect(importNotula(md, { newId: () => 'x' }).ok).toBe(true);
    } finally {
      await other.stop();
    }
  });
});
