import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LONG, plan, text } from '../../server/store/sliced-json.ts';

const json = (v: unknown, per?: number) => [...text(plan(v), per)].join('');

/** Lists and records long enough to be copied and sliced, beside short ones and nesting. */
const id = fc.string({ minLength: 0, maxLength: 12, unit: 'grapheme' });
const primitive = fc.oneof(id, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const longList = fc.array(primitive, { minLength: LONG, maxLength: LONG + 40 });
const longRecord = fc.dictionary(id, primitive, { minKeys: LONG, maxKeys: LONG + 20 });
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, primitive, fc.constant(undefined), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(id, tie('node'), { maxKeys: 4 }), longList, longRecord),
})).node;

describe('sliced JSON', () => {
  it('is exactly JSON.stringify, whatever the value and the slice size', () => {
    fc.assert(fc.property(value, fc.integer({ min: 1, max: 3_000 }), (v, per) => {
      expect(json(v, per)).toBe(JSON.stringify(v) ?? 'null');
    }), { numRuns: 150 });
  });

  it('writes the state as it was when planned, however it changes after', () => {
    const episode = {
      id: 'e1', title: 'Obrolan "Pagi" – 🎙️', date: new Date('2026-12-04T07:00:00Z'),
      questions: [{ id: 'q1', voters: Array.from({ length: 3 * LONG }, (_, i) => `l${i}`), text: 'Jalan <rusak>' }],
      listeners: Array.from({ length: 2 * LONG }, (_, i) => `l${i}`),
      poll: { answers: Object.fromEntries(Array.from({ length: LONG + 1 }, (_, i) => [`l${i}`, i % 3])) },
      skipped: undefined, fn: () => 1,
    };
    const before = JSON.stringify(episode);
    const pieces = plan(episode);
    // Long lists and records are copies: a vote, a join and an answer made mid-write do not show.
    episode.questions[0]!.voters.push('late');
    episode.questions[0]!.voters[0] = 'changed';
    episode.listeners.splice(0, 10);
    episode.poll.answers['late'] = 1;
    episode.title = 'other';
    expect([...text(pieces, 700)].join('')).toBe(before);
    // The long ones travel as copies, not as text: the walk itself stays short.
    expect(pieces.filter((p) => typeof p !== 'string')).toHaveLength(3);
  });
});
