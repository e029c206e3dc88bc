import type { StaffService } from '../../auth/staff-service.ts';
import type { EpisodeService } from '../../app/episode-service.ts';
import type { TranscriptArchive } from '../../app/transcripts.ts';
import type { AspirationService } from '../../app/aspiration-service.ts';

export interface HttpDeps {
  episodes: EpisodeService;
  aspirations: AspirationService;
  staff: StaffService;
  transcripts: TranscriptArchive;
  secureCookies: boolean;
  log: (line: string) => void;
}
