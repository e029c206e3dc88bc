// The archive format on its own: what the system's tar makes of ours, and what our reader refuses.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { readTar, writeTar } from '../../server/store/tar.ts';
import { ArchiveError, buildArchive, checkArchive } from '../../server/store/backup.ts';

const longName = `transcripts/2026-11-14_suara-desa-obrolan-warga-dan-pemerintah_eps-07_air-bersih-untuk-desa-desa-di-lereng-gunung-${'x'.repeat(40)}.md`;

describe('backup archive', () => {
  it('round-trips names over 100 bytes (PAX), and the system tar lists the same names', async () => {
    const files = [{ name: 'a.txt', data: Buffer.from('satu') }, { name: longName, data: Buffer.from('é'.repeat(600)) }, { name: 'kosong', data: Buffer.alloc(0) }];
    const tar = writeTar(files);
    expect(readTar(tar).map((f) => [f.name, f.data.toString()])).toEqual(files.map((f) => [f.name, f.data.toString()]));
    const dir = await mkdtemp(join(tmpdir(), 'kentongan-tar-'));
    try {
      await writeFile(join(dir, 'a.tar.gz'), gzipSync(tar));
      expect(execFileSync('tar', ['-tzf', join(dir, 'a.tar.gz')], { encoding: 'utf8' }).trim().split('\n')).toEqual(files.map((f) => f.name));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad checksum, a truncated archive and an archive larger than the limit once unpacked', () => {
    const tar = writeTar([{ name: 'a.txt', data: Buffer.from('satu') }]);
    const bad = Buffer.from(tar);
    bad[0] = 0x62;
    expect(() => readTar(bad)).toThrow(/checksum/);
    expect(() => readTar(tar.subarray(0, 600))).toThrow(/terpotong/);
    const bomb = gzipSync(writeTar([{ name: 'data/audit.jsonl', data: Buffer.alloc(5_000_000) }]));
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => checkArchive(bomb, 1_000_000)).toThrow(/terlalu besar/);
    expect(() => checkArchive(Buffer.from('bukan gzip'))).toThrow(ArchiveError);
  });

  it('builds what checkArchive accepts, with the votes counted in the manifest', async () => {
    const episode = {
      id: 'ep1', code: 'ABC234', title: 'Judul', status: 'live', questions: [{ voters: ['l1', 'l2'] }, { voters: ['l3'] }],
    };
    const { archive, manifest } = await buildArchive({
      createdAt: new Date('2026-12-02T22:00:00Z'),
      data: [{ name: 'episodes/ep1.json', text: JSON.stringify(episode) }, { name: 'audit.jsonl', text: '' }],
      damaged: [], transcripts: [{ name: 'catatan.md', data: Buffer.from('# notula') }],
    });
    expect(manifest.episodes).toEqual([{ id: 'ep1', code: 'ABC234', title: 'Judul', status: 'live', votes: 3 }]);
    // staff.json and index.json are required; the episode's shape is checked too.
    expect(() => checkArchive(archive)).toThrow(/tidak lengkap/);
  });
});
