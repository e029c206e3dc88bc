// The only place that reads the environment, listens, and flushes on SIGTERM.
import { resolve } from 'node:path';
import { createApplication } from './application.ts';

const env = process.env;
const app = await createApplication({
  dataDir: resolve(env.DATA_DIR ?? 'data'),
  transcriptsDir: resolve(env.TRANSCRIPTS_DIR ?? 'transcripts'),
  webDir: resolve(env.WEB_DIR ?? 'dist/web'),
  adminPassword: env.ADMIN_PASSWORD,
  allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  fsync: env.FSYNC !== '0',
  tickMs: env.TICK_MS ? Number(env.TICK_MS) : undefined,
  sample: env.SAMPLE !== '0',
  secureCookies: env.SECURE_COOKIES === '1',
});

const port = Number(env.PORT ?? 3000);
const listening = await app.listen(port, env.HOST ?? '0.0.0.0');
console.log(`Kentongan siap di http://localhost:${listening.port}`);
if (app.firstAdmin?.password) {
  console.log(`Akun admin pertama dibuat. Nama pengguna: ${app.firstAdmin.username}  Kata sandi (sekali tampil): ${app.firstAdmin.password}`);
} else if (app.firstAdmin) {
  console.log(`Akun admin pertama dibuat dari ADMIN_PASSWORD. Nama pengguna: ${app.firstAdmin.username}`);
}
for (const d of app.store.damaged()) console.log(`Perhatian: berkas episode rusak dilewati: ${d.file}`);
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
