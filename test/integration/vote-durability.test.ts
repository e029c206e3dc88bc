// A vote is journaled on its own, apart from the episode file. If its question was
// approved a moment earlier and that write is not yet on disk, acknowledging the vote
// would promise something a crash takes back: the journal replay refuses a vote on a
// question that is still pending on disk. The vote's acknowledgement waits for it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listener, must } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';
import { approveQuestion } from '../../server/domain/question.ts';
import { castVote } from '../../server/domain/vote.ts';

describe('a vote right after its question was approved', () => {
  const studio = studioServer({ fsync: true });

  it('is acknowledged only once the approval is on disk', async () => {
    const ep = await createLiveEpisode(studio.url, studio.hostCookie);
    const file = join(studio.server.dataDir, 'episodes', `${ep.id}.json`);
    const asker = (await listener(studio.url)).socket;
    const voter = { kind: 'listener' as const, listenerId: 'pendengar-cepat' };
    const screener = { kind: 'staff' as const, staffId: 's1', role: 'screener' as const, name: 'Penyaring' };
    for (let round = 0; round < 5; round++) {
      const q = await must(asker, 'question:ask', { episodeId: ep.id, text: `Pertanyaan nomor ${round} yang baru disetujui` });
      expect(q.status).toBe('pending');
      const order: string[] = [];
      let statusOnDiskAtAck = '';
      // Two commands back to back, as two sockets' events arrive: the approval's full
      // write is under way when the vote's journal line is written.
      const approving = studio.server.app.episodes.run(ep.id, (e) => approveQuestion(e, screener, q.id)).then((r) => {
        order.push('approve');
        return r;
      });
      const voting = studio.server.app.episodes.run(ep.id, (e) => castVote(e, voter, q.id)).then(async (r) => {
        order.push('vote');
        const onDisk = JSON.parse(await readFile(file, 'utf8')) as { questions: Array<{ id: string; status: string }> };
        statusOnDiskAtAck = onDisk.questions.find((x) => x.id === q.id)?.status ?? 'missing';
        return r;
      });
      const [approved, voted] = await Promise.all([approving, voting]);
      expect(approved.ok).toBe(true);
      expect(voted).toEqual({ ok: true, value: 1 });
      expect(order).toEqual(['approve', 'vote']);
      expect(statusOnDiskAtAck).toBe('approved');
    }
    asker.disconnect();
  });
});
