import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from '../../server/domain/percent.ts';

describe('largestRemainder (percentages that sum to 100)', () => {
  it.each([
    [[1, 3, 3], [14, 43, 43]],
    [[1, 1, 1], [34, 33, 33]],
    [[2, 2, 2], [34, 33, 33]],
    [[1, 2], [33, 67]],
    [[11, 1, 0, 2], [79, 7, 0, 14]],
    [[1, 1, 1, 1, 1, 1, 1], [15, 15, 14, 14, 14, 14, 14]],
    [[1, 0, 0, 0], [100, 0, 0, 0]],
    [[0, 5], [0, 100]],
    [[333, 333, 334], [33, 33, 34]],
    [[1, 1, 1, 0, 0, 0, 0, 0, 0, 0], [34, 33, 33, 0, 0, 0, 0, 0, 0, 0]],
  ])('%j → %j', (counts, expected) => {
    expect(largestRemainder(counts)).toEqual(expected);
    expect(largestRemainder(counts).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('gives all zeros when nobody answered, and an empty list for no options', () => {
    expect(largestRemainder([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
    expect(largestRemainder([])).toEqual([]);
  });

  it('always sums to 100, never moves a share more than one point from its exact value, and keeps order', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 10 }).filter((c) => c.some((x) => x > 0)), (counts) => {
      const pct = largestRemainder(counts);
      const total = counts.reduce((a, b) => a + b, 0);
      expect(pct.reduce((a, b) => a + b, 0)).toBe(100);
      counts.forEach((c, i) => {
        const exact = (c * 100) / total;
        expect(pct[i]!).toBeGreaterThanOrEqual(Math.floor(exact));
        expect(pct[i]!).toBeLessThanOrEqual(Math.ceil(exact));
        // A larger count never shows a smaller percentage.
        counts.forEach((d, j) => { if (c > d) expect(pct[i]!).toBeGreaterThanOrEqual(pct[j]!); });
      });
    }), { numRuns: 300 });
  });
});
