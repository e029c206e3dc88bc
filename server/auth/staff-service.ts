import { nanoid } from 'nanoid';
import { fail } from '../contract/errors.ts';
import type { DomainError } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { SignInThrottle, waitInWords } from '../domain/signin-throttle.ts';
import { LIMITS } from '../contract/text.ts';
import { requiredLine } from '../contract/lines.ts';
import type { Actor, Id, Role } from '../contract/types.ts';
import type { StaffAccount, StaffStore } from '../store/staff.ts';
import { HashQueueFull } from './hash-queue.ts';
import { generatePassword, Passwords } from './password.ts';
import { hashToken, newSessionToken } from './tokens.ts';

const SESSION_DAYS = 14;
export type StaffPublic = Omit<StaffAccount, 'passwordHash'>;
type R<T> = { ok: true; value: T } | { ok: false; error: DomainError };
/** A refused sign-in may say how long to wait (HTTP sends it as Retry-After). */
export type SignInResult = { ok: true; value: { token: string; staff: StaffPublic } } | { ok: false; error: DomainError; retryAfter?: number };

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

export interface StaffServiceDeps {
  store: StaffStore;
  passwords: Passwords;
  throttle: SignInThrottle;
}

const BUSY = () => fail('server_busy');

export class StaffService {
  readonly #store: StaffStore;
  readonly #passwords: Passwords;
  readonly #throttle: SignInThrottle;
  /** Staff changes run one at a time, so an invariant checked in one (the last admin) still holds when it is applied. */
  #changes: Promise<unknown> = Promise.resolve();

  constructor(deps: StaffServiceDeps) {
    this.#store = deps.store;
    this.#passwords = deps.passwords;
    this.#throttle = deps.throttle;
  }

  #revoked = new Set<() => void>();

  /** Called after sessions end (sign-out, disabled account, new password), so live sockets can drop staff rights. */
  onRevoke(fn: () => void): void {
    this.#revoked.add(fn);
  }

  #notifyRevoked(): void {
    for (const fn of this.#revoked) fn();
  }

