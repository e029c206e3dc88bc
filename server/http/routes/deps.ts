import type { StaffService } from '../../auth/staff-service.ts';
import type { EpisodeService } from '../../app/episode-service.ts';
import type { TranscriptArchive } from '../../app/transcripts.ts';

export interface HttpDeps {
  episodes: EpisodeService;
  staff: StaffService;
  transcripts: TranscriptArchive;
  secureCookies: boolean;
  log: (line: string) => void;
}
