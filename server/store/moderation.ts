import { join } from 'node:path';
import { DocumentStore, JsonDocument, loadDocument } from './document.ts';
import type { Recovery } from './recovery.ts';
import { moderationShape } from './shapes.ts';

export interface BlockEntry {
  /** The block's own id, what staff see and unblock by (never the listener's). */
  id: string;
  at: string;
  /** Where the screener blocked them, and the words that made them do it (staff only). */
  episodeId: string;
  sample: string;
}

export interface ModerationFile {
  version: 1;
  add: string[];
  remove: string[];
  /** Blocked listener id (token id or phone hash) → the block. Absent in files from before blocking. */
  blocked?: Record<string, BlockEntry>;
}

const empty = (): ModerationFile => ({ version: 1, add: [], remove: [] });

/** data/moderation.json: the admin's words added to and removed from the flag list. */
export class ModerationStore extends DocumentStore<ModerationFile> {
  private constructor(dataDir: string, fsync: boolean) {
    super(new JsonDocument<ModerationFile>(join(dataDir, 'moderation.json'), empty, { fsync }));
  }

  static async open(opts: { dataDir: string; fsync?: boolean; recovery?: Recovery }): Promise<ModerationStore> {
    const s = new ModerationStore(opts.dataDir, opts.fsync ?? true);
    await loadDocument(s.doc, opts, 'moderation.json', moderationShape, 'daftar kata tambahan admin dimulai dari kosong');
    return s;
  }


  get data(): ModerationFile {
    return this.doc.data;
  }
}
