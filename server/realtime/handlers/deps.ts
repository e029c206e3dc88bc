import type { EpisodeService } from '../../app/episode-service.ts';
import type { AspirationService } from '../../app/aspiration-service.ts';
import type { Broadcaster } from '../broadcaster.ts';

export interface RealtimeDeps {
  episodes: EpisodeService;
  broadcaster: Broadcaster;
  aspirations: AspirationService;
  log: (line: string) => void;
}
