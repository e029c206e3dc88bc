// The listener chart's arithmetic (web/src/routes/stats/chart.ts): a round scale in whole
// steps, times spread across the width, the peak placed where it happened.
import { describe, expect, it } from 'vitest';
import { chart, roundTop } from '../../web/src/routes/stats/chart.ts';

const box = { width: 320, height: 180, left: 30, right: 10, top: 20, bottom: 20 };
const at = (min: number) => new Date(Date.parse('2026-10-03T12:00:00.000Z') + min * 60_000).toISOString();

describe('the listener chart', () => {
  it('rounds the step to 1, 2 or 5 × 10^k', () => {
    expect([0, 1, 1.2, 2.25, 3, 7, 250, 308].map(roundTop)).toEqual([1, 1, 2, 5, 5, 10, 500, 500]);
  });

  it('scales counts in whole steps just above the most seen', () => {
    const c = chart([{ at: at(0), connected: 2 }, { at: at(1), connected: 9 }], null, box);
    expect(c.yTicks.map((t) => t.value)).toEqual([0, 5, 10]);
    expect(c.yTicks[0]!.y).toBe(160);
    expect(c.yTicks.at(-1)!.y).toBe(20);
    const big = chart([{ at: at(0), connected: 1234 }], null, box);
    expect(big.yTicks.map((t) => t.value)).toEqual([0, 500, 1000, 1500]);
    expect(chart([{ at: at(0), connected: 0 }], null, box).yTicks.map((t) => t.value)).toEqual([0, 1]);
  });

  it('spreads the points and the time labels from the first moment to the last, the peak among them', () => {
    const series = [0, 1, 2, 3].map((m) => ({ at: at(m), connected: m + 1 }));
    const c = chart(series, { at: at(1.5), connected: 7 }, box);
    expect(c.line.map((p) => p.x)).toEqual([30, 123.33333333333333, 216.66666666666666, 310]);
    expect(c.xTicks.map((t) => t.at)).toEqual([at(0), at(1), at(2), at(3)]);
    expect(c.peak).toMatchObject({ x: 170, connected: 7 });
    expect(c.points.split(' ')).toHaveLength(4);
  });

  it('puts a single moment in the middle instead of dividing by nothing', () => {
    const c = chart([{ at: at(0), connected: 3 }], { at: at(0), connected: 3 }, box);
    expect(c.line[0]!.x).toBe(170);
    expect(c.xTicks).toEqual([{ x: 170, at: at(0) }]);
  });
});
