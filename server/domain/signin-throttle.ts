// Failed sign-ins, counted per address and per username, with a lock that doubles with
// every failure past the free ones. Pure: the clock is passed in, nothing is stored.
//
// The two counters play different parts. Per address is the strict one: it is what stops
// one machine guessing. Per username is short and capped, because anyone can type the
// admin's username: an attacker spread over many addresses slows the guessing down, but
// can lock an account for at most `maxLockSeconds` at a time, and never from an address
// the account has signed in from before: such a known pair skips the username counter
// (its address counter still applies), so an attacker re-locking "admin" once a minute
// does not keep the admin out of the studio.

export interface LockRule {
  /** Failures allowed before the first lock. */
  free: number;
  /** The first lock; each further failure doubles it. */
  lockSeconds: number;
  /** No lock is longer than this. */
  maxLockSeconds: number;
  /** The count starts again after this long without a failure. */
  forgetSeconds: number;
}

export interface SignInLimits {
  address: LockRule;
  username: LockRule;
  /** How long a successful address + username pair skips the username counter. */
  knownSeconds: number;
}

export const DEFAULT_SIGNIN_LIMITS: SignInLimits = {
  // A studio shares one address among its staff: ten fumbles before a lock, then an hour at most.
  address: { free: 10, lockSeconds: 60, maxLockSeconds: 3600, forgetSeconds: 86_400 },
  // A minute at most: the admin who mistyped, or who is being guessed at, gets back in soon.
  username: { free: 5, lockSeconds: 5, maxLockSeconds: 60, forgetSeconds: 3600 },
  knownSeconds: 30 * 86_400,
};

interface Entry {
  failures: number;
  /** Attempts let through whose password is still being checked. */
  inFlight: number;
  lockedUntil: number;
  lastFailure: number;
}

/** One sign-in that was let through; settle it exactly once. */
export interface Attempt {
  succeeded(): void;
  failed(): void;
  /** Neither: the password was never checked (the server was busy). */
  abandoned(): void;
}

export type Admission = { ok: true; attempt: Attempt } | { ok: false; waitSeconds: number };

export class SignInThrottle {
  readonly #entries = new Map<string, Entry>();
  /** "address username" → until when that pair is known (it signed in successfully). */
  readonly #known = new Map<string, number>();

  constructor(
    private readonly limits: SignInLimits,
    private readonly now: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counters held now (for the memory bound). */
  get size(): number {
    return this.#entries.size;
  }

  /** Call before checking a password: either a reserved attempt, or how long to wait. */
  admit(address: string, username: string): Admission {
    const t = this.now();
    const pair = `${address} ${username}`;
    const known = (this.#known.get(pair) ?? 0) > t;
    const keys: Array<[string, LockRule]> = [[`a:${address}`, this.limits.address]];
    if (!known) keys.push([`u:${username}`, this.limits.username]);
    let wait = 0;
    for (const [key, rule] of keys) wait = Math.max(wait, this.#wait(key, rule, t));
    if (wait > 0) return { ok: false, waitSeconds: Math.ceil(wait / 1000) };
    // Marked in flight one by one: making the second entry may prune, and must not prune the first.
    const entries = keys.map(([key]) => {
      const e = this.#entry(key);
      e.inFlight++;
      return e;
    });
    let settled = false;
    const settle = (fn: (e: Entry, rule: LockRule, key: string) => void): boolean => {
      if (settled) return false;
      settled = true;
      keys.forEach(([key, rule], i) => {
        const e = entries[i]!;
        e.inFlight--;
        fn(e, rule, key);
      });
      return true;
    };
    return {
      ok: true,
      attempt: {
        succeeded: () => {
          if (settle((e, _rule, key) => { if (e.inFlight === 0) this.#entries.delete(key); else Object.assign(e, { failures: 0, lockedUntil: 0 }); })) this.#remember(pair);
        },
        failed: () => settle((e, rule) => {
          const at = this.now();
          e.failures++;
          e.lastFailure = at;
          const over = e.failures - rule.free;
          if (over >= 0) e.lockedUntil = at + Math.min(rule.maxLockSeconds, rule.lockSeconds * 2 ** Math.min(over, 30)) * 1000;
        }),
        abandoned: () => settle(() => {}),
      },
    };
  }

  /** Milliseconds this key must wait before a new attempt; 0 when it may go ahead. */
  #wait(key: string, rule: LockRule, t: number): number {
    const e = this.#entries.get(key);
    if (!e) return 0;
    if (e.lockedUntil > t) return e.lockedUntil - t;
    if (e.inFlight === 0 && t - e.lastFailure >= rule.forgetSeconds * 1000) {
      this.#entries.delete(key);
      return 0;
    }
    // Attempts in flight count as failures to come: sixteen sent at once must not all slip
    // past a limit of five before the first of them has failed.
    if (e.inFlight > 0 && e.failures + e.inFlight >= rule.free) return 1000;
    return 0;
  }

  #entry(key: string): Entry {
    let e = this.#entries.get(key);
    if (!e) {
      if (this.#entries.size >= this.maxKeys) this.#prune();
      e = { failures: 0, inFlight: 0, lockedUntil: 0, lastFailure: 0 };
      this.#entries.set(key, e);
    }
    return e;
  }

  #remember(pair: string): void {
    this.#known.delete(pair); // re-inserted last: the Map's order is then oldest first
    if (this.#known.size >= this.maxKeys) {
      const t = this.now();
      for (const [p, until] of this.#known) if (until <= t || this.#known.size >= this.maxKeys * 0.9) this.#known.delete(p);
    }
    this.#known.set(pair, this.now() + this.limits.knownSeconds * 1000);
  }

  /** Bounds memory when someone sprays usernames or addresses: the oldest idle entries go first. */
  #prune(): void {
    const t = this.now();
    const idle = (e: Entry) => e.inFlight === 0 && e.lockedUntil <= t;
    for (const [key, e] of this.#entries) {
      const rule = key.startsWith('a:') ? this.limits.address : this.limits.username;
      if (idle(e) && t - e.lastFailure >= rule.forgetSeconds * 1000) this.#entries.delete(key);
    }
    // Map order is insertion order: the entries made longest ago go first; locks stay.
    for (const [key, e] of this.#entries) {
      if (this.#entries.size < this.maxKeys * 0.9) break;
      if (idle(e)) this.#entries.delete(key);
    }
  }
}

/** 75 → "1 menit 15 detik"; 3700 → "1 jam 2 menit" (seconds are dropped past an hour). */
export function waitInWords(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts = h > 0 ? [h && `${h} jam`, m && `${m} menit`] : [m && `${m} menit`, sec && `${sec} detik`];
  return parts.filter(Boolean).join(' ');
}
