import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EpisodeStore } from '../../server/store/episodes.ts';
import { editEpisode, endEpisode, startEpisode } from '../../server/domain/episode.ts';
import { addNote } from '../../server/domain/note.ts';
import { airQuestion, askQuestion, approveQuestion } from '../../server/domain/question.ts';
import { castVote } from '../../server/domain/vote.ts';
import type { Episode } from '../../server/contract/types.ts';
import { draftEpisode, episodeInput, host, listener, makeCtx, notulis, screener, unwrap } from '../domain/fixtures.ts';
import type { TestCtx } from '../domain/fixtures.ts';

let dir: string;
let lines: string[];
let ctx: TestCtx;
let codes = 0;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kentongan-store-'));
  lines = [];
  ctx = makeCtx();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open(): Promise<EpisodeStore> {
  return EpisodeStore.open({ dataDir: dir, log: (line) => lines.push(line) });
}

/** A fresh draft with its own id (the shared ctx keeps counting) and its own join code. */
function newEpisode(title = `Episode ${codes + 1}`): Episode {
  codes++;
  return draftEpisode(ctx, { title }, `CODE${String(codes).padStart(2, '2')}`);
}

/** A live episode with a question on air, votes and a note: something worth keeping. */
function busy(e: Episode): Episode {
  unwrap(startEpisode(e, host, ctx));
  ctx.tick();
  const qn = unwrap(askQuestion(e, listener('L-1'), { text: 'Kapan pipa diperbaiki? 😀', name: 'Bu Sri' }, ctx));
  unwrap(approveQuestion(e, screener, qn.id));
  unwrap(castVote(e, listener('L-2'), qn.id));
  unwrap(airQuestion(e, host, qn.id, ctx));
  unwrap(addNote(e, notulis, { questionId: qn.id, by: { kind: 'speakers', speakerIds: [e.speakers[0]!.id] }, text: 'Bulan depan.' }, ctx));
  return e;
}

