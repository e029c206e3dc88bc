// The status history the public usulan tracker (issue 12) prints: appended by the rules, never rewritten.
import { describe, expect, it } from 'vitest';
import { historyOf, mergeAspirations, setAspirationStatus, submitAspiration } from '../../server/domain/aspiration.ts';
import type { Aspiration } from '../../server/contract/types.ts';
import { listener, liveEpisode, makeCtx, planner, unwrap } from './fixtures.ts';
import { testDistrict, usulan } from './planning-fixtures.ts';

function world() {
  const ctx = makeCtx();
  const e = liveEpisode(ctx);
  const district = testDistrict();
  const list: Aspiration[] = [];
  const submit = (who: string, text: string) => {
    ctx.tick();
    return unwrap(submitAspiration(list, district, e, listener(who), usulan({ text }), ctx));
  };
  return { ctx, list, submit };
}

describe('aspiration status history', () => {
  it('starts as "baru" and appends each status with its reason, earlier steps unchanged', () => {
    const w = world();
    const a = w.submit('L-1', 'Perbaikan jembatan');
    const created = a.createdAt;
    expect(a.history).toEqual([{ at: created, status: 'baru' }]);
    w.ctx.tick();
    unwrap(setAspirationStatus(w.list, planner, [a.id], 'ditinjau', null, w.ctx));
    const first = [...a.history!];
    w.ctx.tick();
    unwrap(setAspirationStatus(w.list, planner, [a.id], 'ditolak', 'Sudah dianggarkan tahun ini.', w.ctx));
    expect(a.history!.slice(0, 2)).toEqual(first);
    expect(a.history!.map((h) => [h.status, h.reason])).toEqual([['baru', undefined], ['ditinjau', undefined], ['ditolak', 'Sudah dianggarkan tahun ini.']]);
    expect(a.history![2]!.at).toBe(a.updatedAt);
  });

  it('records a merge on the duplicate, pointing at its target', () => {
    const w = world();
    const target = w.submit('L-1', 'Sumur bor');
    const dup = w.submit('L-2', 'Sumur bor lagi');
    w.ctx.tick();
    unwrap(mergeAspirations(w.list, planner, [dup.id], target.id, w.ctx));
    expect(dup.history!.at(-1)).toEqual({ at: dup.updatedAt, status: 'digabung', mergedInto: target.id });
    expect(target.history).toEqual([{ at: target.createdAt, status: 'baru' }]);
  });

  it('derives a history for an usulan saved before it existed, and appends to it', () => {
    const w = world();
    const a = w.submit('L-1', 'Lampu jalan');
    w.ctx.tick();
    unwrap(setAspirationStatus(w.list, planner, [a.id], 'ditinjau', null, w.ctx));
    delete a.history; // as in an aspirations.json written before issue 12
    expect(historyOf(a)).toEqual([{ at: a.createdAt, status: 'baru' }, { at: a.updatedAt, status: 'ditinjau' }]);
    const reviewedAt = a.updatedAt;
    w.ctx.tick();
    unwrap(setAspirationStatus(w.list, planner, [a.id], 'diteruskan', null, w.ctx));
    expect(a.history!.map((h) => [h.status, h.at === reviewedAt])).toEqual([['baru', false], ['ditinjau', true], ['diteruskan', false]]);
  });
});
