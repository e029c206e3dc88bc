// A JSON document whose failed write takes its changes back (store/document.ts): memory is
// what is on disk, and every commit that waited for the failed write fails with it.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JsonDocument, WriteFailed } from '../../server/store/document.ts';
import { removeDir, tempDir } from '../support/server.ts';

interface Doc { items: string[] }
const empty = (): Doc => ({ items: [] });
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await removeDir(d);
});

async function fresh(): Promise<{ path: string; doc: JsonDocument<Doc> }> {
  const dir = await tempDir('kentongan-doc-');
  dirs.push(dir);
  const path = join(dir, 'doc.json');
  return { path, doc: new JsonDocument<Doc>(path, empty, { fsync: false }) };
}

/** A directory where the file is: the rename over it fails, even as root. */
async function block(path: string) {
  await rm(path, { force: true });
  await mkdir(join(path, 'x'), { recursive: true });
}

describe('a JSON document', () => {
  it('after a failed write, holds what is on disk and fails the commits that waited for it', async () => {
    const { path, doc } = await fresh();
    doc.data.items.push('one');
    await doc.commit();
    const kept = await readFile(path, 'utf8');
    await block(path);
    doc.data.items.push('two');
    const first = doc.commit();
    doc.data.items.push('three');
    const waiting = doc.commit();
    await expect(first).rejects.toBeInstanceOf(WriteFailed);
    await expect(waiting).rejects.toBeInstanceOf(WriteFailed);
    expect(doc.data.items).toEqual(['one']);
    expect(doc.snapshot()).toBe(kept);
    // Once the disk takes writes again, the next change is saved on top of that state.
    await rm(path, { recursive: true });
    doc.data.items.push('four');
    await doc.commit();
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ items: ['one', 'four'] });
  });

  it('goes back to what it adopted or read, and to empty before anything was written', async () => {
    const { path, doc } = await fresh();
    await block(path);
    doc.data.items.push('never saved');
    await expect(doc.commit()).rejects.toBeInstanceOf(WriteFailed);
    expect(doc.data).toEqual(empty());

    await rm(path, { recursive: true });
    await writeFile(path, JSON.stringify({ items: ['from disk'] }));
    const read = new JsonDocument<Doc>(path, empty, { fsync: false });
    expect(await read.read()).toEqual({ items: ['from disk'] });
    const adopted = new JsonDocument<Doc>(path, empty, { fsync: false });
    adopted.adopt({ items: ['adopted'] });
    await block(path);
    for (const d of [read, adopted]) {
      d.data.items.push('lost');
      await expect(d.commit()).rejects.toBeInstanceOf(WriteFailed);
    }
    expect(read.data.items).toEqual(['from disk']);
    expect(adopted.data.items).toEqual(['adopted']);
  });

  it('builds the restored state with its restore option (the episode replays journaled votes)', async () => {
    const { path } = await fresh();
    const doc = new JsonDocument<Doc>(path, empty, { fsync: false, restore: (d) => ({ items: [...d.items, 'replayed'] }) });
    await doc.commit();
    await block(path);
    doc.data.items.push('lost');
    await expect(doc.commit()).rejects.toBeInstanceOf(WriteFailed);
    expect(doc.data.items).toEqual(['replayed']);
  });
});
