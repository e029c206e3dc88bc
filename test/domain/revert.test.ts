// After a failed write is rolled back, the changes sent to every screen describe what the
// failed command touched as it is again (domain/revert.ts).
import { describe, expect, it } from 'vitest';
import { revertChanges } from '../../server/domain/revert.ts';
import type { Change } from '../../server/domain/changes.ts';
import { approvedFromListener, liveEpisode, makeCtx } from './fixtures.ts';

describe('revertChanges', () => {
  it('sends the question as it is again, or its removal when it never reached the disk', () => {
    const ctx = makeCtx();
    const e = liveEpisode(ctx);
    const kept = approvedFromListener(e, ctx, 'l1', 'Kapan jalan diperbaiki?');
    const failed: Change[] = [
      { kind: 'question', question: { ...kept, status: 'on_air' } },
      { kind: 'question', question: { ...kept, id: 'gone' } },
      { kind: 'votes', questionId: kept.id, count: 9 },
    ];
    expect(revertChanges(e, failed)).toEqual([
      { kind: 'question', question: kept },
      { kind: 'questionRemoved', questionId: 'gone' },
      { kind: 'question', question: kept },
    ]);
  });

  it('sends the episode, closing, listener count and edit log as they are; aspirations are another store’s', () => {
    const e = liveEpisode(makeCtx());
    const failed: Change[] = [
      { kind: 'episode', info: { ...e, title: 'Judul baru' }, status: 'ended' },
      { kind: 'closing', closing: [] },
      { kind: 'listeners', count: 99 },
      { kind: 'edits', edits: [] },
      { kind: 'noteRemoved', noteId: 'n1' },
    ];
    const back = revertChanges(e, failed);
    expect(back[0]).toMatchObject({ kind: 'episode', status: e.status, info: { title: e.title } });
    expect(back.slice(1)).toEqual([
      { kind: 'closing', closing: e.closing },
      { kind: 'listeners', count: e.listeners.length },
      { kind: 'edits', edits: [] },
      { kind: 'noteRemoved', noteId: 'n1' },
    ]);
  });
});
