// The flags measured on the labelled corpus (corpus/), against the goals: recall
// at least 0.9 on abuse and on spam, false alarms on at most 2 % of ordinary texts. The
// figures are printed in one plain line; test/bench/RESULTS.md ("flags") keeps them.
import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus/index.ts';
import { measure, summary } from './measure.ts';

describe('the moderation corpus', () => {
  it('is big and varied enough to measure on', () => {
    const count = (p: (s: (typeof CORPUS)[number]) => boolean) => CORPUS.filter(p).length;
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(count((s) => s.label === 'ordinary' && !s.tags.includes('tricky'))).toBeGreaterThanOrEqual(150);
    expect(count((s) => s.label === 'abuse')).toBeGreaterThanOrEqual(60);
    expect(count((s) => s.label === 'spam')).toBeGreaterThanOrEqual(60);
    expect(count((s) => s.tags.includes('tricky'))).toBeGreaterThanOrEqual(40);
    expect(count((s) => s.tags.includes('jawa'))).toBeGreaterThanOrEqual(20);
    expect(count((s) => s.tags.includes('sunda'))).toBeGreaterThanOrEqual(20);
    expect(new Set(CORPUS.map((s) => s.text)).size).toBe(CORPUS.length);
  });

  it('meets the goals: recall ≥ 0.9 on abuse and on spam, false alarms ≤ 2 % of ordinary texts', () => {
    const f = measure(CORPUS);
    console.log(summary(f));
    for (const o of f.falseAlarms) console.log(`  false alarm: ${o.flags.map((x) => x.reason).join(', ')} ← ${o.sample.text}`);
    for (const o of f.misses) console.log(`  missed ${o.sample.label}: ${o.sample.text}`);
    expect(f.abuse.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.spam.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.falseAlarmRate).toBeLessThanOrEqual(0.02);
  });

  it('the batch written after tuning meets them too', () => {
    const f = measure(CORPUS.filter((s) => s.tags.includes('later')));
    console.log(`later batch: ${summary(f)}`);
    expect(f.abuse.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.spam.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.falseAlarmRate).toBeLessThanOrEqual(0.02);
  });

  it('contextFlags adds nothing on a stream of distinct texts from distinct listeners', () => {
    const f = measure(CORPUS);
    expect(f.outcomes.flatMap((o) => o.flags).filter((x) => x.category === 'teks_sama' || x.category === 'terlalu_cepat')).toEqual([]);
  });
});
