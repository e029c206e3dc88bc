// Rewrites of one episode's notula in transcripts/ that overlap (two corrections a moment
// apart) must each succeed and leave one file with the latest state, never two files.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TranscriptArchive } from '../../server/app/transcripts.ts';
import { correctHeading } from '../../server/domain/correction.ts';
import type { Actor } from '../../server/contract/types.ts';
import { sampleEpisode } from '../domain/notula/fixtures.ts';
import { removeDir, tempDir } from '../support/server.ts';

const host: Actor = { kind: 'staff', staffId: 's', role: 'host', name: 'Host', username: 'host' };

describe('overlapping rewrites of one notula', () => {
  it('all succeed, one file, the last state', async () => {
    const dir = await tempDir();
    try {
      const archive = new TranscriptArchive(dir);
      const e = sampleEpisode();
      const writes: Promise<string>[] = [];
      for (let i = 1; i <= 20; i++) {
        const r = correctHeading(e, host, 'q1', `Judul ke-${i}`, { now: new Date(Date.parse('2024-08-11T00:00:00Z') + i * 1000).toISOString(), newId: () => 'x' });
        expect(r.ok).toBe(true);
        writes.push(archive.write(e));
      }
      const names = await Promise.all(writes);
      expect(new Set(names).size).toBe(1);
      expect((await readdir(dir)).filter((f) => !f.startsWith('.'))).toEqual([names[0]]);
      const md = await readFile(join(dir, names[0]!), 'utf8');
      expect(md).toContain('### Judul ke-20\n');
      expect(md).toContain('(20 koreksi)');
    } finally {
      await removeDir(dir);
    }
  });
});
