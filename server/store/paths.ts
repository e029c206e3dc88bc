import { isAbsolute, relative, resolve } from 'node:path';

/**
 * The absolute path of `name` inside `dir`, or null when it would land anywhere else
 * (`..`, an absolute name, NUL) or be the folder itself. Paths built from stored or
 * imported data go through here, even when the parts were checked already.
 */
export function insideDir(dir: string, name: string): string | null {
  if (name.includes('\0')) return null;
  const base = resolve(dir);
  const full = resolve(base, name);
  const rel = relative(base, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}
