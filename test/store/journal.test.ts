// Votes go to an append-only journal beside the episode file; a full write folds them in.
// What was acknowledged survives a reopen, also across the crash windows of that scheme.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EpisodeStore } from '../../server/store/episodes.ts';
import { castVote, withdrawVote } from '../../server/domain/vote.ts';
import { airQuestion, mergeQuestion } from '../../server/domain/question.ts';
import { joinListener } from '../../server/domain/episode.ts';
import type { Episode } from '../../server/contract/types.ts';
import { host, listener, liveEpisode, makeCtx, screener, submitted, unwrap } from '../domain/fixtures.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kentongan-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () => EpisodeStore.open({ dataDir: dir, log: () => undefined });
/** What would show that the episode file was written again: its inode, mtime and bytes. */
async function episodeFile(id: string) {
  const path = join(dir, 'episodes', `${id}.json`);
  const s = await stat(path, { bigint: true });
  return { ino: s.ino, mtimeNs: s.mtimeNs, text: await readFile(path, 'utf8') };
}
const journals = async () => (await readdir(join(dir, 'episodes'))).filter((f) => f.endsWith('.votes')).sort();

/** The episode's state without the store's bookkeeping (which generation its file covers). */
const state = (x: Episode | undefined) => x && { ...x, journalGen: undefined };

async function vote(store: EpisodeStore, e: Episode, l: string, q: string, op: '+' | '-' = '+') {
  const r = op === '+' ? castVote(e, listener(l), q) : withdrawVote(e, listener(l), q);
  if (!r.ok) throw new Error(r.error.code);
  await store.journal(e.id, { vote: { op, questionId: q, listenerId: l } });
}

async function setup() {
  const ctx = makeCtx();
  const store = await open();
  const e = liveEpisode(ctx);
  const a = submitted(e, ctx, 'Jalan rusak');
  const b = submitted(e, ctx, 'Air bersih');
  await store.create(e);
  return { store, e, a, b, ctx };
}

