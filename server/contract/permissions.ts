import type { Actor, Role } from './types.ts';

// Who may do what. The one table that socket handlers and HTTP routes both consult.
export const PERMISSIONS = {
  'episode.create': ['admin', 'host'],
  'episode.edit': ['admin', 'host'],
  'episode.start': ['admin', 'host'],
  'episode.end': ['admin', 'host'],
  'episode.delete': ['admin'],
  'episode.moderation': ['admin', 'host', 'screener'],
  'episode.viewStaff': ['admin', 'host', 'screener', 'notulis', 'planner'],
  'question.submit': ['admin', 'host', 'screener'],
  'question.moderate': ['admin', 'host', 'screener'],
  'question.air': ['admin', 'host'],
  'note.write': ['admin', 'notulis', 'host'],
  /** After the show: the recording link, question headings, notes and closing statements. */
  'episode.correct': ['admin', 'host', 'notulis'],
  'notula.export': ['admin', 'host', 'screener', 'notulis', 'planner'],
  'transcript.import': ['admin'],
  /** Removing a notula from the archive (erasure). */
  'transcript.delete': ['admin'],
  /** Reading the audit log of staff actions. */
  'audit.read': ['admin'],
  'staff.manage': ['admin'],
  'poll.run': ['admin', 'host'],
  'aspiration.submit': ['admin', 'host', 'screener'],
  /** Hiding an aspiration during the show (status "ditolak" with a reason). */
  'aspiration.moderate': ['admin', 'host', 'screener', 'planner'],
  /** The planner's desk: list, edit, status, merge, notes, exports. */
  'aspiration.review': ['admin', 'planner'],
  'district.manage': ['admin'],
  /** The words the flags look for: added and removed by the admin. */
  'moderation.manage': ['admin'],
  /** The SMS/WhatsApp gateways' secrets and addresses. */
  'intake.manage': ['admin'],
  /** Answering a texting listener, and seeing the gateways' health. */
  'intake.reply': ['admin', 'host', 'screener'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor || actor.kind !== 'staff') return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}
