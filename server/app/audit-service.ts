import type { AuditEntry } from '../contract/audit.ts';
import type { AuditLog, NewAuditEntry } from '../store/audit.ts';

/**
 * Who did what (data/audit.jsonl), for the HTTP hook, the socket wrapper and the services
 * that act on their own (erasure, retention, backup). An entry that cannot be written is
 * said in the log and never fails the action it records: the action has happened.
 */
export class AuditService {
  constructor(private readonly store: AuditLog, private readonly log: (line: string) => void) {}

  async record(entry: NewAuditEntry): Promise<void> {
    await this.store.record(entry).catch((err) => this.log(`kentongan: could not write the audit log: ${(err as Error).message}`));
  }

  /** Resolves once every entry recorded so far is on disk. */
  flush(): Promise<void> {
    return this.store.flush();
  }

  /** Newest first; `before` is a sequence number from a previous page. */
  page(opts: { before?: number; limit: number }): { entries: AuditEntry[]; next: number | null; total: number } {
    return this.store.page(opts);
  }
}
