// What the backup and restore commands share: arguments, the environment file, the server's address.
import { resolve } from 'node:path';

export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and `--force`-style switches (listed in `switches`). */
export function parseArgs(argv: string[], switches: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) positional.push(a);
    else if (m[2] !== undefined) flags.set(m[1]!, m[2]);
    else if (switches.includes(m[1]!)) flags.set(m[1]!, true);
    else flags.set(m[1]!, argv[++i] ?? '');
  }
  return { positional, flags };
}

/** `--env-file FILE`: the same settings file the systemd unit reads (variables already set win). */
export function loadEnv(args: Args): void {
  const file = args.flags.get('env-file');
  if (typeof file === 'string' && file) process.loadEnvFile(file);
}

export function dataDir(): string {
  return resolve(process.env.DATA_DIR ?? 'data');
}

export function transcriptsDir(): string {
  return resolve(process.env.TRANSCRIPTS_DIR ?? 'transcripts');
}

/** The running server, asked on this machine: HOST when it names one address, else loopback. */
export function serverUrl(): string {
  const host = process.env.HOST && !['0.0.0.0', '::', ''].includes(process.env.HOST) ? process.env.HOST : '127.0.0.1';
  const port = process.env.PORT ?? '3000';
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export function kb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
