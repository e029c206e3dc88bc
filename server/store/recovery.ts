import { copyFile, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { error as logError } from '../log.ts';

/** A data file found wrongly shaped at start: where its copy is, and what the server did instead. */
export interface RecoveredFile {
  /** Relative to the data folder, e.g. "index.json", "episodes/abc.0.votes". */
  file: string;
  /** The copy kept beside it, e.g. "index.json.damaged-1764700000000". */
  copy: string;
  reason: string;
  /** What was done: "rebuilt from episodes/", "started with the default district", … */
  action: string;
}

/**
 * The start-up record of damaged files shared by every store: each bad file is copied to
 * `<file>.damaged-<time>` before anything replaces it, logged, and listed in /api/health.
 */
export class Recovery {
  readonly files: RecoveredFile[] = [];

  constructor(
    readonly dataDir: string,
    readonly log: (line: string) => void = logError,
    readonly now: () => number = Date.now,
  ) {}

  /** Copies the damaged file aside, then logs and records it. */
  async keep(path: string, reason: string, action: string): Promise<RecoveredFile> {
    const copyPath = join(dirname(path), `${basename(path)}.damaged-${this.now()}`);
    await copyFile(path, copyPath);
    const found: RecoveredFile = { file: relative(this.dataDir, path), copy: relative(this.dataDir, copyPath), reason, action };
    this.files.push(found);
    this.log(`kentongan: berkas data rusak: ${path} (${reason}); salinan disimpan sebagai ${basename(copyPath)}; ${action}`);
    return found;
  }
}

/** A data file the server cannot start with and must not repair itself; the message says what to do. */
export class DataFileError extends Error {}

/** The file's JSON, or null when it does not exist; a parse error is thrown as it is. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return JSON.parse(text);
}
