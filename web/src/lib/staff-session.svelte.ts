// Who is signed in on this browser. The session itself is an httpOnly cookie the page
// cannot read, so the server is asked.
import { api } from './api.ts';
import type { ApiResult } from './api.ts';
import type { Role } from '$contract/types.ts';

/** A staff account as the server shows it (never with its password hash). */
export interface StaffMember {
  id: string;
  username: string;
  name: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
  /** The first admin with the password printed at installation: must choose a new one first. */
  mustChangePassword?: boolean;
}

class StaffSession {
  me = $state.raw<StaffMember | null>(null);
  /** False until the first answer from the server, so pages do not flash the sign-in form. */
  checked = $state(false);

  async load(): Promise<StaffMember | null> {
    const r = await api<{ staff: StaffMember }>('/api/session');
    this.me = r.ok ? r.data.staff : null;
    this.checked = true;
    return this.me;
  }

  async signIn(username: string, password: string): Promise<ApiResult<{ staff: StaffMember }>> {
    const r = await api<{ staff: StaffMember }>('/api/session', { method: 'POST', body: { username, password } });
    if (r.ok) this.me = r.data.staff;
    return r;
  }

  /** Replaces the own password; the server ends every other session and sets a new cookie. */
  async changePassword(currentPassword: string, newPassword: string): Promise<ApiResult<{ staff: StaffMember }>> {
    const r = await api<{ staff: StaffMember }>('/api/session/password', { method: 'POST', body: { currentPassword, newPassword } });
    if (r.ok) this.me = r.data.staff;
    return r;
  }

  async signOut(): Promise<void> {
    await api('/api/session', { method: 'DELETE' });
    this.me = null;
  }
}

export const session = new StaffSession();

/** A same-site path to return to after signing in; anything else (another site) is ignored. */
export function safeNext(raw: string | null): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  return raw;
}
