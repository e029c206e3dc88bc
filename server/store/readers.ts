import { join } from 'node:path';
import { DocumentStore, JsonDocument, loadDocument } from './document.ts';
import type { Recovery } from './recovery.ts';
import { readerShape } from './shapes.ts';
import { emptyReaderFile, emptyRecord } from '../domain/reader.ts';
import type { ReaderFile, ReaderRecord } from '../domain/reader.ts';
import type { Id } from '../contract/types.ts';

/**
 * The readers of the public episode pages: data/readers.json, one small lowdb file apart
 * from the episodes, so a view or a reader's vote never changes an episode's version (its
 * notula, its transcript, its cached page).
 */
export class ReaderStore extends DocumentStore<ReaderFile> {
  private constructor(dataDir: string, fsync: boolean) {
    super(new JsonDocument<ReaderFile>(join(dataDir, 'readers.json'), emptyReaderFile, { fsync }));
  }

  /** A damaged file is kept aside (Recovery) and the counts start again from zero. */
  static async open(opts: { dataDir: string; fsync?: boolean; recovery?: Recovery }): Promise<ReaderStore> {
    const s = new ReaderStore(opts.dataDir, opts.fsync ?? true);
    await loadDocument(s.doc, opts, 'readers.json', readerShape, 'jumlah pembaca dan tanggapan pembaca dimulai dari nol');
    return s;
  }


  find(id: Id): ReaderRecord | undefined {
    return Object.hasOwn(this.doc.data.episodes, id) ? this.doc.data.episodes[id] : undefined;
  }

  /** The record of an episode, made when its page is first read. */
  record(id: Id): ReaderRecord {
    return this.find(id) ?? (this.doc.data.episodes[id] = emptyRecord());
  }

  remove(id: Id): void {
    delete this.doc.data.episodes[id];
  }
}
