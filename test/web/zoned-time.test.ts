import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../../web/src/lib/zoned-time.ts';

describe('formatElapsed', () => {
  it.each([[0, '0:00'], [9_000, '0:09'], [65_000, '1:05'], [3_725_000, '1:02:05'], [-5, '0:00']])('%i ms → %s', (ms, s) => {
    expect(formatElapsed(ms)).toBe(s);
  });
});
