// Issue 9 item 4: with stdout and stderr on a full disk the server exited with code 1 the
// first time it could not print a line. A log write that fails must never end the process:
// here the real server process runs with its output on /dev/full (every write: ENOSPC) and
// on a pipe whose reading end is closed (EPIPE), and keeps serving and saving.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, openSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_PASSWORD, api, removeDir, signIn, tempDir } from '../support/server.ts';
import { killed, spawnServer, spawnServerOnFd } from '../support/process.ts';
import type { ChildProcess } from 'node:child_process';
import { SHOW_EPISODE } from '../support/show.ts';

/**
 * Creates, starts and ends an episode. TRANSCRIPTS_DIR is a plain file, so writing the
 * notula fails and the server logs "could not write transcript": a log line on demand.
 */
async function showWithLogLine(url: string, cookie: string, n: number): Promise<string> {
  const created = await api(url, '/api/episodes', { method: 'POST', cookie, body: { ...SHOW_EPISODE, number: n } });
  expect(created.status, created.text).toBe(201);
  const id = created.json.episode.id as string;
  expect((await api(url, `/api/episodes/${id}/start`, { method: 'POST', cookie })).status).toBe(200);
  const ended = await api(url, `/api/episodes/${id}/end`, { method: 'POST', cookie });
  expect(ended.status, ended.text).toBe(200);
  expect(ended.json.transcript).toBeNull();
  return id;
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  await killed(child);
  return child.exitCode;
}

async function savedOnDisk(dataDir: string, id: string): Promise<string> {
  return JSON.parse(await readFile(join(dataDir, 'episodes', `${id}.json`), 'utf8')).status;
}

describe('a failed log write', () => {
  const roots: string[] = [];
  afterAll(async () => {
    for (const r of roots) await removeDir(r);
  });

  async function folders() {
    const root = await tempDir('kentongan-log-');
    roots.push(root);
    await mkdir(join(root, 'data'));
    await writeFile(join(root, 'not-a-folder'), 'x');
    return { DATA_DIR: join(root, 'data'), TRANSCRIPTS_DIR: join(root, 'not-a-folder'), ADMIN_PASSWORD, FSYNC: '0' };
  }

  it.skipIf(!existsSync('/dev/full'))('on a full disk (/dev/full) does not stop the server: it starts, serves, saves, and stops with 0', async () => {
    const env = await folders();
    const full = openSync('/dev/full', 'w');
    let server;
    try {
      // Its start-up lines ("Akun admin pertama dibuat…", "siap di…") already fail to print.
      server = await spawnServerOnFd(env, full);
    } finally {
      closeSync(full);
    }
    const admin = await signIn(server.url);
    const first = await showWithLogLine(server.url, admin, 1);
    const second = await showWithLogLine(server.url, admin, 2);
    expect(server.child.exitCode).toBeNull();
    expect((await api(server.url, '/api/health')).json.ok).toBe(true);
    expect(await savedOnDisk(env.DATA_DIR, first)).toBe('ended');
    expect(await savedOnDisk(env.DATA_DIR, second)).toBe('ended');
    server.child.kill('SIGTERM');
    expect(await exitCode(server.child)).toBe(0);
  });

  it('on a pipe nobody reads any more (EPIPE) does not stop the server either', async () => {
    const env = await folders();
    const server = await spawnServer(env);
    server.child.stdout!.destroy();
    server.child.stderr!.destroy();
    const admin = await signIn(server.url);
    const first = await showWithLogLine(server.url, admin, 1);
    const second = await showWithLogLine(server.url, admin, 2);
    expect(server.child.exitCode).toBeNull();
    expect(await savedOnDisk(env.DATA_DIR, first)).toBe('ended');
    expect(await savedOnDisk(env.DATA_DIR, second)).toBe('ended');
    // The shutdown line goes to the closed pipe too.
    server.child.kill('SIGTERM');
    expect(await exitCode(server.child)).toBe(0);
  });
});
