import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkArchive } from './backup.ts';
import type { CheckedArchive } from './backup.ts';
import { insideDir } from './paths.ts';
import { syncDir, writeFileDurably } from './durable-file.ts';

/** A restore that must not go ahead; the message says why and what to do. Nothing was written. */
export class RestoreRefused extends Error {}

export interface RestoreResult {
  archive: CheckedArchive;
  /** Where the folder's former contents went (with --force), or null. */
  movedAside: string | null;
  transcriptsWritten: number;
}

/** Former contents moved aside by --force live here, inside DATA_DIR; the server ignores the folder. */
export const ASIDE_PREFIX = 'sebelum-pulih-';

/**
 * Restores an archive into DATA_DIR and TRANSCRIPTS_DIR, with the server stopped.
 * Every entry is checked (names against strict patterns, data files against the shapes
 * the server loads) before anything is written. DATA_DIR must be absent or empty unless
 * `force`: then its contents are moved into DATA_DIR/sebelum-pulih-<time>/, not deleted
 * (leftover vote journals or episode files would otherwise be replayed onto the restored
 * ones). A notula that exists with other content is only replaced with `force`.
 */
export async function restoreArchive(opts: { file: string; dataDir: string; transcriptsDir: string; force: boolean; now?: Date }): Promise<RestoreResult> {
  const archive = checkArchive(await readFile(opts.file));
  const present = (await readdir(opts.dataDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  })).filter((f) => !f.startsWith(ASIDE_PREFIX));
  if (present.length && !opts.force) {
    throw new RestoreRefused(
      `Folder data ${opts.dataDir} tidak kosong (${present.length} berkas/folder, mis. ${present.slice(0, 3).join(', ')}); tidak ada yang ditulis. `
      + 'Pulihkan ke folder kosong, atau ulangi dengan --force: isi lama dipindah ke '
      + `${join(opts.dataDir, `${ASIDE_PREFIX}<waktu>`)}/ (tidak dihapus). `
      + `The data folder is not empty; nothing was written. Restore into an empty folder, or add --force to move its contents aside.`,
    );
  }
  const targets = archive.transcripts.map((f) => {
    const path = insideDir(opts.transcriptsDir, f.name);
    if (!path) throw new RestoreRefused(`Nama notula di luar folder: ${f.name.slice(0, 80)}`);
    return { path, data: f.data };
  });
  const clashes: string[] = [];
  for (const t of targets) {
    const old = await readFile(t.path).catch(() => null);
    if (old && !old.equals(t.data)) clashes.push(t.path);
  }
  if (clashes.length && !opts.force) {
    throw new RestoreRefused(
      `${clashes.length} notula di ${opts.transcriptsDir} berisi lain dari arsip (mis. ${clashes[0]}); tidak ada yang ditulis. Ulangi dengan --force untuk menimpanya. `
      + 'Some transcripts differ from the archive; nothing was written. Add --force to overwrite them.',
    );
  }
  const dataTargets = archive.data.map((f) => {
    const path = insideDir(opts.dataDir, f.name);
    if (!path) throw new RestoreRefused(`Nama berkas data di luar folder: ${f.name.slice(0, 80)}`);
    return { path, data: f.data };
  });

  let movedAside: string | null = null;
  if (present.length) {
    const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    movedAside = join(opts.dataDir, `${ASIDE_PREFIX}${stamp}`);
    await mkdir(movedAside);
    for (const f of present) await rename(join(opts.dataDir, f), join(movedAside, f));
  }
  await mkdir(join(opts.dataDir, 'episodes'), { recursive: true });
  // The index last: a restore cut short leaves episode files the next start lists anyway.
  dataTargets.sort((a, b) => Number(a.path.endsWith('index.json')) - Number(b.path.endsWith('index.json')));
  for (const t of dataTargets) await writeDurably(t.path, t.data);
  await syncDir(join(opts.dataDir, 'episodes'));
  await syncDir(opts.dataDir);
  let transcriptsWritten = 0;
  if (targets.length) {
    await mkdir(opts.transcriptsDir, { recursive: true });
    for (const t of targets) {
      await writeDurably(t.path, t.data);
      transcriptsWritten++;
    }
    await syncDir(opts.transcriptsDir);
  }
  return { archive, movedAside, transcriptsWritten };
}

function writeDurably(path: string, data: Buffer): Promise<void> {
  return writeFileDurably(path, data, { tmp: join(dirname(path), `.restore.${process.pid}.tmp`), mode: 0o600 });
}
