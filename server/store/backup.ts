/**
 * The backup archive: what goes in, and the strict check every archive passes before
 * restore writes a byte.
 *
 * Consistency: the running server builds the archive from its memory, not by copying
 * files. Every store's state is serialised in one synchronous stretch (no await between
 * them), so the archive is one state of the whole data folder between two changes: no
 * episode file from one moment beside a vote journal or index from another, and every vote
 * acknowledged before the backup began is in it (acknowledged means in memory and on disk).
 * Copying the files instead would race the committers: a journal deleted after a full
 * write, an index naming an episode not yet written, a journal replayed onto a newer
 * episode file (a withdrawn vote coming back).
 *
 * Layout: `kentongan-backup.json` (the manifest), `data/…` (the files of DATA_DIR, without
 * vote journals: the episodes hold every vote) and `transcripts/…` (TRANSCRIPTS_DIR).
 */
import { gunzipSync, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { readTar, writeTar, TarError } from './tar.ts';
import type { TarFile } from './tar.ts';
import { aspirationsFileShape, districtShape, episodeShape, indexShape, readerShape, intakeShape, moderationShape, shapeProblem, staffShape } from './shapes.ts';
import type * as v from 'valibot';

export const MANIFEST = 'kentongan-backup.json';

export interface BackupManifest {
  format: 'kentongan-backup';
  version: 1;
  createdAt: string;
  episodes: Array<{ id: string; code: string; title: string; status: string; votes: number }>;
  /** Episode files damaged at the server's start, copied as they were (data/episodes/…). */
  damaged: string[];
  transcripts: number;
}

/**
 * The only names an archive may hold. Each is checked against these before any path is
 * built from it (then again through insideDir when written).
 */
const SINGLE_FILES: Record<string, v.GenericSchema | null> = {
  'data/index.json': indexShape,
  'data/staff.json': staffShape,
  'data/district.json': districtShape,
  'data/aspirations.json': aspirationsFileShape,
  'data/readers.json': readerShape,
  'data/intake.json': intakeShape,
  'data/moderation.json': moderationShape,
  'data/audit.jsonl': null,
};
const EPISODE_ENTRY = /^data\/episodes\/[A-Za-z0-9_-]{1,40}\.json$/;
/** A notula's programme-guide name: letters, digits, '-', '_', '.', not starting with a dot, ending .md. */
const TRANSCRIPT_ENTRY = /^transcripts\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}\.md$/;

/** A name relative to DATA_DIR that an archive may hold. */
export function dataEntryOk(name: string): boolean {
  const entry = `data/${name}`;
  return Object.hasOwn(SINGLE_FILES, entry) || EPISODE_ENTRY.test(entry);
}

/** A notula file name that an archive may hold. */
export function transcriptEntryOk(name: string): boolean {
  return TRANSCRIPT_ENTRY.test(`transcripts/${name}`);
}

/** Files the archive is built from: the stores' snapshots, raw damaged files, transcripts. */
export interface SnapshotParts {
  createdAt: Date;
  /** Relative to DATA_DIR, e.g. "index.json", "episodes/abc.json". */
  data: Array<{ name: string; text: string }>;
  damaged: Array<{ name: string; data: Buffer }>;
  transcripts: Array<{ name: string; data: Buffer }>;
}

