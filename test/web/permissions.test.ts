// The pages decide what to draw from the server's own permission table: for every role
// and permission the web's answer is the server's `can`, a page's read-only state follows
// from the table, and no page keeps a role list of its own.
import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PERMISSIONS, can } from '../../server/contract/permissions.ts';
import type { Permission } from '../../server/contract/permissions.ts';
import { ROLES } from '../../server/contract/types.ts';
import type { Actor, Role } from '../../server/contract/types.ts';
import { CONSOLES, CONSOLE_NAMES, consoleAccess, consolePath, homeConsoles, roleCan, rolesWith } from '../../web/src/lib/permissions.ts';

const staff = (role: Role): Actor => ({ kind: 'staff', staffId: `s-${role}`, role, name: role });
const ALL = Object.keys(PERMISSIONS) as Permission[];

describe('the web reads the server table', () => {
  it('answers as the server does for every role and permission', () => {
    for (const role of ROLES) {
      for (const p of ALL) expect(roleCan(role, p), `${role} ${p}`).toBe(can(staff(role), p));
    }
  });

  it('lets no one do anything before the role is known', () => {
    for (const p of ALL) {
      expect(roleCan(null, p)).toBe(false);
      expect(roleCan(undefined, p)).toBe(false);
    }
  });

  it('follows a change in the table rather than a list of its own', () => {
    const table = PERMISSIONS as unknown as Record<Permission, Role[]>;
    const saved = table['question.air'];
    try {
      table['question.air'] = [...saved, 'screener'];
      expect(roleCan('screener', 'question.air')).toBe(true);
      expect(consoleAccess('screener', 'host').missing.flatMap((m) => m.permissions)).not.toContain('question.air');
    } finally {
      table['question.air'] = saved;
    }
    expect(roleCan('screener', 'question.air')).toBe(false);
  });

  it('names the roles that may, admin last', () => {
    expect(rolesWith('question.air')).toEqual(['host', 'admin']);
    expect(new Set(rolesWith('note.write'))).toEqual(new Set(PERMISSIONS['note.write']));
    // One order whatever the table's: note.write and episode.correct make one sentence.
    expect(rolesWith('note.write')).toEqual(rolesWith('episode.correct'));
    expect(consoleAccess('screener', 'notulis').missing).toHaveLength(1);
  });
});

describe('what each console shows a role', () => {
  it('is read-only exactly when the role has none of its actions, and lists what it lacks by who may', () => {
    for (const role of ROLES) {
      for (const name of CONSOLE_NAMES) {
        const acts = CONSOLES[name].act as readonly Permission[];
        const a = consoleAccess(role, name);
        expect(a.view).toBe(can(staff(role), CONSOLES[name].view));
        expect(a.readOnly).toBe(acts.every((p) => !can(staff(role), p)));
        const missing = a.missing.flatMap((m) => m.permissions);
        expect(new Set(missing)).toEqual(new Set(acts.filter((p) => !can(staff(role), p))));
        for (const m of a.missing) for (const p of m.permissions) expect(m.roles).toEqual(rolesWith(p));
      }
    }
  });

  it('the screener on the host console: airing, starting, ending and polls need the host or an admin', () => {
    const a = consoleAccess('screener', 'host');
    expect(a.view).toBe(true);
    expect(a.missing).toEqual([{ permissions: ['question.air', 'episode.start', 'episode.end', 'poll.run'], roles: ['host', 'admin'] }]);
    expect(consoleAccess('notulis', 'host').readOnly).toBe(true);
    expect(consoleAccess('host', 'host').missing).toEqual([]);
    expect(consoleAccess('admin', 'screener').missing).toEqual([]);
  });

  it('the planner’s desk is closed to the live crew, who are sent to their own consoles', () => {
    for (const role of ['host', 'screener', 'notulis'] as const) expect(consoleAccess(role, 'planner').view).toBe(false);
    expect(homeConsoles('screener')).toEqual(['screener']);
    expect(homeConsoles('notulis')).toEqual(['notulis']);
    expect(homeConsoles('planner')).toEqual(['planner']);
    expect(homeConsoles('admin')).toEqual(CONSOLE_NAMES);
    expect(consolePath('screener', 'ep/1')).toBe('/screener/ep%2F1');
    expect(consolePath('screener', null)).toBe('/staff');
    expect(consolePath('planner', 'x')).toBe('/planner');
  });
});

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else if (/\.(ts|svelte)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('no page keeps its own role list', () => {
  it('has no list of roles, no comparison with a role name and no direct look-up in PERMISSIONS outside lib/permissions.ts', async () => {
    const offenders: string[] = [];
    for (const file of await files('web/src')) {
      if (file.endsWith(join('lib', 'permissions.ts'))) continue;
      const text = await readFile(file, 'utf8');
      // A list of roles (['admin', 'host', …]) or a comparison with one (role === 'host');
      // dictionary keys like 'role.admin' and route names like name="host" are neither.
      const R = `(['"])(?:${ROLES.join('|')})\\1`;
      const list = new RegExp(`\\[\\s*${R}\\s*,`);
      const compared = new RegExp(`[!=]==?\\s*${R}|${R}\\s*[!=]==?`);
      text.split('\n').forEach((line, i) => {
        if (list.test(line) || compared.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
      if (/PERMISSIONS\[/.test(text)) offenders.push(`${file}: PERMISSIONS[...]`);
    }
    expect(offenders).toEqual([]);
  });
});
