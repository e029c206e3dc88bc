// Fixtures the integration tests share, so a test file states only its story: which server it
// needs, not how to start, sign in and tear down. Each registers its own beforeAll/afterAll in
// the describe block that calls it.
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { api, listener, must, removeDir, signIn, startServer, tempDir } from './server.ts';
import type { Client, TestServer } from './server.ts';
import { crew } from './show.ts';
import type { Crew } from './show.ts';
import type { AppConfig } from '../../server/application.ts';
import type { Delta } from '../../server/contract/events.ts';

/** A studio: an in-process server (no sample episodes unless asked) with its signed-in crew. */
export interface Studio extends Crew {
  readonly server: TestServer;
  readonly url: string;
  /** Restarts the server on the same folders and port (the crew's sockets are left as they are). */
  restart(): Promise<void>;
}

/** Starts a server and its crew before the describe block's tests, and stops both after. */
export function studioServer(config: Partial<AppConfig> = {}): Studio {
  let server: TestServer | undefined;
  let people: Crew | undefined;
  beforeAll(async () => {
    server = await startServer({ sample: false, ...config });
    people = await crew(server.url);
  });
  afterAll(async () => {
    disconnectCrew(people);
    await server?.stop();
  });
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the studio is used before its beforeAll ran');
    return v;
  };
  return {
    get server() { return ready(server); },
    get url() { return ready(server).url; },
    get admin() { return ready(people).admin; },
    get host() { return ready(people).host; },
    get screener() { return ready(people).screener; },
    get notulis() { return ready(people).notulis; },
    get hostCookie() { return ready(people).hostCookie; },
    get screenerCookie() { return ready(people).screenerCookie; },
    get notulisCookie() { return ready(people).notulisCookie; },
    async restart() { server = await ready(server).restart(); },
  };
}

export function disconnectCrew(people: Crew | undefined): void {
  for (const s of [people?.host, people?.screener, people?.notulis]) s?.disconnect();
}

export function disconnectAll(sockets: Iterable<Client | undefined>): void {
  for (const s of sockets) s?.disconnect();
}

/** The environment a server process reads its folders from. */
export interface FolderEnv { DATA_DIR: string; TRANSCRIPTS_DIR: string }

/**
 * A fresh temp folder for a server process (data and transcripts inside it), removed after the
 * describe block. Call the returned function inside the test.
 */
export function dataFolder(prefix: string): () => Promise<{ root: string; env: FolderEnv }> {
  const roots: string[] = [];
  afterAll(async () => {
    for (const root of roots) await removeDir(root);
  });
  return async () => {
    const root = await tempDir(`kentongan-${prefix}-`);
    roots.push(root);
    return { root, env: { DATA_DIR: join(root, 'data'), TRANSCRIPTS_DIR: join(root, 'transcripts') } };
  };
}

/** Sends the signal and resolves once the process has exited. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * Just a server (the sample episodes unless the config says otherwise), started before the
 * describe block's tests and stopped after: for tests that sign in or connect on their own.
 */
export function runningServer(config: Partial<AppConfig> = {}): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(config);
  });
  afterAll(async () => server?.stop());
  const ready = (): TestServer => {
    if (!server) throw new Error('the server is used before its beforeAll ran');
    return server;
  };
  const shared: TestServer = {
    get app() { return ready().app; },
    get url() { return ready().url; },
    get dataDir() { return ready().dataDir; },
    get transcriptsDir() { return ready().transcriptsDir; },
    get logs() { return ready().logs; },
    stop: () => ready().stop(),
    /** Restarts on the same folders; this object then stands for the new server. */
    async restart() {
      server = await ready().restart();
      return shared;
    },
  };
  return shared;
}

/** What a storm test reads: every delta a joined listener and the studio's host receive from now on. */
export interface DeltaWatch {
  watcher: Client;
  seen: Delta[];
  hostSeen: Delta[];
}

/** Joins one more listener to the episode and records its deltas and the host's. */
export async function watchDeltas(studio: Studio, episodeId: string): Promise<DeltaWatch> {
  const watcher = (await listener(studio.url)).socket;
  await must(watcher, 'episode:join', { episodeId });
  const seen: Delta[] = [];
  const hostSeen: Delta[] = [];
  watcher.on('episode:delta', (d) => seen.push(d));
  studio.host.on('episode:delta', (d) => hostSeen.push(d));
  return { watcher, seen, hostSeen };
}

/** Imports an archived notula into a fresh server and checks it exports the same bytes again. */
export async function expectReimportsByteForByte(markdown: string, episodeId: string): Promise<void> {
  const elsewhere = await startServer({ sample: false });
  try {
    const cookie = await signIn(elsewhere.url);
    const imported = await api(elsewhere.url, '/api/transcripts', { method: 'POST', cookie, body: markdown, headers: { 'content-type': 'text/markdown' } });
    expect(imported.status, imported.text).toBe(201);
    expect((await api(elsewhere.url, `/api/episodes/${episodeId}/notula.md`)).text).toBe(markdown);
  } finally {
    await elsewhere.stop();
  }
}
