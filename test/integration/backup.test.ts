// The backup → wipe → restore round trip as a station runs it: the real `npm run backup`
// and `npm run restore` commands as child processes, against a real server in a vote storm.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ADMIN_PASSWORD, api, listener, must, signIn, staffSocket } from '../support/server.ts';
import type { Client } from '../support/server.ts';
import { spawnServer } from '../support/process.ts';
import { dataFolder, stopProcess } from '../support/integration.ts';
import { until } from '../support/until.ts';
import { createLiveEpisode, SHOW_EPISODE } from '../support/show.ts';
import { readTar, writeTar } from '../../server/store/tar.ts';

const LISTENERS = 80; // half vote steadily, half cast and withdraw until the backup is done
const QUESTIONS = 150;

/** Runs `npm run <script> -- …args` as an operator would, in this checkout. */
function npmRun(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return run('npm', ['run', '--silent', script, '--', ...args], env);
}

/**
 * The restore command itself, without npm in front (the round trip above goes through npm once):
 * the hostile archives need only what restore says and leaves, and npm's own start costs a second each.
 */
function restoreRun(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'server/deploy/restore.ts', ...args], env);
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true }).catch(() => [] as string[])).map(String).sort();
}

describe('backup while votes are acknowledged, then restore', () => {
  const folder = dataFolder('backup');

  it('restores the same episodes and every vote acknowledged before the backup began', async () => {
    const { root, env: dirs } = await folder();
    // A storm from 80 sockets on one machine: past the per-listener limit of a real listener.
    const env = { ...dirs, ADMIN_PASSWORD, TICK_MS: '50', LISTENER_RATE_LIMIT: '100000/1' };
    const first = await spawnServer(env);
    const port = new URL(first.url).port;
    const admin = await signIn(first.url);
    // One finished episode, so a notula is in transcripts/ too.
    const ended = await createLiveEpisode(first.url, admin, { ...SHOW_EPISODE, title: 'Jalan desa rusak' });
    expect((await api(first.url, `/api/episodes/${ended.id}/end`, { method: 'POST', cookie: admin })).status).toBe(200);
    const ep = await createLiveEpisode(first.url, admin, { ...SHOW_EPISODE, premoderation: false });
    const staff = await staffSocket(first.url, admin);
    const questions: string[] = [];
    for (let i = 0; i < QUESTIONS; i++) questions.push((await must(staff, 'question:submit', { episodeId: ep.id, text: `Pertanyaan ${i + 1}`, channel: 'sms' })).id);
    const people = await Promise.all(Array.from({ length: LISTENERS }, () => listener(first.url)));
    await Promise.all(people.map(({ socket }) => must(socket, 'episode:join', { episodeId: ep.id })));

    // Two kinds of listener: the steady ones vote once for each question (the votes checked
    // after the restore); the churners cast and withdraw on one question until told to stop,
    // so votes are still being acknowledged for as long as the backup command runs.
    const steady = people.slice(0, LISTENERS / 2);
    const churners = people.slice(LISTENERS / 2);
    const acked: Array<{ listenerId: string; questionId: string }> = [];
    let churnAcks = 0;
    let stopped = false;
    const emit = (socket: Client, event: string, questionId: string) =>
      (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean }> }).emitWithAck(event, { episodeId: ep.id, questionId });
    const storm = [
      ...steady.map(async ({ socket, token }) => {
        const listenerId = token.split('.')[0]!;
        for (const questionId of questions.slice(1)) {
          if (stopped) return;
          if ((await emit(socket, 'vote:cast', questionId)).ok) acked.push({ listenerId, questionId });
        }
      }),
      ...churners.map(async ({ socket }) => {
        while (!stopped) {
          if ((await emit(socket, 'vote:cast', questions[0]!)).ok) churnAcks++;
          if (stopped) return;
          if ((await emit(socket, 'vote:withdraw', questions[0]!)).ok) churnAcks++;
        }
      }),
    ];

    // The backup starts once the storm is under way; the votes acknowledged by then must all be in it.
    await until(() => acked.length >= 300 && churnAcks >= 100, 'the storm under way');
    const before = acked.slice();
    const churnAtStart = churnAcks;
    const backupDir = join(root, 'backups');
    const backup = await npmRun('backup', ['--out', backupDir], { ...dirs, PORT: port });
    const ackedWhileBackingUp = acked.length - before.length + churnAcks - churnAtStart;
    stopped = true;
    await Promise.all(storm);
    for (const p of people) p.socket.disconnect();
    staff.disconnect();
    // Votes kept being acknowledged during the whole backup command (the churners never paused).
    expect(churnAcks).toBeGreaterThan(churnAtStart);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    const [archiveName] = await readdir(backupDir);
    expect(archiveName).toMatch(/^kentongan-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar\.gz$/);
    const archive = join(backupDir, archiveName!);
    expect(backup.out).toContain(`Cadangan tersimpan: ${archive}`);
    const votesInBackup = Number(/(\d+) suara/.exec(backup.out)![1]);
    const episodesBefore = (await api(first.url, '/api/episodes', { cookie: admin })).json.episodes.map((e: { id: string }) => e.id).sort();
    const notulasBefore = await listing(dirs.TRANSCRIPTS_DIR);
    expect(notulasBefore.length).toBe(1);

    // Every file the server keeps in DATA_DIR is in the archive (a store added later must be
    // added to the backup too), except the key, vote journals (folded into the episodes) and temp files.
    const inArchive = readTar(gunzipSync(await readFile(archive))).map((f) => f.name).filter((n) => n.startsWith('data/')).map((n) => n.slice(5)).sort();
    const onDisk = (await listing(dirs.DATA_DIR)).filter((f) => f !== 'episodes' && f !== 'backup.key' && !f.endsWith('.votes') && !/(^|\/)\./.test(f));
    expect(inArchive).toEqual(expect.arrayContaining(onDisk));
    expect(onDisk.length).toBeGreaterThanOrEqual(5);
    await stopProcess(first.child);
    // The wipe: nothing of the old folders is left.
    await rm(dirs.DATA_DIR, { recursive: true });
    await rm(dirs.TRANSCRIPTS_DIR, { recursive: true });

    const restore = await npmRun('restore', [archive], { ...dirs, PORT: port });
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toContain(`${votesInBackup} suara`);
    expect(await listing(dirs.TRANSCRIPTS_DIR)).toEqual(notulasBefore);

    const second = await spawnServer(env);
    try {
      const health = await api(second.url, '/api/health');
      expect(health.json.recovered).toEqual([]);
      expect(health.json.damaged).toEqual([]);
      expect(second.output()).not.toMatch(/rusak|tidak tercatat/);
      const admin2 = await signIn(second.url);
      const episodesAfter = (await api(second.url, '/api/episodes', { cookie: admin2 })).json.episodes.map((e: { id: string }) => e.id).sort();
      expect(episodesAfter).toEqual(episodesBefore);
      const snap = await api(second.url, `/api/episodes/${ep.id}`, { cookie: admin2 });
      const counted = snap.json.questions.reduce((n: number, q: { votes: number }) => n + q.votes, 0);
      expect(counted).toBe(votesInBackup);
      expect(counted).toBeGreaterThanOrEqual(before.length);
      // Per listener: each comes back with its token and finds every vote acknowledged before the backup.
      const byListener = new Map<string, string[]>();
      for (const a of before) byListener.set(a.listenerId, [...(byListener.get(a.listenerId) ?? []), a.questionId]);
      let missing = 0;
      await Promise.all([...byListener].map(async ([listenerId, votedFor]) => {
        const token = people.find((p) => p.token.startsWith(`${listenerId}.`))!.token;
        const back = await listener(second.url, token);
        const s = await must(back.socket, 'episode:join', { episodeId: ep.id });
        back.socket.disconnect();
        const mine = new Set(s.audience === 'listener' ? s.myVotes : []);
        missing += votedFor.filter((q) => !mine.has(q)).length;
      }));
      expect(missing).toBe(0);
      const figures = {
        command: `npm run backup -- --out ${backupDir}; rm -r DATA_DIR TRANSCRIPTS_DIR; npm run restore -- ${archive}`,
        episodes: episodesAfter.length, votesAckedBeforeBackup: before.length, votesAckedWhileBackingUp: ackedWhileBackingUp, castWithdrawAcks: churnAcks, steadyVotesAckedInAll: acked.length,
        votesInBackup, votesAfterRestore: counted, missingAcknowledged: missing, notulas: notulasBefore.length,
        archiveBytes: (await stat(archive)).size, recovered: health.json.recovered.length, damaged: health.json.damaged.length,
      };
      console.log(`backup round trip: ${JSON.stringify(figures)}`);
      await mkdir('test-output', { recursive: true });
      await writeFile('test-output/backup-round-trip.json', JSON.stringify(figures, null, 2));
    } finally {
      await stopProcess(second.child);
    }

    // Into a folder that is not empty: refused in words, nothing touched, unless --force moves it aside.
    const full = { DATA_DIR: join(root, 'full'), TRANSCRIPTS_DIR: join(root, 'full-tr'), PORT: port };
    await mkdir(full.DATA_DIR);
    await writeFile(join(full.DATA_DIR, 'staff.json'), 'milik stasiun lain');
    const refused = await npmRun('restore', [archive], full);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('tidak kosong');
    expect(refused.err).toContain('--force');
    expect(await listing(full.DATA_DIR)).toEqual(['staff.json']);
    expect(await listing(full.TRANSCRIPTS_DIR)).toEqual([]);
    const forced = await npmRun('restore', [archive, '--force'], full);
    expect(forced.code).toBe(0);
    const aside = (await readdir(full.DATA_DIR)).find((f) => f.startsWith('sebelum-pulih-'))!;
    expect(await readFile(join(full.DATA_DIR, aside, 'staff.json'), 'utf8')).toBe('milik stasiun lain');
    expect(forced.out).toContain(aside);
  }, 180_000);

  it('refuses hostile archives before writing anything', async () => {
    const { root } = await folder();
    const manifest = { name: 'kentongan-backup.json', data: Buffer.from(JSON.stringify({ format: 'kentongan-backup', version: 1, createdAt: '2026-12-02T00:00:00.000Z', episodes: [], damaged: [], transcripts: 0 })) };
    const staff = { name: 'data/staff.json', data: Buffer.from('{}') };
    const hostile: Record<string, Buffer> = {
      traversal: gzipSync(writeTar([manifest, { name: 'data/../../escaped.json', data: Buffer.from('{}') }])),
      transcriptTraversal: gzipSync(writeTar([manifest, { name: 'transcripts/../../escaped.md', data: Buffer.from('x') }])),
      absolute: gzipSync(writeTar([manifest, { name: `${root}/escaped.json`, data: Buffer.from('{}') }])),
      proto: gzipSync(writeTar([manifest, { name: '__proto__', data: Buffer.from('{}') }])),
      unknownFile: gzipSync(writeTar([manifest, { name: 'data/backup.key', data: Buffer.from('x') }])),
      badShape: gzipSync(writeTar([manifest, staff, { name: 'data/index.json', data: Buffer.from('{"version":1,"episodes":[]}') }])),
    };
    // A symlink entry, made by the system's own tar: regular files only are accepted.
    const linkDir = join(root, 'link-src');
    await mkdir(join(linkDir, 'data'), { recursive: true });
    await writeFile(join(linkDir, 'kentongan-backup.json'), manifest.data);
    await symlink('/etc/passwd', join(linkDir, 'data', 'staff.json'));
    const tarred = await new Promise<number>((res) => spawn('tar', ['-czf', join(root, 'symlink.tar.gz'), '-C', linkDir, 'kentongan-backup.json', 'data/staff.json']).on('close', (c) => res(c ?? -1)));
    expect(tarred).toBe(0);
    hostile.symlink = await readFile(join(root, 'symlink.tar.gz'));
    const expected: Record<string, RegExp> = {
      traversal: /tidak diterima: "data\/\.\.\/\.\.\/escaped\.json"/, transcriptTraversal: /tidak diterima/, absolute: /tidak diterima/,
      proto: /tidak diterima: "__proto__"/, unknownFile: /tidak diterima: "data\/backup\.key"/, badShape: /staff\.json tidak bisa dimuat/,
      symlink: /jenis "2" tidak diterima/,
    };
    // Each archive into folders of its own, all at once: one restore's leftovers cannot hide in another's.
    await Promise.all(Object.entries(hostile).map(async ([name, gz]) => {
      const dirs = { DATA_DIR: join(root, `${name}-data`), TRANSCRIPTS_DIR: join(root, `${name}-tr`), PORT: '1' };
      const file = join(root, `${name}.tar.gz`);
      await writeFile(file, gz);
      const r = await restoreRun([file], dirs);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(expected[name]!);
      expect(await listing(dirs.DATA_DIR), name).toEqual([]);
      expect(await listing(dirs.TRANSCRIPTS_DIR), name).toEqual([]);
    }));
    expect(await listing(root).then((l) => l.filter((f) => f.includes('escaped')))).toEqual([]);
  }, 120_000);
});
