import { join } from 'node:path';
import { DocumentStore, JsonDocument } from './document.ts';
import * as v from 'valibot';
import { DataFileError, Recovery } from './recovery.ts';
import { aspirationShape, aspirationsFileShape, readShaped, shapeProblem } from './shapes.ts';
import type { Aspiration } from '../contract/types.ts';

interface AspirationsFile {
  version: 1;
  aspirations: Aspiration[];
}

/**
 * Aspirations (usulan) of every episode in one lowdb file, data/aspirations.json: they
 * outlive their episode on the planner's desk and merge across episodes. Group commit,
 * like the episodes: many supports share one write, each acknowledged after it.
 */
export class AspirationStore extends DocumentStore<AspirationsFile> {
  private constructor(dataDir: string, fsync: boolean) {
    super(new JsonDocument<AspirationsFile>(join(dataDir, 'aspirations.json'), () => ({ version: 1, aspirations: [] }), { fsync }));
  }

  /**
   * Checked usulan by usulan: a wrongly shaped one (`aspirations: [null]` answered 500 on
   * every planner page) is left out, the file is copied aside first, and every good one
   * is kept. A file that is not an aspirations file at all stops the start with a sentence.
   */
  static async open(opts: { dataDir: string; fsync?: boolean; recovery?: Recovery }): Promise<AspirationStore> {
    const s = new AspirationStore(opts.dataDir, opts.fsync ?? true);
    const path = join(opts.dataDir, 'aspirations.json');
    const { raw, problem } = await readShaped(path, aspirationsFileShape);
    if (raw === null) return s;
    const recovery = opts.recovery ?? new Recovery(opts.dataDir);
    if (problem) {
      // Listeners' usulan cannot be rebuilt from anything: starting empty would put an empty
      // desk in front of the planners and the next write would replace the file.
      throw new DataFileError(
        `kentongan: ${path} rusak dan tidak dipakai (${problem}); berkas tidak diubah. `
        + 'Pulihkan aspirations.json dari cadangan, atau pindahkan berkas itu ke tempat lain untuk memulai tanpa usulan. '
        + 'The aspirations file is damaged and was left as it is: restore it from a backup, or move it away to start without usulan.',
      );
    }
    const file = raw as { aspirations: unknown[] };
    const good = file.aspirations.filter((a) => v.is(aspirationShape, a)) as Aspiration[];
    s.doc.adopt({ ...(raw as AspirationsFile), aspirations: good });
    const bad = file.aspirations.length - good.length;
    if (bad > 0) {
      const first = file.aspirations.findIndex((a) => !v.is(aspirationShape, a));
      const why = shapeProblem(aspirationShape, file.aspirations[first]);
      await recovery.keep(path, `${bad} usulan tidak terbaca, mis. aspirations.${first}: ${why}`, `${good.length} usulan lain dipakai; yang rusak ada di salinan`);
      await s.commit();
    }
    return s;
  }

  /** The live list; the domain rules change it in place. */
  get list(): Aspiration[] {
    return this.doc.data.aspirations;
  }

}
