import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DocumentStore, JsonDocument } from './document.ts';
import { DataFileError } from './recovery.ts';
import { readShaped, staffShape } from './shapes.ts';
import type { Id, Role } from '../contract/types.ts';

export interface StaffAccount {
  id: Id;
  username: string;
  name: string;
  role: Role;
  /** "scrypt$N$r$p$salt$hash", see auth/password.ts. */
  passwordHash: string;
  createdAt: string;
  disabled: boolean;
  /**
   * The password was generated and printed on the console (the first admin): it may have
   * been seen by anyone at the studio PC, so the account does nothing until it is changed.
   */
  mustChangePassword?: boolean;
}

export interface Session {
  /** sha256 of the cookie value: a stolen staff.json does not hand out live sessions. */
  tokenHash: string;
  staffId: Id;
  expiresAt: string;
}

interface StaffFile {
  version: 1;
  /** Signs listener tokens; generated once per installation. */
  listenerSecret: string;
  staff: StaffAccount[];
  sessions: Session[];
}

/** Staff accounts, sessions and the listener-token secret: one small lowdb file. */
export class StaffStore extends DocumentStore<StaffFile> {
  private constructor(dataDir: string, fsync: boolean) {
    // One secret per installation: made once here, so a failed first write goes back to the same one.
    const listenerSecret = randomBytes(32).toString('base64url');
    super(new JsonDocument<StaffFile>(join(dataDir, 'staff.json'), () => ({ version: 1, listenerSecret, staff: [], sessions: [] }), { fsync }));
  }

  /**
   * Accounts cannot be rebuilt from anything: a wrongly shaped staff.json stops the start
   * with a sentence and is never written (rewriting it once turned `{"version":1}` into a
   * crash with every account gone). Only a missing file is created.
   */
  static async open(opts: { dataDir: string; fsync?: boolean }): Promise<StaffStore> {
    const s = new StaffStore(opts.dataDir, opts.fsync ?? true);
    const path = join(opts.dataDir, 'staff.json');
    const { raw, problem } = await readShaped(path, staffShape);
    if (problem) {
      throw new DataFileError(
        `kentongan: ${path} rusak dan tidak dipakai (${problem}); berkas tidak diubah. `
        + 'Pulihkan staff.json dari cadangan, atau pindahkan berkas itu ke tempat lain untuk memulai dengan akun admin baru '
        + '(kata sandinya dicetak saat mulai, atau diambil dari ADMIN_PASSWORD). '
        + `The staff file is damaged and was left as it is: restore it from a backup, or move it away to start with a new admin account.`,
      );
    }
    if (raw === null) await s.commit();
    else s.doc.adopt(raw as StaffFile);
    return s;
  }

  get data(): StaffFile {
    return this.doc.data;
  }

}
