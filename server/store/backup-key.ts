import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './durable-file.ts';

export const BACKUP_KEY_FILE = 'backup.key';
const KEY = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * DATA_DIR/backup.key (mode 0600): the bearer key of GET /api/backup. Whoever can read
 * the data folder can already read every byte of it; the key lets exactly them ask the
 * running server for a consistent copy, and nobody who only reaches the port (through
 * the reverse proxy, from 127.0.0.1). Made once; never put into a backup.
 */
export async function ensureBackupKey(dataDir: string): Promise<string> {
  const path = join(dataDir, BACKUP_KEY_FILE);
  const existing = (await readFile(path, 'utf8').catch(() => '')).trim();
  if (KEY.test(existing)) return existing;
  const key = randomBytes(32).toString('base64url');
  await writeFileDurably(path, `${key}\n`, { tmp: join(dataDir, `.${BACKUP_KEY_FILE}.${process.pid}.tmp`), mode: 0o600, syncFolder: true });
  return key;
}

/** The key as read by the backup command, or null when the file is missing or not a key. */
export async function readBackupKey(dataDir: string): Promise<string | null> {
  const key = (await readFile(join(dataDir, BACKUP_KEY_FILE), 'utf8').catch(() => '')).trim();
  return KEY.test(key) ? key : null;
}

/** Compared as hashes of equal length, in constant time. */
export function sameKey(given: string, key: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(given), h(key));
}
