import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableJSONFile } from '../../server/store/durable-file.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('DurableJSONFile', () => {
  it('writes a large document in slices without breaking characters that span a slice edge', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kentongan-durable-'));
    const file = new DurableJSONFile<{ t: string; u: string[] }>(join(dir, 'e.json'));
    // '{"t":"a' puts every emoji's high surrogate at an odd offset, so the 256 KB
    // slice edges (even offsets) fall inside a pair.
    const data = { t: `a${'😀'.repeat(400_000)}`, u: Array.from({ length: 5_000 }, (_, i) => `Bu Lis – ${i} 🎙️ "kutip" \\ garis`) };
    await file.write(data);
    const bytes = await readFile(join(dir, 'e.json'));
    expect(bytes.equals(Buffer.from(JSON.stringify(data), 'utf8'))).toBe(true);
    expect(await file.read()).toEqual(data);
    expect(bytes.includes(Buffer.from('\ufffd', 'utf8'))).toBe(false);
    // Only the file itself: the temporary file was renamed over it.
    expect(await readdir(dir)).toEqual(['e.json']);
  });
});
