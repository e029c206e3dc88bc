import type { StaffService } from '../../auth/staff-service.ts';
import type { EpisodeService } from '../../app/episode-service.ts';
import type { TranscriptArchive } from '../../app/transcripts.ts';
import type { AspirationService } from '../../app/aspiration-service.ts';
import type { ErasureService } from '../../app/erasure-service.ts';
import type { AuditService } from '../../app/audit-service.ts';
import type { AddressLimiter, Limit } from '../../realtime/rate-limit.ts';
import type { PendingCaps } from '../../domain/question.ts';
import type { PublicAddress } from '../../contract/public-address.ts';
import type { Station } from '../../contract/station.ts';
import type { ReaderService } from '../../app/reader-service.ts';

import type { ModerationService } from '../../app/moderation-service.ts';
import type { BlockService } from '../../app/block-service.ts';

export interface HttpDeps {
  /** The flags' word list and the admin's changes to it. */
  moderation: ModerationService;
  /** Blocking a sender from a question's card, and lifting it. */
  blocks: BlockService;
  episodes: EpisodeService;
  aspirations: AspirationService;
  staff: StaffService;
  transcripts: TranscriptArchive;
  /** Erasure across the stores (UU PDP): listener data, contacts, episode cascade, notulas. */
  erasure: ErasureService;
  /** The audit log of staff actions (DATA_DIR/audit.jsonl). */
  audit: AuditService;
  secureCookies: boolean;
  log: (line: string) => void;
  /** STATION_NAME and DATA_LICENSE, defaults filled in. */
  station: Station;
  /** PUBLIC_URL, parsed; null when the station did not set one. */
  publicUrl: URL | null;
  /** How many reverse proxies' X-Forwarded-For to believe (see net/client-address.ts). */
  trustProxy: number;
  /** The join address in use (PUBLIC_URL, else a LAN address picked at listen; see net/public-address.ts). */
  publicAddress: () => PublicAddress;
  /** The readers of the public episode pages: views and the reader poll (data/readers.json). */
  readers: ReaderService;
  /** Per client address limits (realtime/rate-limit.ts), shared with the sockets. */
  addressLimit: AddressLimiter;
  /** Per listener token limits, the very limiter the sockets count on (the page without JavaScript pays into it). */
  tokenLimit: Limit;
  /** Signs listener tokens (auth/tokens.ts), as the socket handshake does. */
  listenerSecret: string;
  /** Caps on listeners' questions waiting for a screener, as on the socket (defaults in domain/question.ts). */
  pendingCaps?: PendingCaps;
}
