// A stand-in for someone else's HTTP API (the station's phone running SMS Gateway for
// Android, Meta's Graph API, the Kentongan server the modem script talks to): a real
// server on a loopback port that records every request and answers as the test says.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  /** Path and query, as the client sent them. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body as JSON, or undefined when it is not. */
  json: unknown;
}

/** An answer, or 'hang': never answer (until the stand-in closes). */
export type Answer = { status: number; body?: unknown } | 'hang';

export interface StandIn {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: Recorded[];
  /** How to answer from now on (default 200 {}). */
  answer(fn: (r: Recorded, index: number) => Answer | Promise<Answer>): void;
  /** Resolves once `n` requests have arrived in all. */
  received(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function standIn(): Promise<StandIn> {
  const requests: Recorded[] = [];
  let respond: (r: Recorded, index: number) => Answer | Promise<Answer> = () => ({ status: 200, body: {} });
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const r: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      const index = requests.push(r) - 1;
      for (const w of waiters.splice(0)) (requests.length >= w.n ? w.resolve() : waiters.push(w));
      void Promise.resolve(respond(r, index)).then((a) => {
        if (a === 'hang') return;
        const text = typeof a.body === 'string' ? a.body : JSON.stringify(a.body ?? {});
        res.writeHead(a.status, { 'content-type': 'application/json' }).end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(fn) {
      respond = fn;
    },
    received(n) {
      return requests.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A promise the test settles by hand. */
export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
