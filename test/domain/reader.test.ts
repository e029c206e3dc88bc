// The reader poll and view-count rules without a server.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { castReaderVote, countView, emptyRecord, parseOption, readerStats } from '../../server/domain/reader.ts';
import type { ViewDay } from '../../server/domain/reader.ts';

describe('reader rules', () => {
  it('counts a view once for any of the reader’s keys on a day', () => {
    const rec = emptyRecord();
    const day: ViewDay = { day: '2026-11-20', seen: new Set() };
    expect(countView(rec, day, ['t:a', 'a:x'])).toBe(true);
    expect(countView(rec, day, ['t:a'])).toBe(false);
    expect(countView(rec, day, ['a:x'])).toBe(false);
    expect(countView(rec, day, ['t:b'])).toBe(true);
    expect(rec.views).toBe(2);
  });

  it('takes "1"…"4" and nothing else as a choice', () => {
    expect(['1', '2', '3', '4', ' 2 '].map(parseOption)).toEqual([0, 1, 2, 3, 1]);
    for (const bad of ['0', '5', '9', '10', '-1', '1.0', 'satu', '', 1, null, ['1'], { a: 1 }]) expect(parseOption(bad), String(bad)).toBeNull();
  });

  it('keeps the first answer of a reader and refuses the rest', () => {
    const rec = emptyRecord();
    expect(castReaderVote(rec, 'r1', '2')).toEqual({ ok: true, option: 1 });
    const again = castReaderVote(rec, 'r1', '1');
    expect(again.ok || again.error.code).toBe('reader_already_voted');
    const missing = castReaderVote(rec, 'r2', undefined);
    expect(missing.ok || missing.error.code).toBe('reader_choice_missing');
    const forged = castReaderVote(rec, 'r2', '7');
    expect(forged.ok || forged.error.code).toBe('poll_option_invalid');
    // "__proto__" is a key like any other, not the object's prototype.
    expect(castReaderVote(rec, '__proto__', '4').ok).toBe(true);
    expect(readerStats(rec).poll.options.map((o) => o.count)).toEqual([0, 1, 0, 1]);
  });

  it('shows whole percentages summing to 100 for any answers', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 200 }), (answers) => {
      const rec = emptyRecord();
      answers.forEach((a, i) => castReaderVote(rec, `r${i}`, String(a + 1)));
      const s = readerStats(rec);
      expect(s.poll.total).toBe(answers.length);
      expect(s.poll.options.reduce((n, o) => n + o.percent, 0)).toBe(100);
    }));
    expect(readerStats(undefined).poll.options.map((o) => o.percent)).toEqual([0, 0, 0, 0]);
  });
});