  #serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.#changes.then(change);
    this.#changes = run.catch(() => {});
    return run;
  }

  /** A password hash, or null when the hash queue is full. */
  async #hash(password: string): Promise<string | null> {
    try {
      return await this.#passwords.hash(password);
    } catch (err) {
      if (err instanceof HashQueueFull) return null;
      throw err;
    }
  }

  /**
   * Creates the first admin on an empty staff file. `announce` hears of it before the
   * account is saved: a password that reached the disk but never the console (the
   * process died, the port was taken) would lock the station out of its own server.
   */
  async bootstrap(envPassword: string | undefined, announce: (admin: FirstAdmin) => void = () => {}): Promise<FirstAdmin | null> {
    if (this.#store.data.staff.length > 0) return null;
    // A too-short ADMIN_PASSWORD is not used: the generated one is printed instead, so
    // the station is never locked out of its own server.
    const fromEnv = !!envPassword && envPassword.length >= 8;
    const password = fromEnv ? envPassword! : generatePassword();
    const admin: FirstAdmin = { username: 'admin', password: fromEnv ? null : password, envRejected: !!envPassword && !fromEnv };
    announce(admin);
    // A printed password may have been read off the studio screen: it only lets its owner choose their own.
    const made = await this.create({ username: admin.username, name: 'Admin Stasiun', role: 'admin', password, mustChangePassword: !fromEnv });
    if (!made.ok) throw new Error(`first admin not created: ${made.error.code}`);
    return admin;
  }

  list(): StaffPublic[] {
    return this.#store.data.staff.map(publicStaff);
  }

  async create(input: { username: string; name: string; role: Role; password: string; mustChangePassword?: boolean }): Promise<R<StaffPublic>> {
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9._-]{3,32}$/.test(username)) return fail('invalid_payload', 'Nama pengguna 3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung.');
    if (this.#taken(username)) return fail('username_taken');
    const name = requiredLine(input.name, LIMITS.name, 'Nama');
    if (!name.ok) return name;
    if (input.password.length < 8 || input.password.length > 200) return fail('invalid_payload', 'Kata sandi minimal 8 karakter.');
    const passwordHash = await this.#hash(input.password);
    if (!passwordHash) return BUSY();
    return this.#serially(async () => {
      // Asked again: another request may have taken the name while this one was hashing.
      if (this.#taken(username)) return fail('username_taken');
      const account: StaffAccount = {
        id: nanoid(12), username, name: name.text, role: input.role, passwordHash,
        createdAt: new Date().toISOString(), disabled: false,
        ...(input.mustChangePassword ? { mustChangePassword: true } : {}),
      };
      this.#store.data.staff.push(account);
      await this.#store.commit();
      return { ok: true, value: publicStaff(account) };
    });
  }

  #taken(username: string): boolean {
    return this.#store.data.staff.some((s) => s.username === username);
  }

  /**
   * Changes an account. `by` is the admin making the change: whether they still may is
   * asked again once it is this change's turn (another admin may have just demoted them).
   */
  async update(id: string, patch: { name?: string; role?: Role; password?: string; disabled?: boolean }, by?: Id): Promise<R<StaffPublic>> {
    if (!this.#store.data.staff.some((x) => x.id === id)) return fail('staff_not_found');
    let name: string | undefined;
    if (patch.name !== undefined) {
      const n = requiredLine(patch.name, LIMITS.name, 'Nama');
      if (!n.ok) return n;
      name = n.text;
    }
    if (patch.password !== undefined && (patch.password.length < 8 || patch.password.length > 200)) return fail('invalid_payload', 'Kata sandi minimal 8 karakter.');
    let passwordHash: string | undefined;
    if (patch.password !== undefined) {
      const hashed = await this.#hash(patch.password);
      if (!hashed) return BUSY();
      passwordHash = hashed;
    }
    // Every rule below is checked inside the turn, against the accounts as they are now.
    return this.#serially(async () => {
      const s = this.#store.data.staff.find((x) => x.id === id);
      if (!s) return fail('staff_not_found');
      if (by !== undefined && !can(this.#actorById(by), 'staff.manage')) return fail('not_allowed');
      const demotes = (patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true;
      const admins = this.#store.data.staff.filter((x) => x.role === 'admin' && !x.disabled);
      if (s.role === 'admin' && !s.disabled && demotes && admins.length <= 1) return fail('last_admin');
      Object.assign(s, { name: name ?? s.name, role: patch.role ?? s.role, disabled: patch.disabled ?? s.disabled, passwordHash: passwordHash ?? s.passwordHash });
      const revoke = passwordHash !== undefined || s.disabled;
      if (revoke) this.#store.data.sessions = this.#store.data.sessions.filter((x) => x.staffId !== s.id);
      await this.#store.commit();
      if (revoke) this.#notifyRevoked();
      return { ok: true, value: publicStaff(s) };
    });
  }

  /** `address` is the caller's (net/client-address.ts): failures are counted per address and per username. */
  async signIn(username: string, password: string, address = 'unknown'): Promise<SignInResult> {
    const wanted = username.trim().toLowerCase();
    const admission = this.#throttle.admit(address, wanted);
    if (!admission.ok) {
      const error = fail('rate_limited', `Terlalu banyak percobaan masuk yang gagal; coba lagi dalam ${waitInWords(admission.waitSeconds)}.`).error;
      return { ok: false, error, retryAfter: admission.waitSeconds };
    }
    const { attempt } = admission;
    const s = this.#store.data.staff.find((x) => x.username === wanted && !x.disabled);
    const checked = s?.passwordHash ?? this.#passwords.dummyHash;
    let okPassword: boolean;
    try {
      // Hash anyway when the user is unknown, so timing does not reveal which usernames exist.
      okPassword = await this.#passwords.verify(password, checked);
    } catch (err) {
      attempt.abandoned();
      if (err instanceof HashQueueFull) return BUSY();
      throw err;
    }
    // The password may have changed, or the account been disabled, while it was being
    // checked: a session must not outlive the password it was issued for.
    const current = s && this.#store.data.staff.find((x) => x.id === s.id);
    if (!current || !okPassword || current.disabled || current.passwordHash !== checked) {
      attempt.failed();
      return fail('wrong_password');
    }
    attempt.succeeded();
    const token = newSessionToken();
    const now = Date.now();
    this.#store.data.sessions = this.#store.data.sessions.filter((x) => Date.parse(x.expiresAt) > now);
    this.#store.data.sessions.push({ tokenHash: hashToken(token), staffId: current.id, expiresAt: new Date(now + SESSION_DAYS * 864e5).toISOString() });
    await this.#store.commit();
    return { ok: true, value: { token, staff: publicStaff(current) } };
  }

  #actorById(staffId: Id): Actor | null {
    const s = this.#store.data.staff.find((x) => x.id === staffId && !x.disabled);
    return s ? { kind: 'staff', staffId: s.id, role: s.role, name: s.name, username: s.username } : null;
  }

  async signOut(token: string): Promise<void> {
    const h = hashToken(token);
    this.#store.data.sessions = this.#store.data.sessions.filter((x) => x.tokenHash !== h);
    await this.#store.commit();
    this.#notifyRevoked();
  }

  /** The enabled account behind a live session cookie, also one that must still change its password. */
  accountFor(token: string | undefined): StaffPublic | null {
    if (!token) return null;
    const h = hashToken(token);
    const session = this.#store.data.sessions.find((x) => x.tokenHash === h);
    if (!session || Date.parse(session.expiresAt) <= Date.now()) return null;
    const s = this.#store.data.staff.find((x) => x.id === session.staffId && !x.disabled);
    return s ? publicStaff(s) : null;
  }

  /**
   * The staff actor behind a session cookie, or null. An account that must change its
   * password has no rights at all (HTTP, sockets) until it has.
   */
  actorFor(token: string | undefined): Actor | null {
    const s = this.accountFor(token);
    if (!s || s.mustChangePassword) return null;
    return { kind: 'staff', staffId: s.id, role: s.role, name: s.name, username: s.username };
  }

  /**
   * The signed-in staff member chooses a new password, knowing the current one. Every
   * session of the account ends (a printed password may have signed in elsewhere) and a
   * new one is issued for this browser.
   */
  async changeOwnPassword(token: string | undefined, current: string, next: string, address = 'unknown'): Promise<SignInResult> {
    const me = this.accountFor(token);
    if (!me) return fail('not_signed_in');
    if (next.length < 8 || next.length > 200) return fail('invalid_payload', 'Kata sandi baru minimal 8 karakter.');
    if (next === current) return fail('password_unchanged');
    const admission = this.#throttle.admit(address, me.username);
    if (!admission.ok) {
      const error = fail('rate_limited', `Terlalu banyak percobaan yang gagal; coba lagi dalam ${waitInWords(admission.waitSeconds)}.`).error;
      return { ok: false, error, retryAfter: admission.waitSeconds };
    }
    const checked = this.#store.data.staff.find((x) => x.id === me.id)!.passwordHash;
    let okPassword: boolean;
    let hashed: string | null;
    try {
      okPassword = await this.#passwords.verify(current, checked);
      hashed = okPassword ? await this.#hash(next) : null;
    } catch (err) {
      admission.attempt.abandoned();
      if (err instanceof HashQueueFull) return BUSY();
      throw err;
    }
    if (!okPassword) {
      admission.attempt.failed();
      return fail('wrong_current_password');
    }
    if (!hashed) {
      admission.attempt.abandoned();
      return BUSY();
    }
    admission.attempt.succeeded();
    return this.#serially(async () => {
      const s = this.#store.data.staff.find((x) => x.id === me.id && !x.disabled);
      // Changed or disabled by an admin meanwhile: that change wins.
      if (!s || s.passwordHash !== checked) return fail('not_signed_in');
      s.passwordHash = hashed;
      delete s.mustChangePassword;
      this.#store.data.sessions = this.#store.data.sessions.filter((x) => x.staffId !== s.id);
      const fresh = newSessionToken();
      this.#store.data.sessions.push({ tokenHash: hashToken(fresh), staffId: s.id, expiresAt: new Date(Date.now() + SESSION_DAYS * 864e5).toISOString() });
      await this.#store.commit();
      this.#notifyRevoked();
      return { ok: true as const, value: { token: fresh, staff: publicStaff(s) } };
    });
  }
}
