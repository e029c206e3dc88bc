import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `server/main.ts` as its own process (as `npm start` would, minus the build) and waits for it to listen. */
export async function spawnServer(env: Record<string, string>, opts: { prefix?: string[] } = {}): Promise<ServerProcess> {
  // prefix: a command that runs node, e.g. ['prlimit', '--nofile=256:256'] for a low open-files limit.
  const [cmd, ...args] = [...(opts.prefix ?? []), process.execPath, '--import', 'tsx', 'server/main.ts'];
  const child = spawn(cmd!, args, {
    // Every client of these tests is on 127.0.0.1: the per-address limits would be one listener's.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SAMPLE: '0', ADDRESS_LIMITS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /siap di (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { child, url, output: () => out };
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/** A port nobody listens on right now (for a server whose output cannot be read). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `server/main.ts` with stdout and stderr on `fd` (e.g. /dev/full), so nothing it
 * prints can be read: waits for it by asking /api/health on a port chosen beforehand.
 */
export async function spawnServerOnFd(env: Record<string, string>, fd: number): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', SAMPLE: '0', ...env, PORT: String(port) },
    stdio: ['ignore', fd, fd],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it listened`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { child, url };
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('server did not start within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}
