/**
 * A tiny tar writer and a strict tar reader, for the backup archive only.
 *
 * Why not the `tar` package: the archive holds a handful of regular files the server
 * produced itself, and restore must accept nothing else (no links, devices, folders or
 * global headers). A reader that only knows regular files and a PAX `path` cannot be
 * talked into a symlink or a hard link; ~120 lines with no dependency is less to trust
 * than a general extractor whose every entry type would have to be refused again here.
 * The output is plain ustar (+ PAX for names over 100 bytes): `tar -tzf` lists it.
 */

export interface TarFile {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, type: '0' | 'x', mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function padded(data: Buffer): Buffer[] {
  const rest = data.length % BLOCK;
  return rest ? [data, Buffer.alloc(BLOCK - rest)] : [data];
}

/** A PAX record "<len> path=<value>\n", where len counts the whole record, its own digits too. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return Buffer.from(`${len}${body}`, 'utf8');
}

/** The files as one uncompressed tar archive. */
export function writeTar(files: readonly TarFile[], mtime = Math.floor(Date.now() / 1000)): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    if (Buffer.byteLength(f.name) > 100) {
      const pax = paxRecord('path', f.name);
      parts.push(header('PaxHeader', pax.length, 'x', mtime), ...padded(pax));
    }
    parts.push(header(Buffer.from(f.name).subarray(0, 100).toString('utf8'), f.data.length, '0', mtime), ...padded(f.data));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

export class TarError extends Error {}

function field(h: Buffer, at: number, len: number): string {
  const raw = h.subarray(at, at + len);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? len : end).toString('utf8');
}

function number(h: Buffer, at: number, len: number, what: string): number {
  const s = field(h, at, len).trim();
  if (!/^[0-7]{1,11}$/.test(s)) throw new TarError(`${what} tidak terbaca`);
  return parseInt(s, 8);
}

/**
 * Every file in the archive, in order. Throws TarError (in words) on anything but a regular
 * file or a PAX header carrying only `path`: a link, a folder, a device, a bad checksum, a
 * truncated archive. Names are returned as written; the caller checks them.
 */
export function readTar(buf: Buffer): TarFile[] {
  const files: TarFile[] = [];
  let at = 0;
  let paxPath: string | null = null;
  for (;;) {
    if (at + BLOCK > buf.length) throw new TarError('arsip terpotong (tidak ada penanda akhir)');
    const h = buf.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (number(h, 148, 8, 'checksum') !== sum) throw new TarError(`checksum salah pada entri ke-${files.length + 1}`);
    // 'ustar\0' (POSIX) or 'ustar  ' (GNU tar's default): both carry the same fields used here.
    if (h.subarray(257, 262).toString('latin1') !== 'ustar') throw new TarError('bukan arsip ustar');
    const size = number(h, 124, 12, 'ukuran');
    const type = String.fromCharCode(h[156]!);
    const start = at + BLOCK;
    const end = start + size;
    if (end > buf.length) throw new TarError('arsip terpotong di tengah berkas');
    const data = buf.subarray(start, end);
    at = start + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      if (paxPath !== null) throw new TarError('dua header PAX berurutan');
      paxPath = parsePax(data);
      continue;
    }
    if (type !== '0' && type !== '\0') throw new TarError(`entri jenis "${type === '\0' ? '0' : type}" tidak diterima (hanya berkas biasa)`);
    // GNU headers keep times where POSIX keeps the name's prefix: no prefix there.
    const prefix = h[262] === 0x20 ? '' : field(h, 345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    paxPath = null;
    files.push({ name, data: Buffer.from(data) });
  }
  if (paxPath !== null) throw new TarError('header PAX tanpa berkas');
  return files;
}

function parsePax(data: Buffer): string {
  let path: string | null = null;
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const len = space === -1 ? NaN : Number(data.subarray(at, space).toString('ascii'));
    if (!Number.isSafeInteger(len) || len <= 0 || at + len > data.length || data[at + len - 1] !== 0x0a) throw new TarError('header PAX rusak');
    const rec = data.subarray(space + 1, at + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    const key = rec.slice(0, eq);
    // Only the long name is honoured; times and owners mean nothing to a restore.
    if (key === 'path') path = rec.slice(eq + 1);
    else if (!['mtime', 'atime', 'ctime'].includes(key)) throw new TarError(`header PAX "${key.slice(0, 20)}" tidak diterima`);
    at += len;
  }
  if (path === null) throw new TarError('header PAX tanpa nama berkas');
  return path;
}
