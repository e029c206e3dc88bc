// The audit log file on its own: append-only lines that survive a reopen, a torn last line
// cut off, a damaged line in the middle kept in the file and reported, paging by seq.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditLog } from '../../server/store/audit.ts';
import { removeDir, tempDir } from '../support/server.ts';
import { testClock } from '../support/clock.ts';

const dirs: string[] = [];
afterEach(async () => { for (const d of dirs.splice(0)) await removeDir(d); });

const entry = (action: string) => ({ by: { kind: 'system' as const }, action });

describe('AuditLog', () => {
  it('appends lines that a reopen reads back, pages newest first, continues the sequence', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const clock = testClock('2026-12-01T00:00:00.000Z');
    const a = await AuditLog.open({ dataDir: dir, now: clock.now });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((x) => a.record(entry(x))));
    await a.close();
    const text = await readFile(join(dir, 'audit.jsonl'), 'utf8');
    expect(text.trim().split('\n').map((l) => JSON.parse(l).action)).toEqual(['a', 'b', 'c', 'd', 'e']);

    const b = await AuditLog.open({ dataDir: dir, now: clock.now });
    const first = b.page({ limit: 2 });
    expect(first.entries.map((e) => e.action)).toEqual(['e', 'd']);
    expect(b.page({ limit: 2, before: first.next! }).entries.map((e) => e.action)).toEqual(['c', 'b']);
    expect(b.page({ limit: 10, before: 2 })).toMatchObject({ entries: [{ action: 'a', seq: 1 }], next: null, total: 5 });
    await b.record(entry('f'));
    expect(b.page({ limit: 1 }).entries[0]).toMatchObject({ seq: 6, action: 'f', at: '2026-12-01T00:00:00.000Z' });
    await b.close();
  });

  it('cuts a torn last line, keeps and reports a damaged middle line', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const good = (seq: number) => JSON.stringify({ seq, at: '2026-12-01T00:00:00.000Z', by: { kind: 'system' }, action: `x${seq}` });
    await writeFile(join(dir, 'audit.jsonl'), `${good(1)}\nsampah\n${good(3)}\n{"seq":4,"at":"2026-12`);
    const logs: string[] = [];
    const a = await AuditLog.open({ dataDir: dir, log: (l) => logs.push(l) });
    expect(a.size).toBe(2);
    expect(a.skipped).toBe(1);
    expect(logs.join('\n')).toMatch(/baris 2 tidak terbaca/);
    await a.record(entry('y'));
    await a.close();
    const lines = (await readFile(join(dir, 'audit.jsonl'), 'utf8')).split('\n');
    expect(lines).toEqual([good(1), 'sampah', good(3), expect.stringContaining('"seq":4,'), '']);
    expect(JSON.parse(lines[3]!).action).toBe('y');
    const b = await AuditLog.open({ dataDir: dir });
    expect(b.page({ limit: 10 }).entries.map((e) => e.seq)).toEqual([4, 3, 1]);
    await b.close();
  });
});
