import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Low } from 'lowdb';
import { DurableJSONFile } from './durable-file.ts';
import { Committer } from './committer.ts';
import type { Id, Role } from '../domain/types.ts';

export interface StaffAccount {
  id: Id;
  username: string;
  name: string;
  role: Role;
  /** "scrypt$N$r$p$salt$hash", see auth/password.ts. */
  passwordHash: string;
  createdAt: string;
  disabled: boolean;
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
export class StaffStore {
  readonly #db: Low<StaffFile>;
  readonly #committer: Committer;

  private constructor(dataDir: string, fsync: boolean) {
    const defaults: StaffFile = { version: 1, listenerSecret: randomBytes(32).toString('base64url'), staff: [], sessions: [] };
    this.#db = new Low(new DurableJSONFile<StaffFile>(join(dataDir, 'staff.json'), { fsync }), defaults);
    this.#committer = new Committer(() => this.#db.write());
  }

  static async open(opts: { dataDir: string; fsync?: boolean }): Promise<StaffStore> {
    const s = new StaffStore(opts.dataDir, opts.fsync ?? true);
    await s.#db.read();
    await s.commit();
    return s;
  }

  get data(): StaffFile {
    return this.#db.data;
  }

  commit(): Promise<void> {
    return this.#committer.commit();
  }

  flush(): Promise<void> {
    return this.#committer.idle();
  }
}
