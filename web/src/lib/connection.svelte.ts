import type { Ack, AckData, ClientEventName, Payload } from '$contract/events.ts';
import { bootSocket, handshakeRefusal, onHandshakeRefusal } from './socket-boot.ts';
import type { DomainError } from '$contract/errors.ts';
import type { AppSocket } from './socket-boot.ts';

export type Status = 'connecting' | 'online' | 'offline';
const ACK_TIMEOUT_MS = 15_000;

/**
 * The one socket of the page. Actions taken while offline wait in our own queue (not
 * in Socket.IO's buffer, which has no timeout) and go out once the page has resynced;
 * the caller's promise settles with the server's answer, so nothing is silently lost.
 */
class Connection {
  status = $state<Status>('connecting');
  /** Actions waiting for the connection to come back. */
  queued = $state(0);
  /** The server refused the connection itself (too many new listeners from this network): say why. */
  refusal = $state<DomainError | null>(null);
  readonly socket: AppSocket;
  #resyncers = new Set<() => Promise<void>>();
  #waiting: Array<() => void> = [];

  constructor() {
    // The early script may already have opened (and connected) it; the token is kept there.
    this.socket = bootSocket();
    if (this.socket.connected) this.status = 'online';
    this.refusal = handshakeRefusal();
    if (this.refusal) this.status = 'offline';
    onHandshakeRefusal((r) => (this.refusal = r));
    this.socket.on('connect', async () => {
      // The server keeps no session across a drop (no state recovery): every connect resyncs.
      await Promise.all([...this.#resyncers].map((f) => f().catch(() => undefined)));
      this.status = 'online';
      const waiting = this.#waiting;
      this.#waiting = [];
      for (const go of waiting) go();
    });
    this.socket.on('disconnect', () => {
      this.status = 'offline';
    });
    this.socket.on('connect_error', () => {
      if (this.status !== 'online') this.status = 'offline';
    });
    // Waiting actions live in this page only: closing or reloading it while offline would
    // drop them without a word, so the browser asks first.
    addEventListener('beforeunload', (e) => {
      if (this.queued > 0) e.preventDefault();
    });
  }

  /** Called on every (re)connect, before queued actions go out. */
  onResync(fn: () => Promise<void>): () => void {
    this.#resyncers.add(fn);
    return () => this.#resyncers.delete(fn);
  }

  async send<E extends ClientEventName>(event: E, payload: Payload<E>): Promise<Ack<AckData[E]>> {
    if (this.status !== 'online') {
      this.queued++;
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
      this.queued--;
    }
    return this.emit(event, payload);
  }

  /** Emits now, for joins made from inside a resync. */
  async emit<E extends ClientEventName>(event: E, payload: Payload<E>): Promise<Ack<AckData[E]>> {
    try {
      const s = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<AckData[E]>> };
      return await s.emitWithAck(event, payload);
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Server tidak menjawab. Periksa koneksi lalu coba lagi.' } };
    }
  }
}

let instance: Connection | null = null;

/** The page's connection, created on first use so pages without live data never open a socket. */
export function connection(): Connection {
  instance ??= new Connection();
  return instance;
}

export type { Connection };