const fileOf = (e: Episode) => join(dir, 'episodes', `${e.id}.json`);
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('EpisodeStore: create, commit, reopen', () => {
  it('keeps everything across a reopen', async () => {
    const store = await open();
    const a = newEpisode('Air Bersih');
    const b = newEpisode('Jalan Desa');
    await store.create(a);
    await store.create(b);
    busy(a);
    await store.commit(a.id);
    await store.flush();

    const again = await open();
    expect(again.get(a.id)).toEqual(a);
    expect(again.get(b.id)).toEqual(b);
    expect(again.byCode(a.code)).toEqual(a);
    expect(again.list().map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect(again.damaged()).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('create resolves only once the episode file and the index are on disk', async () => {
    const store = await open();
    const a = newEpisode();
    await store.create(a);
    expect(await readJson(fileOf(a))).toEqual(a);
    expect((await readJson(join(dir, 'index.json'))).episodes).toEqual([
      { id: a.id, code: a.code, title: a.title, status: 'draft', file: `episodes/${a.id}.json` },
    ]);
  });

  it('commit resolves once the current in-memory state is on disk, and keeps the index in step', async () => {
    const store = await open();
    const a = newEpisode();
    await store.create(a);
    busy(a);
    unwrap(editEpisode(a, host, episodeInput({ title: 'Judul Baru', speakers: a.speakers }), ctx));
    await store.commit(a.id);
    expect(await readJson(fileOf(a))).toEqual(a);
    expect((await readJson(join(dir, 'index.json'))).episodes[0]).toMatchObject({ title: 'Judul Baru', status: 'live' });
    unwrap(endEpisode(a, host, ctx));
    await store.commit(a.id);
    expect((await readJson(join(dir, 'index.json'))).episodes[0]).toMatchObject({ status: 'ended' });
    expect((await readJson(fileOf(a))).questions[0].status).toBe('answered');
  });

  it('many commits in a burst all resolve, with fewer writes than commits', async () => {
    const store = await open();
    const a = newEpisode();
    await store.create(a);
    unwrap(startEpisode(a, host, ctx));
    const before = store.writes();
    const pending: Array<Promise<void>> = [];
    const qn = unwrap(askQuestion(a, listener('L-0'), { text: 'Satu?' }, ctx));
    unwrap(approveQuestion(a, screener, qn.id));
    for (let i = 0; i < 40; i++) {
      unwrap(castVote(a, listener(`L-${i}`), qn.id));
      pending.push(store.commit(a.id));
    }
    await Promise.all(pending);
    expect(store.writes() - before).toBeLessThan(40);
    expect((await readJson(fileOf(a))).questions[0].voters).toHaveLength(40);
  });

  it('commit of an unknown episode is an error', async () => {
    const store = await open();
    await expect(store.commit('nope')).rejects.toThrow(/unknown episode/);
  });

  it('flush waits for writes still in progress (and does not hang)', async () => {
    const store = await open();
    const a = newEpisode();
    await store.create(a);
    unwrap(startEpisode(a, host, ctx));
    const committing = store.commit(a.id);
    // A hang fails by the test's own timeout: no race against a wall-clock 3 s on a loaded machine.
    await store.flush();
    await committing;
    expect((await readJson(fileOf(a))).status).toBe('live');
  });

  it('byCode finds an episode by its join code, typed in any case, with spaces or dashes', async () => {
    const store = await open();
    const a = draftEpisode(ctx, {}, 'KTG7QX');
    await store.create(a);
    expect(store.byCode('ktg7qx')?.id).toBe(a.id);
    expect(store.byCode(' ktg7-qx ')?.id).toBe(a.id);
    expect(store.byCode('ZZZZZZ')).toBeUndefined();
    expect(store.codeTaken('KTG7QX')).toBe(true);
    expect(store.codeTaken('ZZZZZZ')).toBe(false);
  });
});

describe('EpisodeStore: fresh', () => {
  it('is true for an empty folder, and false once an episode was saved', async () => {
    const store = await open();
    expect(store.fresh).toBe(true);
    await store.create(newEpisode());
    await store.flush();
    expect((await open()).fresh).toBe(false);
  });

  it('is false for a folder whose episodes were all deleted (the index remains)', async () => {
    const store = await open();
    const a = newEpisode();
    await store.create(a);
    await store.delete(a.id);
    expect((await open()).fresh).toBe(false);
  });

  it('is false when an episode file exists without an index, and that episode is served', async () => {
    // E.g. the first create() crashed after writing the episode but before the index.
    const a = newEpisode();
    await mkdir(join(dir, 'episodes'), { recursive: true });
    await writeFile(fileOf(a), JSON.stringify(a));
    const store = await open();
    expect(store.fresh).toBe(false);
    expect(store.get(a.id)).toEqual(a);
  });
});

describe('EpisodeStore: a damaged episode file', () => {
  const damages: Array<[string, (valid: Buffer) => Buffer]> = [
    ['garbage bytes', () => Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x7b, 0x22, 0xc3, 0x28, 0x0a, 0x01])],
    ['truncated JSON', (valid) => valid.subarray(0, Math.floor(valid.length / 2))],
    ['an empty file', () => Buffer.alloc(0)],
    ['valid JSON that is not an episode (object)', () => Buffer.from('{"hello":"world","questions":"no"}')],
    ['valid JSON that is not an episode (array)', () => Buffer.from('[1,2,3]')],
    ['valid JSON null', () => Buffer.from('null')],
  ];

  for (const [name, damage] of damages) {
    it(`${name}: open() still works, logs one line naming it, serves the others and never touches it`, async () => {
      const first = await open();
      const good = newEpisode('Baik');
      const bad = newEpisode('Rusak');
      await first.create(good);
      await first.create(bad);
      await first.flush();
      const bytes = damage(await readFile(fileOf(bad)));
      await writeFile(fileOf(bad), bytes);

      const store = await open();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(join('episodes', `${bad.id}.json`));
      expect(store.damaged()).toEqual([{ file: `episodes/${bad.id}.json`, reason: expect.any(String) }]);
      expect(store.get(good.id)).toEqual(good);
      expect(store.get(bad.id)).toBeUndefined();
      expect(store.list().map((e) => e.id)).toEqual([good.id]);
      // Its join code stays reserved: a new episode must not take it over.
      expect(store.codeTaken(bad.code)).toBe(true);

      // Further work on other episodes, then a clean shutdown.
      const live = store.get(good.id)!;
      busy(live);
      await store.commit(live.id);
      const other = newEpisode('Baru');
      await store.create(other);
      unwrap(startEpisode(other, host, ctx));
      await store.commit(other.id);
      await store.flush();
      expect(await readFile(fileOf(bad))).toEqual(bytes);

      // And again after a restart: still untouched, still reported once, the rest intact.
      lines = [];
      const third = await open();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`${bad.id}.json`);
      expect(third.get(good.id)).toEqual(live);
      expect(third.get(other.id)).toEqual(other);
      await third.flush();
      expect(await readFile(fileOf(bad))).toEqual(bytes);
    });
  }

  it('a missing episode file listed in the index is reported, not fatal', async () => {
    const first = await open();
    const good = newEpisode();
    const gone = newEpisode();
    await first.create(good);
    await first.create(gone);
    await rm(fileOf(gone));
    const store = await open();
    expect(store.get(good.id)).toEqual(good);
    expect(store.get(gone.id)).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${gone.id}.json`);
  });
});

describe('EpisodeStore: a damaged index.json', () => {
  const damages: Array<[string, Buffer]> = [
    ['garbage bytes', Buffer.from([0x00, 0xff, 0x13, 0x7b, 0x7b])],
    ['truncated JSON', Buffer.from('{"version":1,"episodes":[{"id":"id-3","code":')],
    ['valid JSON of the wrong shape', Buffer.from('{"version":1}')],
  ];

  for (const [name, bytes] of damages) {
    it(`${name}: keeps a copy, rebuilds from episodes/ and serves every episode`, async () => {
      const first = await open();
      const a = newEpisode('Satu');
      const b = newEpisode('Dua');
      await first.create(a);
      await first.create(b);
      busy(b);
      await first.commit(b.id);
      await first.flush();
      await writeFile(join(dir, 'index.json'), bytes);

      const store = await open();
      expect(store.fresh).toBe(false);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('index.json');
      const copies = (await readdir(dir)).filter((f) => f.startsWith('index.json.damaged-'));
      expect(copies).toHaveLength(1);
      expect(await readFile(join(dir, copies[0]!))).toEqual(bytes);
      expect(store.get(a.id)).toEqual(a);
      expect(store.get(b.id)).toEqual(b);
      expect(store.byCode(b.code)?.id).toBe(b.id);
      await store.flush();

      // The rebuilt index is on disk: the next start reads it without complaint.
      const index = await readJson(join(dir, 'index.json'));
      expect(index.version).toBe(1);
      expect(index.episodes.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
      expect(index.episodes.find((x: { id: string }) => x.id === b.id)).toMatchObject({ status: 'live', code: b.code, file: `episodes/${b.id}.json` });
      lines = [];
      const again = await open();
      expect(lines).toEqual([]);
      expect((await readdir(dir)).filter((f) => f.startsWith('index.json.damaged-'))).toHaveLength(1);
      expect(again.list()).toHaveLength(2);
    });
  }

  it('with a damaged episode as well: both reported, the good one served, the bad one untouched', async () => {
    const first = await open();
    const good = newEpisode();
    const bad = newEpisode();
    await first.create(good);
    await first.create(bad);
    await first.flush();
    await writeFile(join(dir, 'index.json'), 'not json');
    await writeFile(fileOf(bad), '{"truncated":');
    const store = await open();
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.includes('index.json'))).toBe(true);
    expect(lines.some((l) => l.includes(`${bad.id}.json`))).toBe(true);
    expect(store.list().map((e) => e.id)).toEqual([good.id]);
    await store.create(newEpisode());
    await store.flush();
    expect(await readFile(fileOf(bad), 'utf8')).toBe('{"truncated":');
  });

  it('ignores leftover temp files in episodes/ when rebuilding, and sweeps them', async () => {
    const first = await open();
    const a = newEpisode();
    await first.create(a);
    const tmp = join(dir, 'episodes', `.${a.id}.json.123.1.tmp`);
    await writeFile(tmp, '{"half');
    await writeFile(join(dir, 'index.json'), '');
    const store = await open();
    expect(store.list().map((e) => e.id)).toEqual([a.id]);
    expect(await exists(tmp)).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('berkas sementara');
  });
});

describe('EpisodeStore: delete', () => {
  it('removes the file and the index entry, for good', async () => {
    const store = await open();
    const keep = newEpisode();
    const gone = newEpisode();
    await store.create(keep);
    await store.create(gone);
    await store.delete(gone.id);
    expect(await exists(fileOf(gone))).toBe(false);
    expect(store.get(gone.id)).toBeUndefined();
    expect(store.byCode(gone.code)).toBeUndefined();
    expect(store.codeTaken(gone.code)).toBe(false);
    expect((await readJson(join(dir, 'index.json'))).episodes.map((x: { id: string }) => x.id)).toEqual([keep.id]);
    const again = await open();
    expect(again.list().map((e) => e.id)).toEqual([keep.id]);
    expect(lines).toEqual([]);
  });

  it('waits for a write in progress, then deletes (and does not hang)', async () => {
    const store = await open();
    const a = newEpisode();
    await store.create(a);
    unwrap(startEpisode(a, host, ctx));
    const committing = store.commit(a.id);
    await store.delete(a.id); // a hang fails by the test's own timeout
    await committing;
    await store.flush();
    expect(await exists(fileOf(a))).toBe(false);
    expect((await open()).get(a.id)).toBeUndefined();
  });

  it('deleting an unknown id is a no-op', async () => {
    const store = await open();
    const a = newEpisode();
    await store.create(a);
    await store.delete('nope');
    expect(store.get(a.id)).toEqual(a);
    expect(await exists(fileOf(a))).toBe(true);
  });
});

describe('EpisodeStore: ids and codes from stored data (issue 9, item 1)', () => {
  it('refuses to create an episode whose id is not one the server makes, writing nothing', async () => {
    const store = await open();
    for (const id of ['../staff', 'a/b', 'x'.repeat(41), 'a\0b', '..']) {
      const e = { ...newEpisode(), id };
      await expect(store.create(e)).rejects.toThrow(/not one the server makes/);
    }
    expect(await readdir(join(dir, 'episodes'))).toEqual([]);
    expect(await exists(join(dir, 'staff.json'))).toBe(false);
  });

  it('finds and reserves a code stored in lower case by an older import, case-insensitively', async () => {
    const first = await open();
    const e = { ...newEpisode(), code: 'sd7air' };
    await first.create(e);
    const store = await open();
    expect(store.byCode('SD7AIR')?.id).toBe(e.id);
    expect(store.codeTaken('SD7AIR')).toBe(true);
  });
});
