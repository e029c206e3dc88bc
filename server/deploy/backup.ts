// npm run backup [-- --out DIR] [--env-file FILE]
// Asks the running server for a consistent archive (GET /api/backup, see server/store/backup.ts),
// checks it as restore would, and saves it as DIR/kentongan-<date>.tar.gz.
import { mkdir, open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkArchive } from '../store/backup.ts';
import { readBackupKey } from '../store/backup-key.ts';
import { writeFileDurably } from '../store/durable-file.ts';
import { dataDir, fail, kb, loadEnv, parseArgs, serverUrl } from './cli.ts';

const args = parseArgs(process.argv.slice(2), []);
loadEnv(args);
const out = resolve(String(args.flags.get('out') ?? process.env.BACKUP_DIR ?? 'backups'));
const dir = dataDir();
const url = serverUrl();

const key = await readBackupKey(dir);
if (!key) {
  fail(`Kunci cadangan ${join(dir, 'backup.key')} tidak ada atau tidak terbaca. Server membuatnya saat mulai: jalankan perintah ini dengan DATA_DIR yang sama dan sebagai pengguna yang menjalankan server (mis. sudo -u kentongan). `
    + 'The backup key is missing or unreadable: run this with the server\'s DATA_DIR, as the user the server runs as.');
}

let res: Response;
try {
  res = await fetch(`${url}/api/backup`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(120_000) });
} catch {
  fail(`Server tidak menjawab di ${url}. Cadangan dibuat oleh server yang sedang berjalan (agar salinannya utuh): nyalakan server, atau setel PORT/HOST seperti milik server. `
    + `No server answered at ${url}: the backup is taken by the running server; start it, or set PORT/HOST to its own.`);
}
if (!res.ok) {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  fail(`Server menolak membuat cadangan (${res.status}): ${body?.error?.message ?? res.statusText}`);
}
const archive = Buffer.from(await res.arrayBuffer());
let checked: ReturnType<typeof checkArchive>;
try {
  checked = checkArchive(archive);
} catch (err) {
  fail(`Arsip dari server tidak lolos pemeriksaan, tidak disimpan: ${(err as Error).message}`);
}
const { manifest } = checked;

// Named with the server's time of the snapshot (UTC), e.g. kentongan-2026-12-02T22-19-00Z.tar.gz.
const stamp = manifest.createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
await mkdir(out, { recursive: true });
let name = `kentongan-${stamp}.tar.gz`;
for (let n = 2; await open(join(out, name), 'r').then((fh) => fh.close().then(() => true), () => false); n++) name = `kentongan-${stamp}-${n}.tar.gz`;
const target = join(out, name);
try {
  await writeFileDurably(target, archive, { tmp: join(out, `.${name}.tmp`), mode: 0o600, syncFolder: true });
} catch (err) {
  fail(`Cadangan tidak bisa disimpan di ${out}: ${(err as Error).message}`);
}
const votes = manifest.episodes.reduce((n, e) => n + e.votes, 0);
process.stdout.write(`Cadangan tersimpan: ${target} (${kb(archive.length)}): ${manifest.episodes.length} episode, ${votes} suara, ${manifest.transcripts} notula, diambil ${manifest.createdAt}.\n`);
process.stdout.write(`Backup saved: ${target}\n`);
