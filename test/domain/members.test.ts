// The membership index must answer exactly as scanning the array would, whatever mix of
// adds, removals and direct array changes happened before.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMember, isMember, removeMember } from '../../server/domain/members.ts';

describe('members', () => {
  it('agrees with Array.includes through any sequence of changes', () => {
    const id = fc.integer({ min: 0, max: 60 }).map((n) => `L${n}`);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), id }),
      fc.record({ kind: fc.constant('remove' as const), id }),
      fc.record({ kind: fc.constant('ask' as const), id }),
      fc.record({ kind: fc.constant('raw-push' as const), id }), // a change made without the helpers
      fc.record({ kind: fc.constant('raw-pop' as const), id }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
      const list: string[] = [];
      for (const o of ops) {
        if (o.kind === 'add' && !list.includes(o.id)) addMember(list, o.id);
        if (o.kind === 'remove') {
          const was = list.includes(o.id);
          expect(removeMember(list, o.id)).toBe(was);
        }
        if (o.kind === 'raw-push' && !list.includes(o.id)) list.push(o.id);
        if (o.kind === 'raw-pop') list.pop();
        for (const probe of [o.id, 'L0', 'L59', 'nobody']) expect(isMember(list, probe)).toBe(list.includes(probe));
      }
      expect(new Set(list).size).toBe(list.length);
    }), { numRuns: 300 });
  });

  it('keeps the order of the others when removing', () => {
    const list = Array.from({ length: 100 }, (_, i) => `L${i}`);
    expect(isMember(list, 'L50')).toBe(true);
    expect(removeMember(list, 'L50')).toBe(true);
    expect(list.slice(48, 52)).toEqual(['L48', 'L49', 'L51', 'L52']);
    expect(isMember(list, 'L50')).toBe(false);
    expect(removeMember(list, 'L50')).toBe(false);
    addMember(list, 'L50');
    expect(list.at(-1)).toBe('L50');
    expect(isMember(list, 'L50')).toBe(true);
  });
});
