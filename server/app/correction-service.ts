import type { Ctx, Result } from '../domain/result.ts';
import type { Episode, Id } from '../contract/types.ts';
import type { AspirationService } from './aspiration-service.ts';
import type { EpisodeService, Outcome } from './episode-service.ts';
import type { TranscriptArchive } from './transcripts.ts';

export interface CorrectionServiceDeps {
  episodes: EpisodeService;
  aspirations: AspirationService;
  transcripts: TranscriptArchive;
  log: (line: string) => void;
}

/**
 * Corrections after the show (domain/correction.ts): the rule runs and is saved like any
 * command, then the archived notula in transcripts/ is rewritten under the same name, before
 * the acknowledgement, so what the notulis sees as saved is what the archive holds.
 */
export class CorrectionService {
  constructor(private deps: CorrectionServiceDeps) {}

  /** Whether this episode takes corrections now (ended) rather than the live rules. */
  isEnded(episodeId: Id): boolean {
    return this.deps.episodes.find(episodeId)?.status === 'ended';
  }

  async run<T, V = T>(episodeId: Id, rule: (e: Episode, ctx: Ctx) => Result<T>, present?: (value: T) => V): Promise<Outcome<V>> {
    const out = await this.deps.episodes.run(episodeId, rule, present);
    if (!out.ok) return out;
    const e = this.deps.episodes.find(episodeId);
    if (e) await this.republish(e);
    return out;
  }

  /** Rewrites the episode's notula; a failure is logged (the episode is saved, and the next correction or end rewrites it). */
  async republish(e: Episode): Promise<string | null> {
    try {
      return await this.deps.transcripts.write(e, this.deps.aspirations.notulaFor(e));
    } catch (err) {
      this.deps.log(`kentongan: could not rewrite transcript for ${e.id}: ${(err as Error).message}`);
      return null;
    }
  }
}
