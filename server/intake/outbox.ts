// Replies to texting listeners wait here and go out one at a time per gateway: the
// station's phone sends an SMS every few seconds at best, and a burst of fifty requests
// would only make it drop some. A failure the gateway may get over (no answer, busy,
// server error) is tried again after a pause, the queue of that gateway waiting with it
// (the next reply would meet the same fault); a refusal drops the reply at once. Either
// way the screener sees it in the gateway's health.
//
// In memory only: a reply still waiting when the process stops is lost. The listener's
// message itself is already stored, and a confirmation arriving after a restart would
// be late anyway.
import { randomUUID } from 'node:crypto';
import type { Gateway, GatewayHealth } from '../contract/intake.ts';
import { GATEWAYS } from '../contract/intake.ts';
import { maskPhone } from '../domain/intake/phone.ts';
import { cutToLength, cutToOneSms, WHATSAPP_TEXT_LIMIT } from '../domain/intake/sms-length.ts';
import { SendError } from './senders.ts';
import type { ReplyMeta, Sender } from './senders.ts';

/** Timers the outbox waits with: tests pass one they move by hand. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout(fn, ms) {
    // A pause before a retry never keeps the process alive on its own.
    return setTimeout(fn, ms).unref();
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** The reply half of a gateway's health, as the contract's GatewayHealth names it. */
export type ReplyHealth = Pick<GatewayHealth, 'lastReplyAt' | 'lastErrorAt' | 'lastError'>;

export interface ReplyOutcome {
  id: string;
  gateway: Gateway;
  to: string;
  sent: boolean;
  /** Why it was not sent, for the screener; null when sent. */
  error: string | null;
}

export type Queued = { ok: true; id: string } | { ok: false; reason: 'stopped' | 'no_sender' | 'full' | 'closed' | 'empty' };

export interface OutboxOptions {
  /**
   * The gateway's sender as configured now, or null when it cannot send. Asked before each
   * try, so an address the admin corrects applies to the replies already waiting.
   */
  sender(gateway: Gateway): Sender | null;
  /** False for a number that sent BERHENTI: asked when a reply is queued and again before each try. */
  mayReply(to: string, id: string): boolean;
  now?: () => Date;
  scheduler?: Scheduler;
  /** The pauses before each retry of a transient failure; as many retries as entries. */
  backoffMs?: readonly number[];
  /** A reply not sent this long after it was queued is dropped: "diterima" an hour later confuses more than it helps. */
  maxAgeMs?: number;
  /** Replies waiting per gateway; a new one beyond is refused (a flood must not grow memory). */
  maxQueue?: number;
  /** How long close() waits for sends under way. */
  closeTimeoutMs?: number;
  /** Each reply's end: sent, or dropped and why. */
  onSettled?(outcome: ReplyOutcome): void;
  /** Failure lines (stderr in the server): masked numbers, never a reply's text or a secret. */
  log?(line: string): void;
  newId?(): string;
}

interface Item {
  id: string;
  gateway: Gateway;
  to: string;
  text: string;
  meta: ReplyMeta;
  queuedAt: number;
  retries: number;
}

interface Lane {
  items: Item[];
  inflight: Promise<void> | null;
  timer: unknown;
  health: ReplyHealth;
}

const STOPPED = 'Nomor ini sudah mengirim BERHENTI';

export const DEFAULT_BACKOFF_MS = [5_000, 30_000, 120_000] as const;

export class Outbox {
  readonly #o: Required<Omit<OutboxOptions, 'onSettled' | 'log'>> & Pick<OutboxOptions, 'onSettled' | 'log'>;
  readonly #lanes = new Map<Gateway, Lane>();
  #closed = false;