/** Compressed off the event loop (zlib's thread pool): a show keeps running while a large archive is made. */
export async function buildArchive(parts: SnapshotParts): Promise<{ archive: Buffer; manifest: BackupManifest }> {
  const episodes: BackupManifest['episodes'] = [];
  for (const f of parts.data) {
    if (!f.name.startsWith('episodes/')) continue;
    const e = JSON.parse(f.text) as { id: string; code: string; title: string; status: string; questions: Array<{ voters: string[] }> };
    episodes.push({ id: e.id, code: e.code, title: e.title, status: e.status, votes: e.questions.reduce((n, q) => n + q.voters.length, 0) });
  }
  const manifest: BackupManifest = {
    format: 'kentongan-backup', version: 1, createdAt: parts.createdAt.toISOString(), episodes,
    damaged: parts.damaged.map((d) => `data/${d.name}`), transcripts: parts.transcripts.length,
  };
  const files: TarFile[] = [
    { name: MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    ...parts.data.map((f) => ({ name: `data/${f.name}`, data: Buffer.from(f.text, 'utf8') })),
    ...parts.damaged.map((f) => ({ name: `data/${f.name}`, data: f.data })),
    ...parts.transcripts.map((f) => ({ name: `transcripts/${f.name}`, data: f.data })),
  ];
  return { archive: await promisify(gzip)(writeTar(files, Math.floor(parts.createdAt.getTime() / 1000))), manifest };
}

/** Unpacked, this much at most: a station's data is megabytes; a gzip bomb is refused. */
export const MAX_UNPACKED = 2 * 1024 ** 3 - 1;

export interface CheckedArchive {
  manifest: BackupManifest;
  /** Relative to DATA_DIR. */
  data: TarFile[];
  /** Relative to TRANSCRIPTS_DIR. */
  transcripts: TarFile[];
}

export class ArchiveError extends Error {}

/**
 * The archive's files, every name matched against the allowed patterns and every data
 * file parsed and shape-checked as the server's start would, so a restored folder loads
 * without the recovery path reporting damage (except files the manifest says were
 * damaged in the original). Throws ArchiveError in words; nothing has been written.
 */
export function checkArchive(gz: Buffer, maxUnpacked = MAX_UNPACKED): CheckedArchive {
  let files: TarFile[];
  try {
    files = readTar(gunzipSync(gz, { maxOutputLength: maxUnpacked }));
  } catch (err) {
    if (err instanceof TarError) throw new ArchiveError(`Arsip rusak: ${err.message}.`);
    const code = (err as NodeJS.ErrnoException).code;
    throw new ArchiveError(code === 'ERR_BUFFER_TOO_LARGE' ? 'Arsip terlalu besar setelah dibuka.' : 'Berkas ini bukan arsip .tar.gz yang utuh.');
  }
  const seen = new Set<string>();
  let manifest: BackupManifest | null = null;
  const data: TarFile[] = [];
  const transcripts: TarFile[] = [];
  for (const f of files) {
    const shown = JSON.stringify(f.name.slice(0, 120));
    if (seen.has(f.name)) throw new ArchiveError(`Arsip memuat ${shown} dua kali.`);
    seen.add(f.name);
    if (f.name === MANIFEST) {
      manifest = parseJson(f) as BackupManifest;
      if (manifest?.format !== 'kentongan-backup' || manifest.version !== 1 || !Array.isArray(manifest.damaged)) throw new ArchiveError('Arsip ini bukan cadangan Kentongan (kentongan-backup.json tidak dikenal).');
    } else if (Object.hasOwn(SINGLE_FILES, f.name) || EPISODE_ENTRY.test(f.name)) {
      data.push({ name: f.name.slice('data/'.length), data: f.data });
    } else if (TRANSCRIPT_ENTRY.test(f.name)) {
      transcripts.push({ name: f.name.slice('transcripts/'.length), data: f.data });
    } else {
      throw new ArchiveError(`Arsip memuat nama berkas yang tidak diterima: ${shown}. Tidak ada yang ditulis.`);
    }
  }
  if (!manifest) throw new ArchiveError('Arsip ini bukan cadangan Kentongan (tidak ada kentongan-backup.json).');
  if (!seen.has('data/staff.json') || !seen.has('data/index.json')) throw new ArchiveError('Arsip tidak lengkap: staff.json atau index.json tidak ada.');
  for (const f of data) {
    const name = `data/${f.name}`;
    if (manifest.damaged.includes(name)) continue;
    const schema = Object.hasOwn(SINGLE_FILES, name) ? SINGLE_FILES[name] : episodeShape;
    if (schema === null) continue; // audit.jsonl: lines, read leniently by the server itself
    const problem = shapeProblem(schema!, parseJson(f));
    if (problem) throw new ArchiveError(`Arsip rusak: ${name} tidak bisa dimuat server (${problem}).`);
  }
  return { manifest, data, transcripts };
}

function parseJson(f: TarFile): unknown {
  try {
    return JSON.parse(f.data.toString('utf8'));
  } catch {
    throw new ArchiveError(`Arsip rusak: ${f.name.slice(0, 120)} bukan JSON yang utuh.`);
  }
}
