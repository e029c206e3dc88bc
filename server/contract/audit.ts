// One line of the audit log as GET /api/audit sends it (server/store/audit.ts keeps the
// log; the admin's audit page reads it).
import type { Id, Instant, Role } from './types.ts';

/** Who did it: a staff member, a listener erasing their own data (never which), or the server itself. */
export type AuditActor =
  | { kind: 'staff'; staffId: Id; name: string; role: Role }
  | { kind: 'listener' }
  | { kind: 'system' };

/**
 * One staff action. Ids, action names, counts and field names only: never listener text,
 * names, places or phone numbers (the log is kept longer than the data it describes).
 */
export interface AuditEntry {
  /** 1, 2, 3… in the order written; the page cursor. */
  seq: number;
  at: Instant;
  by: AuditActor;
  /** "question:approve", "episode.delete", "aspiration.removeContact", "listener.erase"… */
  action: string;
  episodeId?: Id;
  /** The id the action was on (question, usulan, account, transcript file name…). */
  target?: string;
  /** Counts and field names, e.g. { fields: "role,password" } or { contactsRemoved: 2 }. */
  detail?: Record<string, string | number | boolean>;
}