  constructor(options: OutboxOptions) {
    this.#o = {
      now: () => new Date(),
      scheduler: realScheduler,
      backoffMs: DEFAULT_BACKOFF_MS,
      maxAgeMs: 15 * 60_000,
      maxQueue: 500,
      closeTimeoutMs: 5_000,
      newId: () => randomUUID().replace(/-/g, ''),
      ...options,
    };
    for (const g of GATEWAYS) this.#lanes.set(g, { items: [], inflight: null, timer: null, health: { lastReplyAt: null, lastErrorAt: null, lastError: null } });
  }

  /** Queues a reply; it is cut to one SMS (or WhatsApp's limit) here. */
  reply(gateway: Gateway, to: string, text: string, meta: ReplyMeta = {}): Queued {
    if (this.#closed) return { ok: false, reason: 'closed' };
    const body = text.trim();
    if (body === '') return { ok: false, reason: 'empty' };
    const id = meta.id ?? this.#o.newId();
    if (!this.#o.mayReply(to, id)) return { ok: false, reason: 'stopped' };
    if (!this.#o.sender(gateway)) return { ok: false, reason: 'no_sender' };
    const lane = this.#lane(gateway);
    if (lane.items.length >= this.#o.maxQueue) return { ok: false, reason: 'full' };
    lane.items.push({
      id,
      gateway,
      to,
      text: gateway === 'whatsapp' ? cutToLength(body, WHATSAPP_TEXT_LIMIT) : cutToOneSms(body),
      meta,
      queuedAt: this.#o.now().getTime(),
      retries: 0,
    });
    this.#pump(lane);
    return { ok: true, id };
  }

  /** Replies waiting or being sent, all gateways. */
  pending(): number {
    let n = 0;
    for (const lane of this.#lanes.values()) n += lane.items.length;
    return n;
  }

  health(gateway: Gateway): ReplyHealth {
    return { ...this.#lane(gateway).health };
  }

  /** Stops the pauses, drops what waits, and waits (at most closeTimeoutMs) for sends under way. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const inflight: Promise<void>[] = [];
    let waiting = 0;
    for (const lane of this.#lanes.values()) {
      if (lane.timer !== null) this.#o.scheduler.clearTimeout(lane.timer);
      lane.timer = null;
      if (lane.inflight) inflight.push(lane.inflight);
      waiting += lane.items.length - (lane.inflight ? 1 : 0);
      lane.items.splice(lane.inflight ? 1 : 0);
    }
    if (waiting > 0) this.#o.log?.(`kentongan: ${waiting} balasan belum terkirim dan hilang karena server berhenti`);
    if (inflight.length === 0) return;
    let bound: unknown = null;
    await Promise.race([
      Promise.allSettled(inflight),
      new Promise<void>((resolve) => (bound = this.#o.scheduler.setTimeout(resolve, this.#o.closeTimeoutMs))),
    ]);
    this.#o.scheduler.clearTimeout(bound);
  }

  #lane(gateway: Gateway): Lane {
    const lane = this.#lanes.get(gateway);
    if (!lane) throw new Error(`unknown gateway ${String(gateway)}`);
    return lane;
  }

  #pump(lane: Lane): void {
    if (this.#closed || lane.inflight || lane.timer !== null) return;
    const item = lane.items[0];
    if (!item) return;
    lane.inflight = this.#attempt(lane, item).finally(() => {
      lane.inflight = null;
      this.#pump(lane);
    });
  }

  async #attempt(lane: Lane, item: Item): Promise<void> {
    // BERHENTI may have arrived while this reply waited.
    if (!this.#o.mayReply(item.to, item.id)) return this.#settle(lane, item, { sent: false, error: STOPPED, quiet: true });
    if (this.#o.now().getTime() - item.queuedAt > this.#o.maxAgeMs) {
      return this.#settle(lane, item, { sent: false, error: `Balasan dibatalkan: lebih dari ${Math.round(this.#o.maxAgeMs / 60_000)} menit menunggu gateway` });
    }
    const sender = this.#o.sender(item.gateway);
    if (!sender) return this.#settle(lane, item, { sent: false, error: 'Gateway balasan belum diatur', health: true });
    try {
      await sender.send(item.to, item.text, { ...item.meta, id: item.id });
    } catch (err) {
      // Anything but a SendError is our own fault; its message may say anything, so it is not shown.
      const e = err instanceof SendError ? err : new SendError('Balasan gagal dikirim (kesalahan di server)', false);
      lane.health.lastErrorAt = this.#o.now().toISOString();
      lane.health.lastError = e.message;
      if (e.transient && !this.#closed && item.retries < this.#o.backoffMs.length) {
        const pause = this.#o.backoffMs[item.retries]!;
        item.retries++;
        lane.timer = this.#o.scheduler.setTimeout(() => {
          lane.timer = null;
          this.#pump(lane);
        }, pause);
        return;
      }
      return this.#settle(lane, item, { sent: false, error: e.message });
    }
    lane.health.lastReplyAt = this.#o.now().toISOString();
    this.#settle(lane, item, { sent: true });
  }

  /**
   * Takes the item off its queue and tells the owner. `health`: the reason also becomes the
   * gateway's last error (a send's own failure is already there); `quiet`: not a failure to log.
   */
  #settle(lane: Lane, item: Item, end: { sent: true } | { sent: false; error: string; health?: boolean; quiet?: boolean }): void {
    if (lane.items[0] === item) lane.items.shift();
    if (!end.sent) {
      if (end.health) {
        lane.health.lastErrorAt = this.#o.now().toISOString();
        lane.health.lastError = end.error;
      }
      if (!end.quiet) this.#o.log?.(`kentongan: balasan ${item.gateway} ke ${maskPhone(item.to)} tidak terkirim: ${end.error}`);
    }
    this.#o.onSettled?.({ id: item.id, gateway: item.gateway, to: item.to, sent: end.sent, error: end.sent ? null : end.error });
  }
}
