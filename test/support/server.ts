import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApplication } from '../../server/application.ts';
import type { AppConfig, Application } from '../../server/application.ts';
import type { AddressLimits } from '../../server/realtime/rate-limit.ts';

export { ADMIN_PASSWORD, api, call, listener, must, signIn, staffSocket, waitFor } from './client.ts';
export type { Client } from './client.ts';
import { ADMIN_PASSWORD } from './client.ts';

export interface TestServer {
  app: Application;
  url: string;
  dataDir: string;
  transcriptsDir: string;
  logs: string[];
  stop(): Promise<void>;
  /** Closes the app but keeps its folders, then starts a new one on them. */
  restart(): Promise<TestServer>;
}

export async function tempDir(prefix = 'kentongan-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Every test client comes from 127.0.0.1, so the per-address limits are turned far up
 * (finite, so their path still runs); a test of those limits passes its own
 * `addressLimits`, and the names it leaves out keep the production defaults.
 */
export const TEST_ADDRESS_LIMITS: AddressLimits = {
  newTokens: { points: 100_000, seconds: 60 }, joins: { points: 100_000, seconds: 60 }, asks: { points: 100_000, seconds: 60 },
  votes: { points: 100_000, seconds: 60 }, supports: { points: 100_000, seconds: 60 }, byCode: { points: 100_000, seconds: 60 },
  readerVotes: { points: 100_000, seconds: 60 },
};

/** A real server on an ephemeral port with real files in a temp folder. */
export async function startServer(config: Partial<AppConfig> = {}, dirs?: { dataDir: string; transcriptsDir: string }, port = 0): Promise<TestServer> {
  const root = dirs ? null : await tempDir();
  const dataDir = dirs?.dataDir ?? join(root!, 'data');
  const transcriptsDir = dirs?.transcriptsDir ?? join(root!, 'transcripts');
  const logs: string[] = [];
  const app = await createApplication({
    dataDir, transcriptsDir, webDir: resolve('dist/web'), adminPassword: ADMIN_PASSWORD,
    passwordCost: 2 ** 10, tickMs: 20, fsync: false, log: (l) => logs.push(l), addressLimits: TEST_ADDRESS_LIMITS,
    // The audience sampler's wall-clock ticks would write live episodes at random moments;
    // tests that want samples drive its timer by hand (test/integration/analytics.test.ts).
    audience: { timers: { every: () => () => {} } },
    ...config,
  });
  const { url, port: actual } = await app.listen(port, '127.0.0.1');
  const server: TestServer = {
    app, url, dataDir, transcriptsDir, logs,
    async stop() {
      await app.close();
    },
    async restart() {
      await app.close();
      // Same port, so clients reconnect by themselves as they would after a real restart.
      return startServer(config, { dataDir, transcriptsDir }, actual);
    },
  };
  return server;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

