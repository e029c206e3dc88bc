import { describe, expect, it } from 'vitest';
import { PERMISSIONS, can } from '../../server/contract/permissions.ts';
import type { Permission } from '../../server/contract/permissions.ts';
import { ROLES } from '../../server/contract/types.ts';
import type { Role } from '../../server/contract/types.ts';
import { listener, staff } from './fixtures.ts';

// The rule checked from the roles' side, not the table written out again: what each role is
// for (docs/product.md), as the decisions that matter, and properties every row must keep.
const ADMIN_ONLY: Permission[] = ['episode.delete', 'transcript.import', 'transcript.delete', 'audit.read', 'staff.manage', 'district.manage', 'intake.manage', 'moderation.manage'];
const SHOW_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'admin');
const holders = (permission: Permission) => PERMISSIONS[permission] as readonly Role[];
const heldBy = (role: Role) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => holders(p).includes(role));

describe('permissions table', () => {
  it('names only known roles, each at most once', () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS) as Array<[string, readonly Role[]]>) {
      for (const role of roles) expect(ROLES, permission).toContain(role);
      expect(new Set(roles).size, permission).toBe(roles.length);
    }
  });

  it('lets the admin do everything', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(holders(permission), permission).toContain('admin');
  });

  it('keeps what is irreversible or station-wide to the admin alone, and shares every other permission with a show role', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      if (ADMIN_ONLY.includes(permission)) expect(holders(permission), permission).toEqual(['admin']);
      else expect(holders(permission).some((r) => SHOW_ROLES.includes(r)), permission).toBe(true);
    }
  });

  it('lets every staff role see the staff view and export the notula', () => {
    for (const permission of ['episode.viewStaff', 'notula.export'] as const) expect([...holders(permission)].sort()).toEqual([...ROLES].sort());
  });

  it('gives the host the whole show: the episode, the queue, the air, polls and notes', () => {
    expect(heldBy('host').filter((p) => p.startsWith('episode.') || p.startsWith('question.') || p.startsWith('poll.'))).toEqual(
      (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (p.startsWith('episode.') && p !== 'episode.delete') || p.startsWith('question.') || p.startsWith('poll.')));
    expect(can(staff('host'), 'note.write')).toBe(true);
  });

  it('lets the screener moderate and submit questions, but not air them nor change the episode', () => {
    expect(heldBy('screener').filter((p) => p.startsWith('question.'))).toEqual(['question.submit', 'question.moderate']);
    for (const p of ['episode.create', 'episode.edit', 'episode.start', 'episode.end', 'episode.correct', 'note.write', 'poll.run'] as const) expect(can(staff('screener'), p), p).toBe(false);
  });

  it('lets the notulis write notes and correct after the show, and moderate nothing', () => {
    expect(heldBy('notulis').sort()).toEqual(['episode.correct', 'episode.viewStaff', 'note.write', 'notula.export']);
  });

  it('lets the planner review and hide aspirations and touch no question, episode or note', () => {
    expect(heldBy('planner').sort()).toEqual(['aspiration.moderate', 'aspiration.review', 'episode.viewStaff', 'notula.export']);
  });

  it('can() follows the table for every role and permission', () => {
    for (const role of ROLES) {
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(can(staff(role), permission), `${role} ${permission}`).toBe(holders(permission).includes(role));
    }
  });

  it('a notulis can neither delete an episode nor put questions on air', () => {
    expect(can(staff('notulis'), 'episode.delete')).toBe(false);
    expect(can(staff('notulis'), 'question.air')).toBe(false);
    expect(can(staff('notulis'), 'note.write')).toBe(true);
  });

  it('a listener can do no staff thing, not even the ones every staff role may', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(can(listener('L-1'), permission), permission).toBe(false);
    }
  });

  it('nobody signed in can do nothing', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(can(null, permission)).toBe(false);
  });

  it('an unknown role smuggled in at run time gets nothing', () => {
    const forged = { kind: 'staff', staffId: 's', role: 'superuser', name: 'x' } as unknown as Parameters<typeof can>[0];
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) expect(can(forged, permission)).toBe(false);
  });

  it('a listener id that looks like a staff role is still a listener', () => {
    expect(can(listener('admin'), 'staff.manage')).toBe(false);
  });
});
