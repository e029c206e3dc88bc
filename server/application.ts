import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EpisodeStore } from './store/episodes.ts';
import { StaffStore } from './store/staff.ts';
import { StaffService } from './auth/staff-service.ts';
import type { FirstAdmin } from './auth/staff-service.ts';
import { EpisodeService } from './app/episode-service.ts';
import { TranscriptArchive } from './app/transcripts.ts';
import { createRealtime } from './realtime/server.ts';
import type { KServer } from './realtime/server.ts';
import { createHttpApp } from './http/app.ts';
import { seedSample } from './sample/seed.ts';
import type { Broadcaster } from './realtime/broadcaster.ts';
import { createAddressLimiter } from './realtime/rate-limit.ts';
import type { AddressLimits, RateLimits } from './realtime/rate-limit.ts';
import type { PendingCaps } from './domain/question.ts';
import { DistrictStore } from './store/district.ts';
import { AspirationStore } from './store/aspirations.ts';
import { AspirationService } from './app/aspiration-service.ts';
import { seedPlanningSample } from './sample/planning.ts';

export interface AppConfig {
  dataDir: string;
  transcriptsDir: string;
  webDir: string;
  adminPassword?: string;
  /** Told of the first admin account before it is saved (main.ts prints it). */
  onFirstAdmin?: (admin: FirstAdmin) => void;
  allowedOrigins?: string[];
  /** fsync each write (default true); the SIGKILL test keeps it on. */
  fsync?: boolean;
  /** Delta coalescing tick in ms. */
  tickMs?: number;
  /** Seed the sample episodes into an empty data folder (default true). */
  sample?: boolean;
  secureCookies?: boolean;
  /** scrypt cost; tests lower it to keep sign-in fast. */
  passwordCost?: number;
  /** The clock; tests pass a controllable one so exported notulas are repeatable. */
  now?: () => Date;
  log?: (line: string) => void;
  /** Socket events allowed per listener token and per staff member (defaults in realtime/rate-limit.ts). */
  rateLimits?: RateLimits;
  /**
   * Per client address: new listener tokens, joins, asks, votes, supports and by-code
   * look-ups (defaults and names in realtime/rate-limit.ts); a name set to null is off.
   * Windows follow `now` when given.
   */
  addressLimits?: Partial<AddressLimits>;
  /** Caps on listeners' questions waiting for a screener (defaults in domain/question.ts). */
  pendingCaps?: PendingCaps;
  /** Mounts /api/debug/metrics (loopback only) for the benchmark. */
  debugMetrics?: boolean;
  /** The station's public address (PUBLIC_URL), e.g. https://radio.example.id; null: same-origin only. */
  publicUrl?: string;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (TRUST_PROXY); default 0. */
  trustProxy?: number;
}

export interface Application {
  io: KServer;
  broadcaster: Broadcaster;
  store: EpisodeStore;
  staff: StaffService;
  episodes: EpisodeService;
  /** Aspirations and the district settings (data/aspirations.json, data/district.json). */
  aspirations: AspirationService;
  /** The one-time admin password when it was generated at this start. */
  firstAdmin: FirstAdmin | null;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, flushes every pending write. */
  close(): Promise<void>;
}

/** Builds the whole server without listening, so tests run it on port 0. */
export async function createApplication(config: AppConfig): Promise<Application> {
  const log = config.log ?? ((line: string) => console.error(line));
  const store = await EpisodeStore.open({ dataDir: config.dataDir, fsync: config.fsync, log });
  const staffStore = await StaffStore.open({ dataDir: config.dataDir, fsync: config.fsync });
  const staff = new StaffService(staffStore, config.passwordCost);
  const firstAdmin = await staff.bootstrap(config.adminPassword, config.onFirstAdmin);
  const transcripts = new TranscriptArchive(config.transcriptsDir);

  let broadcaster: Broadcaster | null = null;
  const episodes = new EpisodeService({ store, publish: (e, changes) => broadcaster?.publish(e, changes), log, now: config.now });
  const districtStore = await DistrictStore.open({ dataDir: config.dataDir, fsync: config.fsync });
  const aspirationStore = await AspirationStore.open({ dataDir: config.dataDir, fsync: config.fsync });
  const aspirations = new AspirationService({
    store: aspirationStore, district: districtStore, episodes, log, now: config.now,
    publish: (changes) => broadcaster?.publishAspirations(changes),
  });
  if (store.fresh && config.sample !== false) {
    await seedSample(store);
    await seedPlanningSample(districtStore, aspirationStore);
  }

  const allowedOrigins = config.allowedOrigins ?? [];
  const net = { publicUrl: config.publicUrl ? new URL(config.publicUrl) : null, trustProxy: config.trustProxy ?? 0 };
  // One limiter for both doors, so a by-code guess over HTTP and a join by code over the socket share nothing but the clock.
  const addressLimit = createAddressLimiter(config.addressLimits, config.now ? () => config.now!().getTime() : Date.now);
  const app = createHttpApp({ episodes, aspirations, staff, transcripts, secureCookies: config.secureCookies ?? false, log, allowedOrigins, webDir: config.webDir, broadcaster: () => broadcaster, debugMetrics: config.debugMetrics, addressLimit, ...net });
  const httpServer = createServer(app);
  const rt = createRealtime(httpServer, { episodes, aspirations, staff, listenerSecret: staffStore.data.listenerSecret, allowedOrigins, tickMs: config.tickMs, rateLimits: config.rateLimits, addressLimit, pendingCaps: config.pendingCaps, log, ...net });
  broadcaster = rt.broadcaster;

  return {
    io: rt.io, broadcaster: rt.broadcaster, store, staff, episodes, aspirations, firstAdmin,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        // A restart or the start of a show brings thousands of handshakes at once: a deeper
        // accept queue than Node's 511 (the kernel caps it at net.core.somaxconn) keeps
        // them from being reset while the server is busy.
        httpServer.listen({ port, host, backlog: 4096 }, () => {
          const actual = (httpServer.address() as AddressInfo).port;
          resolve({ port: actual, url: `http://127.0.0.1:${actual}` });
        });
      });
    },
    async close() {
      rt.broadcaster.flush();
      rt.broadcaster.close();
      await new Promise<void>((resolve) => rt.io.close(() => resolve()));
      await store.flush();
      await staffStore.flush();
      await aspirations.flush();
    },
  };
}