describe('vote journal', () => {
  it('keeps acknowledged votes in the journal, without rewriting the episode file, and replays them on open', async () => {
    const { store, e, a, b } = await setup();
    const before = await episodeFile(e.id);
    for (let i = 0; i < 50; i++) await vote(store, e, `L${i}`, i % 2 ? a.id : b.id);
    await vote(store, e, 'L0', b.id, '-');
    const files = await journals();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${e.id}\\.\\d+\\.votes$`));
    // Every acknowledged vote is a journal line…
    const lines = (await readFile(join(dir, 'episodes', files[0]!), 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(51);
    // …and the episode file is exactly the one written at creation: same inode, mtime and bytes.
    expect(await episodeFile(e.id)).toEqual(before);
    // As after a SIGKILL: no flush, just open the folder again.
    const again = await open();
    expect(state(again.get(e.id))).toEqual(state(e));
    // Opening folded the journal into the episode file.
    expect(await journals()).toEqual([]);
    expect(state((await open()).get(e.id))).toEqual(state(e));
  });

  it('starts a new generation at every full write and deletes the ones it covers', async () => {
    const { store, e, a } = await setup();
    await vote(store, e, 'L1', a.id);
    e.title = 'Diubah';
    await store.commit(e.id);
    expect(await journals()).toEqual([]);
    const before = await journals();
    await vote(store, e, 'L2', a.id);
    const after = await journals();
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    await store.flush();
    expect(await journals()).toEqual([]);
    expect(state((await open()).get(e.id))).toEqual(state(e));
  });

  it('replays a generation the full write already holds without counting twice or reviving a merged question', async () => {
    const { store, e, a, b } = await setup();
    await vote(store, e, 'L1', a.id);
    await vote(store, e, 'L2', a.id);
    await vote(store, e, 'L2', a.id, '-');
    await vote(store, e, 'L3', b.id);
    // Keep the journal as it was, as if the process died after the full write but before deleting it.
    const stale = join(dir, 'episodes', (await journals())[0]!);
    await copyFile(stale, `${stale}.keep`);
    unwrap(mergeQuestion(e, screener, a.id, b.id));
    await store.commit(e.id);
    await vote(store, e, 'L4', b.id);
    await copyFile(`${stale}.keep`, stale);
    await rm(`${stale}.keep`);
    const again = (await open()).get(e.id)!;
    expect(state(again)).toEqual(state(e));
    expect(again.questions.find((q) => q.id === a.id)!.voters).toEqual([]);
    expect(again.questions.find((q) => q.id === b.id)!.voters.sort()).toEqual(['L1', 'L3', 'L4']);
  });

  it('journals a question asked, aired and voted on, and a join, without rewriting the episode file; a reopen has them all', async () => {
    const { store, e, ctx } = await setup();
    const before = await episodeFile(e.id);
    const q = submitted(e, ctx, 'Kapan lampu jalan dipasang?');
    await store.journal(e.id, { question: q });
    await vote(store, e, 'L1', q.id);
    unwrap(joinListener(e, 'L9'));
    await store.journal(e.id, { join: 'L9' });
    unwrap(airQuestion(e, host, q.id, ctx));
    await store.journal(e.id, { question: q });
    await vote(store, e, 'L2', q.id);
    expect(await episodeFile(e.id)).toEqual(before);
    // As after a SIGKILL.
    const again = (await open()).get(e.id)!;
    expect(state(again)).toEqual(state(e));
    expect(again.questions.find((x) => x.id === q.id)).toMatchObject({ status: 'on_air', voters: ['L1', 'L2'] });
    expect(again.listeners).toContain('L9');
  });

  it('a question line made before a full write never undoes what that write holds, even when it reaches the disk after it', async () => {
    const { store, e, a, b } = await setup();
    // A vote's journal write is under way; the question's line waits for the next one. A merge
    // is written in full meanwhile, so the line reaches the disk after that rotation.
    unwrap(castVote(e, listener('L1'), a.id));
    const first = store.journal(e.id, { vote: { op: '+', questionId: a.id, listenerId: 'L1' } });
    const line = store.journal(e.id, { question: a });
    unwrap(mergeQuestion(e, screener, a.id, b.id));
    const full = store.commit(e.id);
    // Not after the gap that follows the episode's first write: now, while the vote's write runs.
    store.hurry(e.id);
    await Promise.all([first, line, full]);
    await vote(store, e, 'L2', b.id);
    const again = (await open()).get(e.id)!;
    expect(again.questions.find((x) => x.id === a.id)).toMatchObject({ status: 'merged', voters: [] });
    expect(again.questions.find((x) => x.id === b.id)!.voters.sort()).toEqual(['L1', 'L2']);
    expect(state(again)).toEqual(state(e));
  });

  it('skips a torn last line (never acknowledged) and damaged lines, keeping the rest', async () => {
    const { store, e, a, b } = await setup();
    await vote(store, e, 'L1', a.id);
    const file = join(dir, 'episodes', (await journals())[0]!);
    await appendFile(file, 'rubbish\n{"op":"+","q":"' + b.id + '","l":"L2"}\n{"op":"+","q":"' + b.id);
    const again = (await open()).get(e.id)!;
    expect(again.questions.find((q) => q.id === a.id)!.voters).toEqual(['L1']);
    expect(again.questions.find((q) => q.id === b.id)!.voters).toEqual(['L2']);
  });

  it('leaves the journal of a damaged episode file alone', async () => {
    const { store, e, a } = await setup();
    await vote(store, e, 'L1', a.id);
    const kept = await journals();
    await writeFile(join(dir, 'episodes', `${e.id}.json`), '{"broken":');
    const again = await open();
    expect(again.get(e.id)).toBeUndefined();
    expect(again.damaged().map((d) => d.file)).toEqual([`episodes/${e.id}.json`]);
    expect(kept).toHaveLength(1);
    expect(await journals()).toEqual(kept);
  });

  it('deletes the journal with the episode', async () => {
    const { store, e, a } = await setup();
    await vote(store, e, 'L1', a.id);
    await store.delete(e.id);
    expect(await journals()).toEqual([]);
  });
});

describe('vote journal: a garbage line in the middle (issue 9, item 7)', () => {
  it('keeps a copy of the file and logs it, then replays the good lines; a torn last line alone is not reported', async () => {
    const { store, e, a, b } = await setup();
    await vote(store, e, 'L1', a.id);
    const name = (await journals())[0]!;
    const file = join(dir, 'episodes', name);
    await appendFile(file, 'rubbish\n{"op":"+","q":"' + b.id + '","l":"L2"}\n{"op":"+","q":"' + b.id);
    const { readFile } = await import('node:fs/promises');
    const before = await readFile(file, 'utf8');
    const lines: string[] = [];
    const again = await EpisodeStore.open({ dataDir: dir, log: (l) => lines.push(l) });
    const ep = again.get(e.id)!;
    expect(ep.questions.find((q) => q.id === b.id)!.voters).toEqual(['L2']);
    const copies = (await readdir(join(dir, 'episodes'))).filter((f) => f.startsWith(`${name}.damaged-`));
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dir, 'episodes', copies[0]!), 'utf8')).toBe(before);
    expect(lines.join('\n')).toContain(name);
    expect(lines.join('\n')).toContain('baris 2');
    expect(again.recovered().map((r) => r.file)).toEqual([`episodes/${name}`]);

    // Only a torn last line: normal after a crash, nothing kept or reported.
    await vote(again, ep, 'L3', a.id);
    const next = (await journals()).find((f) => !f.includes('.damaged-'))!;
    await appendFile(join(dir, 'episodes', next), '{"op":"+","q":"' + b.id);
    const quiet: string[] = [];
    const third = await EpisodeStore.open({ dataDir: dir, log: (l) => quiet.push(l) });
    expect(third.recovered()).toEqual([]);
    expect(quiet).toEqual([]);
  });
});
