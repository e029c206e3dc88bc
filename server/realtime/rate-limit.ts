import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { fail } from '../domain/errors.ts';
import type { DomainError } from '../domain/errors.ts';

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

export type Limit = (key: string, kind: 'listener' | 'staff') => Promise<DomainError | null>;

/** One fixed-window counter per key, in memory (one process owns the episode files anyway). */
export function createLimiter(limits: RateLimits = DEFAULT_RATE_LIMITS): Limit {
  const listener = new RateLimiterMemory({ keyPrefix: 'l', points: limits.listener.points, duration: limits.listener.seconds });
  const staff = new RateLimiterMemory({ keyPrefix: 's', points: limits.staff.points, duration: limits.staff.seconds });
  return async (key, kind) => {
    try {
      await (kind === 'staff' ? staff : listener).consume(key);
      return null;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      return fail('rate_limited', `(coba lagi dalam ${seconds} detik)`).error;
    }
  };
}
