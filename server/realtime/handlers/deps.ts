import type { EpisodeService } from '../../app/episode-service.ts';
import type { AspirationService } from '../../app/aspiration-service.ts';
import type { CorrectionService } from '../../app/correction-service.ts';
import type { Broadcaster } from '../broadcaster.ts';
import type { PendingCaps } from '../../domain/question.ts';

export interface RealtimeDeps {
  episodes: EpisodeService;
  broadcaster: Broadcaster;
  aspirations: AspirationService;
  corrections: CorrectionService;
  log: (line: string) => void;
  /** Caps on listeners' questions waiting for a screener (defaults in domain/question.ts). */
  pendingCaps?: PendingCaps;
}
