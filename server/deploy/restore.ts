// npm run restore -- FILE [--force] [--env-file FILE]
// With the server stopped: checks the archive, then restores it into DATA_DIR (absent or empty,
// or moved aside with --force) and TRANSCRIPTS_DIR. See server/store/restore.ts.
import { resolve } from 'node:path';
import { ArchiveError } from '../store/backup.ts';
import { RestoreRefused, restoreArchive } from '../store/restore.ts';
import { dataDir, fail, loadEnv, parseArgs, serverUrl, transcriptsDir } from './cli.ts';

const args = parseArgs(process.argv.slice(2), ['force']);
loadEnv(args);
const file = args.positional[0];
if (!file || args.positional.length > 1) fail('Pakai: npm run restore -- BERKAS.tar.gz [--force]   (Usage: npm run restore -- FILE.tar.gz [--force])');
const force = args.flags.get('force') === true;

// A server still running on the folder would write over what is restored (and keep its old state in memory).
const url = serverUrl();
const running = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(() => true, () => false);
if (running) fail(`Server masih berjalan di ${url}: hentikan dulu (sudo systemctl stop kentongan), lalu pulihkan. The server is still running: stop it first.`);

try {
  const r = await restoreArchive({ file: resolve(file), dataDir: dataDir(), transcriptsDir: transcriptsDir(), force });
  const { manifest } = r.archive;
  const votes = manifest.episodes.reduce((n, e) => n + e.votes, 0);
  if (r.movedAside) process.stdout.write(`Isi lama folder data dipindah ke ${r.movedAside} (tidak dihapus).\n`);
  process.stdout.write(`Dipulihkan dari cadangan ${manifest.createdAt}: ${manifest.episodes.length} episode, ${votes} suara ke ${dataDir()}; ${r.transcriptsWritten} notula ke ${transcriptsDir()}.\n`);
  if (manifest.damaged.length) process.stdout.write(`Catatan: ${manifest.damaged.length} berkas episode sudah rusak di server asal dan dipulihkan apa adanya: ${manifest.damaged.join(', ')}\n`);
  process.stdout.write('Restored. Start the server: sudo systemctl start kentongan\n');
} catch (err) {
  if (err instanceof ArchiveError || err instanceof RestoreRefused) fail(err.message);
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') fail(`Berkas ${file} tidak ada. (No such file.)`);
  throw err;
}
