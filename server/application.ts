import { createServer } from 'node:http';
import { error as logError } from './log.ts';
import { ConnectionCounter, DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, connectionCap, guardConnections, openFilesLimit } from './net/connections.ts';
import type { ConnectionOptions, FilesLimit } from './net/connections.ts';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { EpisodeStore } from './store/episodes.ts';
import { StaffStore } from './store/staff.ts';
import { StaffService } from './auth/staff-service.ts';
import type { FirstAdmin } from './auth/staff-service.ts';
import { HashQueue } from './auth/hash-queue.ts';
import { Passwords } from './auth/password.ts';
import { DEFAULT_SIGNIN_LIMITS, SignInThrottle } from './domain/signin-throttle.ts';
import type { SignInLimits } from './domain/signin-throttle.ts';
import { EpisodeService } from './app/episode-service.ts';
import { TranscriptArchive } from './app/transcripts.ts';
import { CorrectionService } from './app/correction-service.ts';
import { createRealtime, serveRealtime } from './realtime/server.ts';
import type { KServer } from './realtime/server.ts';
import { createHttpApp } from './http/app.ts';
import { seedSample } from './sample/seed.ts';
import type { Broadcaster } from './realtime/broadcaster.ts';
import { createAddressLimiter, createLimiter } from './realtime/rate-limit.ts';
import type { AddressLimits, RateLimits } from './realtime/rate-limit.ts';
import type { PendingCaps } from './domain/question.ts';
import { DistrictStore } from './store/district.ts';
import { ReaderStore } from './store/readers.ts';
import { ReaderService } from './app/reader-service.ts';
import { AspirationStore } from './store/aspirations.ts';
import { Recovery } from './store/recovery.ts';
import { AspirationService } from './app/aspiration-service.ts';
import { seedPlanningSample } from './sample/planning.ts';
import { AuditLog } from './store/audit.ts';
import { ErasureService } from './app/erasure-service.ts';
import { DEFAULT_CONTACT_RETENTION_DAYS } from './domain/erasure.ts';
import { networkInterfaces } from 'node:os';
import { resolvePublicAddress } from './net/public-address.ts';
import type { Interfaces } from './net/public-address.ts';
import type { PublicAddress } from './contract/public-address.ts';
import { DEFAULT_STATION } from './contract/station.ts';
import type { Station } from './contract/station.ts';
import { ensureBackupKey } from './store/backup-key.ts';
import { BackupService } from './app/backup-service.ts';
import type { Backup } from './app/backup-service.ts';
import { AuditService } from './app/audit-service.ts';
import { AudienceSampler } from './app/audience-sampler.ts';
import type { AudienceSamplerOptions } from './app/audience-sampler.ts';
import { IntakeStore } from './store/intake.ts';
import { ModerationStore } from './store/moderation.ts';
import { ModerationService } from './app/moderation-service.ts';
import { BlockService } from './app/block-service.ts';
import { IntakeService } from './app/intake-service.ts';
import type { ReplySink } from './app/intake-service.ts';
import { Outbox } from './intake/outbox.ts';
import { replySender } from './intake/reply-senders.ts';

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
  /** Where every password hash waits its turn (HASH_CONCURRENCY, HASH_QUEUE); default: one at a time, 8 waiting. */
  hashQueue?: HashQueue;
  /** Failed sign-ins allowed per address and per username, and the locks after them (domain/signin-throttle.ts). */
  signInLimits?: Partial<SignInLimits>;
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
  /** Who publishes the archive and the open data (STATION_NAME, DATA_LICENSE); defaults in contract/station.ts. */
  station?: Partial<Station>;
  /**
   * The machine's network interfaces, read when the server starts listening to pick the
   * join address when PUBLIC_URL is not set (default os.networkInterfaces; tests inject lists).
   */
  networkInterfaces?: () => Interfaces;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (TRUST_PROXY); default 0. */
  trustProxy?: number;
  /** CONTACT_RETENTION_DAYS: contacts on usulan older than this are removed (default 365). */
  contactRetentionDays?: number;
  /** How often the retention sweep runs after the one at start, in ms (default 6 hours; 0: only at start). */
  retentionSweepMs?: number;
  /** Connection caps and timeouts (net/connections.ts); no per-address cap unless given. */
  connections?: ConnectionOptions;
  /** The listener-count sampler of the staff analytics (app/audience-sampler.ts); tests inject its timers. */
  audience?: AudienceSamplerOptions;
  /**
   * Where the SMS/WhatsApp settings a scripted install gives come from (SMS_GATEWAY_SECRET,
   * SMS_GATEWAY_URL, WHATSAPP_…: domain/intake/settings.ts); main.ts passes process.env.
   */
  intakeEnv?: Record<string, string | undefined>;
  /** Messages per texting number per window (default 10 a minute). */
  intakePerNumber?: { points: number; seconds: number };
}

