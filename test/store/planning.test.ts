// data/district.json and data/aspirations.json: real files, reopened as after a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AspirationStore } from '../../server/store/aspirations.ts';
import { DistrictStore } from '../../server/store/district.ts';
import { defaultDistrict } from '../../server/domain/district.ts';
import { removeDir, tempDir } from '../support/server.ts';
import { testDistrict } from '../domain/planning-fixtures.ts';
import type { Aspiration } from '../../server/contract/types.ts';

const dirs: string[] = [];
async function dir() {
  const d = await tempDir('kentongan-planning-');
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await removeDir(d);
});

function aspiration(id: string): Aspiration {
  return {
    id, episodeId: 'ep', text: 'Jembatan', problem: 'Putus', dimension: 'living', kecamatan: '98.02.01', desa: '98.02.01.2001', rtRw: null,
    channel: 'web', submittedBy: 'L-1', questionId: null, contact: null, supporters: ['L-2'], status: 'baru', rejectReason: null,
    mergedInto: null, mergedFrom: [], notes: [], createdAt: '2024-05-04T12:00:00.000Z', updatedAt: '2024-05-04T12:00:00.000Z',
  };
}

describe('DistrictStore', () => {
  it('starts fresh with the national dimensions, writes the file at once, and keeps changes across a reopen', async () => {
    const d = await dir();
    const first = await DistrictStore.open({ dataDir: d, fsync: false });
    expect(first.fresh).toBe(true);
    expect(first.district).toEqual(defaultDistrict());
    expect(JSON.parse(await readFile(join(d, 'district.json'), 'utf8')).district.dimensions).toHaveLength(6);
    first.set(testDistrict());
    await first.commit();
    const second = await DistrictStore.open({ dataDir: d, fsync: false });
    expect(second.fresh).toBe(false);
    expect(second.district).toEqual(testDistrict());
  });
});

describe('AspirationStore', () => {
  it('keeps every committed aspiration across a reopen, in compact JSON', async () => {
    const d = await dir();
    const first = await AspirationStore.open({ dataDir: d, fsync: true });
    first.list.push(aspiration('a1'));
    const commits = [first.commit()];
    first.list.push(aspiration('a2'));
    first.list[0]!.supporters.push('L-3');
    commits.push(first.commit());
    await Promise.all(commits);
    expect(first.writes).toBeLessThanOrEqual(2);
    const text = await readFile(join(d, 'aspirations.json'), 'utf8');
    expect(text).not.toContain('\n');
    const second = await AspirationStore.open({ dataDir: d, fsync: false });
    expect(second.list.map((a) => [a.id, a.supporters])).toEqual([['a1', ['L-2', 'L-3']], ['a2', ['L-2']]]);
  });

  it('refuses to start on a damaged file rather than overwrite it', async () => {
    const d = await dir();
    await writeFile(join(d, 'aspirations.json'), '{"version":1,"aspirations":[{"id":');
    await expect(AspirationStore.open({ dataDir: d, fsync: false })).rejects.toThrow();
    expect(await readFile(join(d, 'aspirations.json'), 'utf8')).toBe('{"version":1,"aspirations":[{"id":');
  });
});
