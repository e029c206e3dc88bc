import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';

/** Events allowed per window, counted over all client events together. */
export interface RateLimit {
  points: number;
  seconds: number;
}

export interface RateLimits {
  /** Per listener token (not per IP: mobile carriers put thousands behind one address). */
  listener: RateLimit;
  /** Per signed-in staff member; staff click fast during a show and are known people. */
  staff: RateLimit;
}

/**
 * A listener taps vote, ask and join a few times a minute; a busy one a few times a
 * second. 60 events per 10 s leaves room for bursts (a reconnect, a row of votes) and
 * still turns a script flooding 600 events a second into refusals that cost microseconds.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  listener: { points: 60, seconds: 10 },
  staff: { points: 300, seconds: 10 },
};

export type Limit = (key: string, kind: 'listener' | 'staff') => DomainError | null;

/**
 * One fixed-window counter per key, in memory (one process owns the episode files anyway),
 * answered synchronously: every event of every socket passes here, and a promise per event
 * (rate-limiter-flexible's API) was 3.5 % of the server's CPU in a 5,000 votes/s storm.
 * The wall clock by default: the windows are a second or ten, and a test clock that stands
 * still would keep a refused listener refused.
 */
export function createLimiter(limits: RateLimits = DEFAULT_RATE_LIMITS, now: () => number = Date.now): Limit {
  const listener = new FixedWindow(limits.listener, now);
  const staff = new FixedWindow(limits.staff, now);
  return (key, kind) => {
    const ms = (kind === 'staff' ? staff : listener).take(key);
    if (ms === 0) return null;
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return fail('rate_limited', `(coba lagi dalam ${seconds} detik)`).error;
  };
}

// ---- Per address -------------------------------------------------------------------
//
// A listener token costs nothing (the server issues one to any socket without one), so the
// limits per token above stop one listener, not one machine: 50 fresh sockets asked 3,000
// questions in a second. These count per client address (net/client-address.ts) on top.
// Mobile carriers put many phones behind one address (CGNAT): at a big show a few hundred
// real listeners may share one, so the defaults are generous and the token limits stay the
// first line. `null` turns one off.

export type AddressLimitName = 'newTokens' | 'joins' | 'asks' | 'votes' | 'supports' | 'byCode' | 'readerVotes';
export type AddressLimits = Record<AddressLimitName, RateLimit | null>;

export const DEFAULT_ADDRESS_LIMITS: AddressLimits = {
  /** New listener identities; returning listeners keep theirs (localStorage), so this is first visits. */
  newTokens: { points: 200, seconds: 600 },
  /** A reconnect storm after a restart: every phone behind the address joins again at once. */
  joins: { points: 600, seconds: 60 },
  /** question:ask and aspiration:submit: a few in ten of a few hundred listeners per minute. */
  asks: { points: 60, seconds: 60 },
  /** vote:cast and vote:withdraw. */
  votes: { points: 600, seconds: 60 },
  /** aspiration:support. */
  supports: { points: 300, seconds: 60 },
  /** GET /api/episodes/by-code: a person types a code a few times; a script guessing draft codes tries thousands. */
  byCode: { points: 60, seconds: 60 },
  /** The reader poll of the public episode pages: one answer per reader, so a few per address in ten minutes. */
  readerVotes: { points: 30, seconds: 600 },
};

export const NO_ADDRESS_LIMITS: AddressLimits = { newTokens: null, joins: null, asks: null, votes: null, supports: null, byCode: null, readerVotes: null };

/** A refusal: the error for the client and the seconds until it may try again. */
export interface Refusal {
  error: DomainError;
  retryAfter: number;
}

export type AddressLimiter = (name: AddressLimitName, address: string) => Refusal | null;

/**
 * Fixed windows aligned on the clock, one counter per key: when the window turns the whole
 * map is dropped, so memory is bounded by the addresses seen in one window and nothing
 * needs a timer. The clock is injected, so tests move windows by hand.
 */
