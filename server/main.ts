// The only place that reads the environment, listens, and flushes on SIGTERM.
import { resolve } from 'node:path';
import { createApplication } from './application.ts';
import { DataFileError } from './store/recovery.ts';
import { DEFAULT_CONTACT_RETENTION_DAYS, parseRetentionDays } from './domain/erasure.ts';
import { HashQueue } from './auth/hash-queue.ts';
import { DEFAULT_SIGNIN_LIMITS } from './domain/signin-throttle.ts';
import type { LockRule } from './domain/signin-throttle.ts';
import * as log from './log.ts';
import { DEFAULT_RATE_LIMITS, addressLimitsFromEnv } from './realtime/rate-limit.ts';
import { DEFAULT_PENDING_CAPS } from './domain/question.ts';
import type { RateLimit } from './realtime/rate-limit.ts';
import { DEFAULT_PER_ADDRESS, LOW_FILES_LIMIT } from './net/connections.ts';
import { parsePublicUrl } from './net/public-address.ts';
import { LICENSES } from './contract/station.ts';
import type { Station } from './contract/station.ts';
import { requiredLine } from './contract/lines.ts';

// Before anything prints: a full disk or a closed pipe under stdout must not end the process.
log.guardStdio();

const env = process.env;

/** "60/10" → 60 events per 10 seconds. */
function rate(raw: string | undefined, fallback: RateLimit): RateLimit {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw ?? '');
  return m && Number(m[1]) > 0 && Number(m[2]) > 0 ? { points: Number(m[1]), seconds: Number(m[2]) } : fallback;
}

/** STATION_NAME (one line, ≤ 80 characters) and DATA_LICENSE (one of the known SPDX ids); a bad one stops the start. */
function station(name: string | undefined, license: string | undefined): Partial<Station> {
  const out: Partial<Station> = {};
  if (name !== undefined && name.trim() !== '') {
    const line = requiredLine(name, 80, 'STATION_NAME');
    if (!line.ok) {
      log.error(`STATION_NAME tidak valid: ${line.error.message}`);
      process.exit(1);
    }
    out.name = line.text;
  }
  if (license !== undefined && license.trim() !== '') {
    if (!Object.hasOwn(LICENSES, license.trim())) {
      log.error(`DATA_LICENSE tidak dikenal: "${license}". Pilih salah satu: ${Object.keys(LICENSES).join(', ')}.`);
      process.exit(1);
    }
    out.license = license.trim();
  }
  return out;
}

/** PUBLIC_URL must be an http(s) origin (no path); anything else stops the start with a sentence. */
function publicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const parsed = parsePublicUrl(raw);
  if (parsed.ok) return parsed.url;
  log.error(`PUBLIC_URL tidak valid: "${raw}": ${parsed.reason}. Tulis alamat stasiun, misalnya https://radio.example.id`);
  process.exit(1);
}
/** "10/60/3600" → 10 failures free, then a 60 s lock doubling up to 3600 s; anything else stops the start. */
function lockRule(name: string, fallback: LockRule): LockRule {
  const raw = env[name];
  if (!raw) return fallback;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (m && Number(m[1]) > 0 && Number(m[2]) > 0 && Number(m[3]) >= Number(m[2])) {
    return { ...fallback, free: Number(m[1]), lockSeconds: Number(m[2]), maxLockSeconds: Number(m[3]) };
  }
  log.error(`${name} tidak valid: "${raw}". Tulis gagal/detik/detik, misalnya ${fallback.free}/${fallback.lockSeconds}/${fallback.maxLockSeconds}: boleh gagal ${fallback.free} kali, lalu dikunci ${fallback.lockSeconds} detik, dua kali lipat tiap gagal lagi, paling lama ${fallback.maxLockSeconds} detik.`);
  process.exit(1);
}
function count(name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  if (/^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max) return Number(raw);
  log.error(`${name} tidak valid: "${raw}". Tulis bilangan bulat ${min}–${max}.`);
  process.exit(1);
}
const signInLimits = {
  address: lockRule('SIGNIN_ADDRESS_LIMIT', DEFAULT_SIGNIN_LIMITS.address),
  username: lockRule('SIGNIN_USERNAME_LIMIT', DEFAULT_SIGNIN_LIMITS.username),
};
const hashQueue = new HashQueue({ concurrency: count('HASH_CONCURRENCY', 1, 1, 2), maxWaiting: count('HASH_QUEUE', 8, 0, 1000) });

if (env.TRUST_PROXY && !/^\d{1,2}$/.test(env.TRUST_PROXY)) {
  log.error(`TRUST_PROXY tidak valid: "${env.TRUST_PROXY}". Tulis jumlah proxy di depan server (0, 1, 2…).`);
  process.exit(1);
}

const retentionDays = env.CONTACT_RETENTION_DAYS ? parseRetentionDays(env.CONTACT_RETENTION_DAYS) : DEFAULT_CONTACT_RETENTION_DAYS;
if (retentionDays === null) {
  log.error(`CONTACT_RETENTION_DAYS tidak valid: "${env.CONTACT_RETENTION_DAYS}". Tulis jumlah hari, 1 sampai 36500 (bawaan ${DEFAULT_CONTACT_RETENTION_DAYS}).`);
  process.exit(1);
}

/** A count from the environment: unset → fallback, "0" → no cap (null). */
function capCount(name: string, fallback: number | null | undefined): number | null | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    log.error(`${name} tidak valid: "${raw}". Tulis bilangan bulat (0 = tanpa batas).`);
    process.exit(1);
  }
  return Number(raw) === 0 ? null : Number(raw);
}

const addressLimits = addressLimitsFromEnv(env);
if (!addressLimits.ok) {
  console.error(addressLimits.error);
  process.exit(1);
}

