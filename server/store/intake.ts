import { join } from 'node:path';
import { DocumentStore, JsonDocument, loadDocument } from './document.ts';
import type { Recovery } from './recovery.ts';
import { intakeShape } from './shapes.ts';
import type { Gateway } from '../contract/intake.ts';

/** What data/intake.json holds. Numbers are never in it: only keyed hashes (tel-…). */
export interface IntakeFile {
  version: 1;
  /** The admin's settings (domain/intake/settings.ts names them), secrets included: the data folder is private. */
  settings: Record<string, string | null>;
  /** Deliveries already taken, by their key (gateway, device, message id, time) → when. Pruned after a few days. */
  seen: Record<string, string>;
  /** Listener ids (phone hashes) that sent BERHENTI. */
  stopped: string[];
  /** The last inbound message and the last error per gateway, kept across restarts. */
  health: Partial<Record<Gateway, { lastMessageAt: string | null; lastErrorAt: string | null; lastError: string | null }>>;
}

export function emptyIntakeFile(): IntakeFile {
  return { version: 1, settings: {}, seen: {}, stopped: [], health: {} };
}

/** How long a delivery's key is remembered: SMS Gateway for Android retries for two days. */
export const SEEN_DAYS = 3;

/** data/intake.json, apart from the episodes: a message seen changes no episode's version. */
export class IntakeStore extends DocumentStore<IntakeFile> {
  private constructor(dataDir: string, fsync: boolean) {
    super(new JsonDocument<IntakeFile>(join(dataDir, 'intake.json'), emptyIntakeFile, { fsync }));
  }

  /** A damaged file is kept aside (Recovery): the gateways then need their secrets set again. */
  static async open(opts: { dataDir: string; fsync?: boolean; recovery?: Recovery }): Promise<IntakeStore> {
    const s = new IntakeStore(opts.dataDir, opts.fsync ?? true);
    await loadDocument(s.doc, opts, 'intake.json', intakeShape, 'pengaturan SMS/WhatsApp perlu diisi lagi');
    return s;
  }


  get data(): IntakeFile {
    return this.doc.data;
  }

  /** Forgets deliveries older than SEEN_DAYS (called before each write, so the file stays small). */
  prune(nowMs: number): void {
    const cutoff = nowMs - SEEN_DAYS * 86_400_000;
    for (const [k, at] of Object.entries(this.doc.data.seen)) if (Date.parse(at) < cutoff) delete this.doc.data.seen[k];
  }
}
