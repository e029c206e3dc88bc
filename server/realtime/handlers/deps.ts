import type { EpisodeService } from '../../app/episode-service.ts';
import type { Broadcaster } from '../broadcaster.ts';

export interface RealtimeDeps {
  episodes: EpisodeService;
  broadcaster: Broadcaster;
  log: (line: string) => void;
}