/** A whole number ≥ 1 for a cap, or its default when unset. */
function cap(name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (/^\d{1,7}$/.test(raw) && Number(raw) >= 1) return Number(raw);
  console.error(`${name} tidak valid: "${raw}". Tulis bilangan bulat 1 atau lebih.`);
  process.exit(1);
}

const app = await createApplication({
  dataDir: resolve(env.DATA_DIR ?? 'data'),
  transcriptsDir: resolve(env.TRANSCRIPTS_DIR ?? 'transcripts'),
  webDir: resolve(env.WEB_DIR ?? 'dist/web'),
  adminPassword: env.ADMIN_PASSWORD,
  // Printed before the account is saved, so a start that fails later (port taken) still shows it.
  onFirstAdmin: (admin) => {
    if (admin.envRejected) log.info('ADMIN_PASSWORD kurang dari 8 karakter dan tidak dipakai; kata sandi dibuatkan di bawah ini.');
    if (admin.password) log.info(`Akun admin pertama dibuat. Nama pengguna: ${admin.username}  Kata sandi (sekali tampil): ${admin.password}  (pada masuk pertama Anda diminta menggantinya dengan kata sandi pilihan sendiri)`);
    else log.info(`Akun admin pertama dibuat dari ADMIN_PASSWORD. Nama pengguna: ${admin.username}`);
  },
  allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  fsync: env.FSYNC !== '0',
  tickMs: env.TICK_MS ? Number(env.TICK_MS) : undefined,
  sample: env.SAMPLE !== '0',
  secureCookies: env.SECURE_COOKIES === '1',
  rateLimits: {
    listener: rate(env.LISTENER_RATE_LIMIT, DEFAULT_RATE_LIMITS.listener),
    staff: rate(env.STAFF_RATE_LIMIT, DEFAULT_RATE_LIMITS.staff),
  },
  addressLimits: addressLimits.limits,
  pendingCaps: {
    pendingPerListener: cap('MAX_PENDING_PER_LISTENER', DEFAULT_PENDING_CAPS.pendingPerListener),
    pendingPerEpisode: cap('MAX_PENDING_PER_EPISODE', DEFAULT_PENDING_CAPS.pendingPerEpisode),
  },
  debugMetrics: env.DEBUG_METRICS === '1',
  publicUrl: publicUrl(env.PUBLIC_URL),
  station: station(env.STATION_NAME, env.DATA_LICENSE),
  trustProxy: env.TRUST_PROXY ? Number(env.TRUST_PROXY) : 0,
  contactRetentionDays: retentionDays,
  // SMS_GATEWAY_SECRET, SMS_GATEWAY_URL, WHATSAPP_…: read by domain/intake/settings.ts.
  intakeEnv: env,
  signInLimits,
  hashQueue,
  connections: {
    perAddress: capCount('CONNECTIONS_PER_ADDRESS', DEFAULT_PER_ADDRESS),
    // Unset: derived from the open-files limit (see net/connections.ts).
    total: capCount('MAX_CONNECTIONS', undefined),
  },
}).catch((err: unknown) => {
  // A data file the server must not repair: the sentence says what to do, no stack.
  if (!(err instanceof DataFileError)) throw err;
  log.error(err.message);
  process.exit(1);
});

const port = Number(env.PORT ?? 3000);
const listening = await app.listen(port, env.HOST ?? '0.0.0.0').catch(async (err: NodeJS.ErrnoException) => {
  log.error(err.code === 'EADDRINUSE'
    ? `Port ${port} sudah dipakai program lain. Hentikan program itu atau jalankan dengan PORT=<port lain>.`
    : `Tidak bisa mendengarkan di port ${port}: ${err.message}`);
  await app.close();
  process.exit(1);
});
log.info(`Kentongan siap di http://localhost:${listening.port}`);
{
  const address = app.publicAddress();
  const from = address.source === 'configured' ? 'PUBLIC_URL'
    : address.source === 'lan' ? 'alamat jaringan komputer ini; atur PUBLIC_URL untuk alamat tetap'
    : 'tidak ada alamat jaringan';
  log.info(`Tautan untuk pendengar: ${address.url}/j/KODE (${from}).`);
  if (address.loopback) log.info('Peringatan: alamat itu hanya bisa dibuka dari komputer ini, bukan dari ponsel pendengar. Sambungkan komputer ke jaringan atau atur PUBLIC_URL.');
}
{
  const { total, perAddress, files } = app.connections;
  const behindProxy = env.TRUST_PROXY && env.TRUST_PROXY !== '0';
  const perPeer = perAddress === null ? 'tanpa batas per alamat' : behindProxy ? 'batas per alamat diatur di proxy' : `${perAddress} per alamat`;
  const limit = files ? `batas berkas terbuka ${files.soft}` : 'batas berkas terbuka tidak diketahui';
  log.info(`Sambungan: paling banyak ${total ?? 'tanpa batas'} sekaligus, ${perPeer}; ${limit}.`);
  // Node already raised the soft limit to the hard one: only whoever starts the server can give more.
  if (files && files.soft < LOW_FILES_LIMIT) {
    log.info(`Batas berkas terbuka rendah (${files.soft}): cukup untuk sekitar ${total ?? files.soft} pendengar sekaligus. Naikkan dengan LimitNOFILE=65536 di unit systemd, atau ulimit -n 65536 sebelum npm start.`);
  }
}
const sample = app.store.list().find((e) => e.status === 'draft');
if (sample) log.info(`Episode contoh siap: kode ${sample.code} — buka ${app.publicAddress().url}/ lalu masukkan kodenya.`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info(`${signal}: menyimpan data lalu berhenti…`);
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
