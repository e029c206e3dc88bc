import { nanoid } from 'nanoid';
import { fail } from '../domain/errors.ts';
import type { DomainError } from '../domain/errors.ts';
import { LIMITS, requiredLine } from '../domain/text.ts';
import type { Actor, Role } from '../domain/types.ts';
import type { StaffAccount, StaffStore } from '../store/staff.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';
import { hashToken, newSessionToken } from './tokens.ts';

const SESSION_DAYS = 14;
export type StaffPublic = Omit<StaffAccount, 'passwordHash'>;
type R<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function publicStaff(s: StaffAccount): StaffPublic {
  const { passwordHash: _, ...rest } = s;
  return rest;
}

/** The first admin account; `password` is the generated one, null when ADMIN_PASSWORD was used. */
export interface FirstAdmin {
  username: string;
  password: string | null;
  envRejected: boolean;
}

export class StaffService {
  constructor(private store: StaffStore, private cost?: number) {}

  #revoked = new Set<() => void>();

  /** Called after sessions end (sign-out, disabled account, new password), so live sockets can drop staff rights. */
  onRevoke(fn: () => void): void {
    this.#revoked.add(fn);
  }

  #notifyRevoked(): void {
    for (const fn of this.#revoked) fn();
  }

  /** First start: an admin from ADMIN_PASSWORD, or a one-time password returned to print. */
  /**
   * Creates the first admin on an empty staff file. `announce` hears of it before the
   * account is saved: a password that reached the disk but never the console (the
   * process died, the port was taken) would lock the station out of its own server.
   */
  async bootstrap(envPassword: string | undefined, announce: (admin: FirstAdmin) => void = () => {}): Promise<FirstAdmin | null> {
    if (this.store.data.staff.length > 0) return null;
    // A too-short ADMIN_PASSWORD is not used: the generated one is printed instead, so
    // the station is never locked out of its own server.
    const fromEnv = !!envPassword && envPassword.length >= 8;
    const password = fromEnv ? envPassword! : generatePassword();
    const admin: FirstAdmin = { username: 'admin', password: fromEnv ? null : password, envRejected: !!envPassword && !fromEnv };
    announce(admin);
    await this.create({ username: admin.username, name: 'Admin Stasiun', role: 'admin', password });
    return admin;
  }

  list(): StaffPublic[] {
    return this.store.data.staff.map(publicStaff);
  }

  async create(input: { username: string; name: string; role: Role; password: string }): Promise<R<StaffPublic>> {
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9._-]{3,32}$/.test(username)) return fail('invalid_payload', 'Nama pengguna 3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung.');
    if (this.store.data.staff.some((s) => s.username === username)) return fail('username_taken');
    const name = requiredLine(input.name, LIMITS.name, 'Nama');
    if (!name.ok) return name;
    if (input.password.length < 8 || input.password.length > 200) return fail('invalid_payload', 'Kata sandi minimal 8 karakter.');
    const account: StaffAccount = {
      id: nanoid(12), username, name: name.text, role: input.role,
      passwordHash: await hashPassword(input.password, this.cost),
      createdAt: new Date().toISOString(), disabled: false,
    };
    this.store.data.staff.push(account);
    await this.store.commit();
    return { ok: true, value: publicStaff(account) };
  }

  async update(id: string, patch: { name?: string; role?: Role; password?: string; disabled?: boolean }): Promise<R<StaffPublic>> {
    const s = this.store.data.staff.find((x) => x.id === id);
    if (!s) return fail('staff_not_found');
    let name = s.name;
    if (patch.name !== undefined) {
      const n = requiredLine(patch.name, LIMITS.name, 'Nama');
      if (!n.ok) return n;
      name = n.text;
    }
    if (patch.password !== undefined && (patch.password.length < 8 || patch.password.length > 200)) return fail('invalid_payload', 'Kata sandi minimal 8 karakter.');
    const demotes = (patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true;
    const admins = this.store.data.staff.filter((x) => x.role === 'admin' && !x.disabled);
    if (s.role === 'admin' && !s.disabled && demotes && admins.length <= 1) return fail('last_admin');
    const passwordHash = patch.password !== undefined ? await hashPassword(patch.password, this.cost) : s.passwordHash;
    Object.assign(s, { name, role: patch.role ?? s.role, disabled: patch.disabled ?? s.disabled, passwordHash });
    const revoke = patch.password !== undefined || s.disabled;
    if (revoke) this.store.data.sessions = this.store.data.sessions.filter((x) => x.staffId !== s.id);
    await this.store.commit();
    if (revoke) this.#notifyRevoked();
    return { ok: true, value: publicStaff(s) };
  }

  async signIn(username: string, password: string): Promise<R<{ token: string; staff: StaffPublic }>> {
    const s = this.store.data.staff.find((x) => x.username === username.trim().toLowerCase() && !x.disabled);
    // Hash anyway when the user is unknown, so timing does not reveal which usernames exist.
    const okPassword = await verifyPassword(password, s?.passwordHash ?? DUMMY_HASH);
    if (!s || !okPassword) return fail('wrong_password');
    const token = newSessionToken();
    const now = Date.now();
    this.store.data.sessions = this.store.data.sessions.filter((x) => Date.parse(x.expiresAt) > now);
    this.store.data.sessions.push({ tokenHash: hashToken(token), staffId: s.id, expiresAt: new Date(now + SESSION_DAYS * 864e5).toISOString() });
    await this.store.commit();
    return { ok: true, value: { token, staff: publicStaff(s) } };
  }

  async signOut(token: string): Promise<void> {
    const h = hashToken(token);
    this.store.data.sessions = this.store.data.sessions.filter((x) => x.tokenHash !== h);
    await this.store.commit();
    this.#notifyRevoked();
  }

  /** The staff actor behind a session cookie, or null. */
  actorFor(token: string | undefined): Actor | null {
    if (!token) return null;
    const h = hashToken(token);
    const session = this.store.data.sessions.find((x) => x.tokenHash === h);
    if (!session || Date.parse(session.expiresAt) <= Date.now()) return null;
    const s = this.store.data.staff.find((x) => x.id === session.staffId && !x.disabled);
    return s ? { kind: 'staff', staffId: s.id, role: s.role, name: s.name } : null;
  }
}

// A valid hash of a random password, so an unknown username costs the same as a wrong password.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