export interface Application {
  io: KServer;
  broadcaster: Broadcaster;
  store: EpisodeStore;
  staff: StaffService;
  episodes: EpisodeService;
  /** Aspirations and the district settings (data/aspirations.json, data/district.json). */
  aspirations: AspirationService;
  /** Erasure (UU PDP): listener data, contacts, the retention sweep, episode cascade. */
  erasure: ErasureService;
  /** The audit log of staff actions (data/audit.jsonl). */
  audit: AuditService;
  /** SMS and WhatsApp into the show (data/intake.json). */
  intake: IntakeService;
  /** The backup archive of this moment (what GET /api/backup sends; store/backup.ts). */
  backup(): Promise<Backup>;
  /** The one-time admin password when it was generated at this start. */
  firstAdmin: FirstAdmin | null;
  /** What main.ts prints about connections at start: the caps in force and the open-files limit. */
  connections: { total: number | null; perAddress: number | null; files: FilesLimit | null; open(): number };
  /** The address the join link and QR use (PUBLIC_URL, else a LAN address), known once listening. */
  publicAddress(): PublicAddress;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, flushes every pending write. */
  close(): Promise<void>;
}

/** Builds the whole server without listening, so tests run it on port 0. */
export async function createApplication(config: AppConfig): Promise<Application> {
  const log = config.log ?? logError;
  await mkdir(config.dataDir, { recursive: true });
  // One record of damaged files for every store: /api/health lists them all.
  const recovery = new Recovery(config.dataDir, log);
  const store = await EpisodeStore.open({ dataDir: config.dataDir, fsync: config.fsync, log, recovery });
  const staffStore = await StaffStore.open({ dataDir: config.dataDir, fsync: config.fsync });
  const clock = config.now ? () => config.now!().getTime() : () => Date.now();
  const staff = new StaffService({
    store: staffStore,
    passwords: new Passwords(config.hashQueue ?? new HashQueue(), config.passwordCost),
    throttle: new SignInThrottle({ ...DEFAULT_SIGNIN_LIMITS, ...config.signInLimits }, clock),
  });
  const firstAdmin = await staff.bootstrap(config.adminPassword, config.onFirstAdmin);
  const transcripts = new TranscriptArchive(config.transcriptsDir);
  for (const name of await transcripts.sweep()) log(`kentongan: berkas sementara dari penulisan yang gagal dihapus: ${config.transcriptsDir}/${name}`);

  const allowedOrigins = config.allowedOrigins ?? [];
  const net = { publicUrl: config.publicUrl ? new URL(config.publicUrl) : null, trustProxy: config.trustProxy ?? 0 };
  // The publisher exists before the services that publish through it (it sends nothing
  // until a socket joins), so no service holds one that may be null.
  const rt = createRealtime({ allowedOrigins, ...net, tickMs: config.tickMs });
  const { broadcaster } = rt;
  const moderation = new ModerationService(await ModerationStore.open({ dataDir: config.dataDir, fsync: config.fsync, recovery }), log);
  const lexicon = () => moderation.lexicon;
  const blocked = () => moderation.blocked;
  const episodes = new EpisodeService({ store, publish: (e, changes) => broadcaster.publish(e, changes), log, now: config.now, lexicon, blocked });
  const districtStore = await DistrictStore.open({ dataDir: config.dataDir, fsync: config.fsync, recovery });
  const aspirationStore = await AspirationStore.open({ dataDir: config.dataDir, fsync: config.fsync, recovery });
  const aspirations = new AspirationService({
    store: aspirationStore, district: districtStore, episodes, log, now: config.now, lexicon, blocked,
    publish: (changes) => broadcaster.publishAspirations(changes),
  });
  if (store.fresh && config.sample !== false) {
    await seedSample(store);
    await seedPlanningSample(districtStore, aspirationStore);
  }

  const readerStore = await ReaderStore.open({ dataDir: config.dataDir, fsync: config.fsync, recovery });
  const readers = new ReaderService({
    store: readerStore,
    secret: staffStore.data.listenerSecret, now: clock, log,
  });

  const intakeStore = await IntakeStore.open({ dataDir: config.dataDir, fsync: config.fsync, recovery });
  // Replies leave through the outbox, one at a time per gateway, asking the intake service
  // (which knows the settings and who sent BERHENTI) before each try.
  let intakeRef: IntakeService | null = null;
  const outbox = new Outbox({
    sender: (g) => replySender(g, intakeRef?.settings ?? {}, config.intakeEnv?.WHATSAPP_API_URL),
    mayReply: (to, id) => intakeRef?.mayReply(to, id) ?? false,
    ...(config.now ? { now: config.now } : {}), log,
  });
  const replies: ReplySink = {
    send: (g, to, text, meta) => {
      // A reply is a courtesy: whatever happens to it, the message itself is already taken.
      try {
        const queued = outbox.reply(g, to, text, meta);
        if (!queued.ok && queued.reason !== 'stopped') log(`kentongan: balasan ${g} tidak diantrekan: ${queued.reason}`);
      } catch (err) {
        log(`kentongan: balasan ${g} gagal diantrekan: ${(err as Error).message}`);
      }
    },
    health: (g) => outbox.health(g),
    pending: () => outbox.pending(),
  };
  const intake = new IntakeService({
    store: intakeStore, episodes, aspirations, secret: staffStore.data.listenerSecret, replies,
    env: config.intakeEnv, now: clock, log, pendingCaps: config.pendingCaps, perNumber: config.intakePerNumber,
  });
  intakeRef = intake;

  const auditLog = await AuditLog.open({ dataDir: config.dataDir, fsync: config.fsync, now: config.now, log });
  const audit = new AuditService(auditLog, log);
  const erasure = new ErasureService({
    episodes, aspirations, transcripts, audit, log,
    retentionDays: config.contactRetentionDays ?? DEFAULT_CONTACT_RETENTION_DAYS,
  });
  // Contacts past the retention period go before anyone can read them; then every few hours.
  await erasure.sweepContacts();
  const sweepMs = config.retentionSweepMs ?? 6 * 3_600_000;
  const sweeper = sweepMs > 0 ? setInterval(() => void erasure.sweepContacts(), sweepMs) : null;
  sweeper?.unref();

  const backups = new BackupService({
    dataDir: config.dataDir, transcriptsDir: config.transcriptsDir, key: await ensureBackupKey(config.dataDir), episodes: store, transcripts, audit, log, now: config.now,
    documents: [
      { name: 'staff.json', snapshot: () => staffStore.snapshot() },
      { name: 'district.json', snapshot: () => districtStore.snapshot() },
      { name: 'aspirations.json', snapshot: () => aspirationStore.snapshot() },
      { name: 'readers.json', snapshot: () => readerStore.snapshot() },
      { name: 'intake.json', snapshot: () => intakeStore.snapshot() },
      { name: 'moderation.json', snapshot: () => moderation.snapshot() },
      { name: 'audit.jsonl', snapshot: () => auditLog.snapshot() },
    ],
  });
  const backup = () => backups.snapshot();

  // One limiter for both doors, so a by-code guess over HTTP and a join by code over the socket share nothing but the clock.
  const addressLimit = createAddressLimiter(config.addressLimits, config.now ? () => config.now!().getTime() : Date.now);
  // Likewise one per-token limiter: a listener on the page without JavaScript pays into the same counts as a socket.
  const tokenLimit = createLimiter(config.rateLimits);
  const listenerSecret = staffStore.data.listenerSecret;
  // A station served over https (PUBLIC_URL) gets Secure cookies without a second setting.
  const secureCookies = (config.secureCookies ?? false) || net.publicUrl?.protocol === 'https:';
  // PUBLIC_URL is known now; a LAN address needs the port, so it is picked in listen().
  let address: PublicAddress = resolvePublicAddress({ configured: config.publicUrl ?? null, interfaces: {}, port: 0, host: '127.0.0.1' });
  const publicAddress = () => address;
  const app = createHttpApp({ episodes, aspirations, staff, transcripts, erasure, audit, secureCookies, log, allowedOrigins, webDir: config.webDir, broadcaster, debugMetrics: config.debugMetrics, addressLimit, tokenLimit, listenerSecret, pendingCaps: config.pendingCaps, publicAddress, backup: backups, readers, intake, moderation, blocks: new BlockService({ episodes, aspirations, moderation, now: config.now }), now: clock, station: { ...DEFAULT_STATION, ...config.station }, ...net });
  const files = openFilesLimit();
  const conn = config.connections ?? {};
  const headersTimeout = conn.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const counter = new ConnectionCounter(conn.perAddress ?? null, conn.total !== undefined ? conn.total : connectionCap(files));
  const httpServer = createServer({
    headersTimeout,
    requestTimeout: Math.max(headersTimeout, conn.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    // Node looks for overdue requests every 30 s by default, which adds up to 30 s to each timeout.
    connectionsCheckingInterval: Math.min(2_000, Math.max(50, Math.floor(headersTimeout / 4))),
  }, app);
  let lastRefusalLog = 0;
  guardConnections(httpServer, counter, net.trustProxy, (why) => {
    // One line a minute at most: a flood must not also flood the log.
    if (Date.now() - lastRefusalLog < 60_000) return;
    lastRefusalLog = Date.now();
    log(why === 'address'
      ? `kentongan: sambungan ditolak: lebih dari ${counter.perAddress} dari satu alamat`
      : `kentongan: sambungan ditolak: sudah ${counter.total} sambungan terbuka (sisa berkas untuk data)`);
  });
  // Counted from the realtime rooms, kept through the episode service (app/audience-sampler.ts).
  const sampler = new AudienceSampler({
    episodes, connected: (id) => broadcaster.connectedListeners(id), ...config.audience,
    timers: { now: clock, ...config.audience?.timers },
  });
  sampler.start();
  const corrections = new CorrectionService({ episodes, aspirations, transcripts, log });
  serveRealtime(httpServer, rt, { episodes, aspirations, staff, erasure, corrections, audit, listenerSecret, limit: tokenLimit, addressLimit, pendingCaps: config.pendingCaps, log, trustProxy: net.trustProxy });

  return {
    io: rt.io, broadcaster, store, staff, episodes, aspirations, erasure, audit, intake, firstAdmin, backup,
    connections: { total: counter.total, perAddress: counter.perAddress, files, open: () => counter.count },
    publicAddress,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        // A restart or the start of a show brings thousands of handshakes at once: a deeper
        // accept queue than Node's 511 (the kernel caps it at net.core.somaxconn) keeps
        // them from being reset while the server is busy.
        httpServer.listen({ port, host, backlog: 4096 }, () => {
          const actual = (httpServer.address() as AddressInfo).port;
          address = resolvePublicAddress({ configured: config.publicUrl ?? null, interfaces: (config.networkInterfaces ?? networkInterfaces)(), port: actual, host });
          resolve({ port: actual, url: `http://127.0.0.1:${actual}` });
        });
      });
    },
    async close() {
      if (sweeper) clearInterval(sweeper);
      await sampler.stop();
      broadcaster.flush();
      broadcaster.close();
      await new Promise<void>((resolve) => rt.io.close(() => resolve()));
      await store.flush();
      await staffStore.flush();
      await aspirations.flush();
      await readers.close();
      await outbox.close();
      await moderation.flush();
      await intakeStore.flush();
      await auditLog.close();
    },
  };
}