export class FixedWindow {
  #index = -1;
  #counts = new Map<string, number>();
  readonly #ms: number;
  constructor(readonly limit: RateLimit, private readonly now: () => number) {
    this.#ms = limit.seconds * 1000;
  }

  /** Counts one; 0 when allowed, else the milliseconds until the window turns. */
  take(key: string): number {
    const t = this.now();
    const index = Math.floor(t / this.#ms);
    if (index !== this.#index) {
      this.#index = index;
      this.#counts.clear();
    }
    const used = this.#counts.get(key) ?? 0;
    if (used >= this.limit.points) return (index + 1) * this.#ms - t;
    this.#counts.set(key, used + 1);
    return 0;
  }
}

/** "30 detik", "2 menit": a listener reads it, so whole minutes from two minutes on. */
export function retryWords(seconds: number): string {
  return seconds >= 120 ? `${Math.ceil(seconds / 60)} menit` : `${seconds} detik`;
}

export function createAddressLimiter(limits: Partial<AddressLimits> = {}, now: () => number = Date.now): AddressLimiter {
  const windows = new Map<AddressLimitName, FixedWindow>();
  for (const name of Object.keys(DEFAULT_ADDRESS_LIMITS) as AddressLimitName[]) {
    const limit = name in limits ? limits[name] : DEFAULT_ADDRESS_LIMITS[name];
    if (limit) windows.set(name, new FixedWindow(limit, now));
  }
  return (name, address) => {
    const ms = windows.get(name)?.take(address) ?? 0;
    if (ms === 0) return null;
    const retryAfter = Math.max(1, Math.ceil(ms / 1000));
    return { error: { ...fail('address_limited', `Coba lagi dalam ${retryWords(retryAfter)}.`).error, retryAfter }, retryAfter };
  };
}

/** The environment variable of each per-address limit ("points/seconds" or "off"). */
export const ADDRESS_LIMIT_ENV: Record<AddressLimitName, string> = {
  newTokens: 'ADDRESS_LIMIT_NEW_TOKENS',
  joins: 'ADDRESS_LIMIT_JOINS',
  asks: 'ADDRESS_LIMIT_ASKS',
  votes: 'ADDRESS_LIMIT_VOTES',
  supports: 'ADDRESS_LIMIT_SUPPORTS',
  byCode: 'ADDRESS_LIMIT_BY_CODE',
  readerVotes: 'ADDRESS_LIMIT_READER_VOTES',
};

/**
 * Reads the per-address limits from the environment: `ADDRESS_LIMITS=off` turns them all off
 * (one machine load-testing from loopback); each `ADDRESS_LIMIT_*` is "points/seconds" or
 * "off". A value that is neither is a sentence to stop the start with, not a silent default.
 */
export function addressLimitsFromEnv(env: Record<string, string | undefined>): { ok: true; limits: AddressLimits } | { ok: false; error: string } {
  const all = env.ADDRESS_LIMITS?.trim().toLowerCase();
  if (all && all !== 'off' && all !== 'on') return { ok: false, error: `ADDRESS_LIMITS tidak valid: "${env.ADDRESS_LIMITS}". Tulis off (semua batas per alamat mati) atau on.` };
  const limits: AddressLimits = { ...(all === 'off' ? NO_ADDRESS_LIMITS : DEFAULT_ADDRESS_LIMITS) };
  for (const name of Object.keys(ADDRESS_LIMIT_ENV) as AddressLimitName[]) {
    const key = ADDRESS_LIMIT_ENV[name];
    const raw = env[key]?.trim();
    if (!raw) continue;
    if (raw.toLowerCase() === 'off') {
      limits[name] = null;
      continue;
    }
    const m = /^(\d{1,9})\s*\/\s*(\d{1,7})$/.exec(raw);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return { ok: false, error: `${key} tidak valid: "${raw}". Tulis jumlah/detik, misalnya 60/60, atau off.` };
    limits[name] = { points: Number(m[1]), seconds: Number(m[2]) };
  }
  return { ok: true, limits };
}
