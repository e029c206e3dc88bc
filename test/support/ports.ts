import { createServer } from 'node:net';

/**
 * A free loopback port, for a server whose own address must be known before it starts
 * (e.g. listed in ALLOWED_ORIGINS next to an https PUBLIC_URL, as a studio PC on the LAN is).
 */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}
