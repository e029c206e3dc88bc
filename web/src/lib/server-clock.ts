// The server's time as this browser can know it. A studio laptop's clock may be minutes
// off (no network time, a dead CMOS battery), and "on air for 37:12" for a question aired
// a second ago would mislead a host on air. Nothing new is asked of the server: every
// HTTP answer carries a Date header (the server's time, to the second), and every
// timestamp the server sends (a question's onAirAt) was made before it arrived. Each is a
// bound on offset = server − browser; their intersection narrows it to about a second.

/** How often sync() may ask again (each question going on air asks). */
const RESYNC_MS = 60_000;

// Plain TypeScript (no runes): pages re-read now() on their own tick, and the rule is unit-tested.
export class ServerClock {
  /** Server time minus this browser's time, in milliseconds (0 until something is known). */
  offset = 0;
  #lo = -Infinity;
  #hi = Infinity;
  #lastSync = -Infinity;
  #syncing: Promise<void> | null = null;

  /** The server's time now, by this browser's clock corrected. */
  now(): number {
    return Date.now() + this.offset;
  }

  /** A Date header read from an answer to a request sent at `sentAt` and received at `receivedAt` (browser times). */
  noteHttpDate(header: string | null, sentAt: number, receivedAt: number): void {
    const d = header ? Date.parse(header) : NaN;
    if (!Number.isFinite(d)) return;
    // The server read its clock between our sending and receiving, and the header drops the milliseconds.
    this.#narrow(d - receivedAt, d + 1000 - sentAt);
  }

  /** A server timestamp that has just arrived: the server made it before this moment. */
  noteStamp(iso: string | null, receivedAt = Date.now()): void {
    const t = iso ? Date.parse(iso) : NaN;
    if (Number.isFinite(t)) this.#narrow(t - receivedAt, Infinity);
  }

  /** Reads the server's Date header (a HEAD of /api/health); at most once a minute. */
  sync(): Promise<void> {
    if (this.#syncing) return this.#syncing;
    if (Date.now() - this.#lastSync < RESYNC_MS && Date.now() >= this.#lastSync) return Promise.resolve();
    this.#syncing = (async () => {
      try {
        const sentAt = Date.now();
        const res = await fetch('/api/health', { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
        this.noteHttpDate(res.headers.get('date'), sentAt, Date.now());
        this.#lastSync = Date.now();
      } catch {
        /* offline: keep what is known and try again next time */
      } finally {
        this.#syncing = null;
      }
    })();
    return this.#syncing;
  }

  #narrow(lo: number, hi: number): void {
    const nlo = Math.max(this.#lo, lo);
    const nhi = Math.min(this.#hi, hi);
    if (nlo > nhi) {
      // The bounds disagree: this browser's clock was set (or the laptop slept through a
      // correction). What was known is stale; start again from this sample.
      this.#lo = lo;
      this.#hi = hi;
    } else {
      this.#lo = nlo;
      this.#hi = nhi;
    }
    // Within the bounds, the middle; with only a lower bound, assume the clocks agree unless it says otherwise.
    const next = Number.isFinite(this.#lo) && Number.isFinite(this.#hi)
      ? (this.#lo + this.#hi) / 2
      : Math.min(this.#hi, Math.max(this.#lo, 0));
    this.offset = Math.round(next);
  }
}

export const serverClock = new ServerClock();

/** "01:05": minutes and seconds, minutes past 59 kept ("75:03"), never negative. */
export function formatMinutesSeconds(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
