// A vote is journaled on its own, apart from the episode file. If its question was
// approved a moment earlier and that approval is not yet on disk, acknowledging the vote
// would promise something a crash takes back: the journal replay refuses a vote on a
// question that is still pending on disk. The approval is a journal line written before the
// vote's, so at the vote's acknowledgement what a restart finds holds both.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { EpisodeStore } from '../../server/store/episodes.ts';
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
        // What a restart would find at this moment: the data folder as it is, opened again.
        const copy = await mkdtemp(join(tmpdir(), 'kentongan-at-ack-'));
        await cp(studio.server.dataDir, copy, { recursive: true });
        const found = (await EpisodeStore.open({ dataDir: copy, log: () => undefined })).get(ep.id)!.questions.find((x) => x.id === q.id);
        await rm(copy, { recursive: true, force: true });
        statusOnDiskAtAck = found ? `${found.status} ${found.voters.includes(voter.listenerId) ? 'with' : 'without'} the vote` : 'missing';
        return r;
      });
      const [approved, voted] = await Promise.all([approving, voting]);
      expect(approved.ok).toBe(true);
      expect(voted).toEqual({ ok: true, value: 1 });
      expect(order).toEqual(['approve', 'vote']);
      expect(statusOnDiskAtAck).toBe('approved with the vote');
    }
    asker.disconnect();
  });
});
