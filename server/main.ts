// The only place that reads the environment, listens, and flushes on SIGTERM.
import { resolve } from 'node:path';
import { createApplication } from './application.ts';
import { DEFAULT_RATE_LIMITS, addressLimitsFromEnv } from './realtime/rate-limit.ts';
import { DEFAULT_PENDING_CAPS } from './domain/question.ts';
import type { RateLimit } from './realtime/rate-limit.ts';

const env = process.env;

/** "60/10" → 60 events per 10 seconds. */
function rate(raw: string | undefined, fallback: RateLimit): RateLimit {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw ?? '');
  return m && Number(m[1]) > 0 && Number(m[2]) > 0 ? { points: Number(m[1]), seconds: Number(m[2]) } : fallback;
}

/** PUBLIC_URL must be an http(s) origin; anything else stops the start with a sentence. */
function publicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password) return u.origin;
  } catch { /* reported below */ }
  console.error(`PUBLIC_URL tidak valid: "${raw}". Tulis alamat lengkap stasiun, misalnya https://radio.example.id`);
  process.exit(1);
}
if (env.TRUST_PROXY && !/^\d{1,2}$/.test(env.TRUST_PROXY)) {
  console.error(`TRUST_PROXY tidak valid: "${env.TRUST_PROXY}". Tulis jumlah proxy di depan server (0, 1, 2…).`);
  process.exit(1);
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
    if (admin.envRejected) console.log('ADMIN_PASSWORD kurang dari 8 karakter dan tidak dipakai; kata sandi dibuatkan di bawah ini.');
    if (admin.password) console.log(`Akun admin pertama dibuat. Nama pengguna: ${admin.username}  Kata sandi (sekali tampil): ${admin.password}`);
    else console.log(`Akun admin pertama dibuat dari ADMIN_PASSWORD. Nama pengguna: ${admin.username}`);
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
  trustProxy: env.TRUST_PROXY ? Number(env.TRUST_PROXY) : 0,
});

const port = Number(env.PORT ?? 3000);
const listening = await app.listen(port, env.HOST ?? '0.0.0.0').catch(async (err: NodeJS.ErrnoException) => {
  console.error(err.code === 'EADDRINUSE'
    ? `Port ${port} sudah dipakai program lain. Hentikan program itu atau jalankan dengan PORT=<port lain>.`
    : `Tidak bisa mendengarkan di port ${port}: ${err.message}`);
  await app.close();
  process.exit(1);
});
console.log(`Kentongan siap di http://localhost:${listening.port}`);
const sample = app.store.list().find((e) => e.status === 'draft');
if (sample) console.log(`Episode contoh siap: kode ${sample.code} — buka http://localhost:${listening.port}/ lalu masukkan kodenya.`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: menyimpan data lalu berhenti…`);
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
