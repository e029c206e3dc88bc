import { join } from 'node:path';
import { mkdir, readdir } from 'node:fs/promises';
import { DocumentStore, JsonDocument } from './document.ts';
import { Recovery } from './recovery.ts';
import { districtShape, readShaped } from './shapes.ts';
import { defaultDistrict } from '../domain/district.ts';
import { DEFAULT_OPD } from '../contract/plan.ts';
import type { District } from '../contract/types.ts';

interface DistrictFile {
  version: 1;
  district: District;
  /** The OPD (agencies) an usulan may be addressed to; absent in files from before the list existed. */
  opd?: string[];
}

/**
 * The district's settings (dimensions, kecamatan, desa/kelurahan): data/district.json,
 * one small lowdb file, changed in memory by the domain rules and made durable by commit().
 */
export class DistrictStore extends DocumentStore<DistrictFile> {
  /** True when data/district.json did not exist yet. */
  fresh = false;

  private constructor(dataDir: string, fsync: boolean) {
    super(new JsonDocument<DistrictFile>(join(dataDir, 'district.json'), () => ({ version: 1, district: defaultDistrict(), opd: [...DEFAULT_OPD] }), { fsync }));
  }

  /**
   * A wrongly shaped district.json (no lists: every usulan form answered 500) is copied
   * aside and replaced by the default settings, so the server runs and the admin sees it in
   * /api/health and the log; the copy holds what the admin typed.
   */
  static async open(opts: { dataDir: string; fsync?: boolean; recovery?: Recovery }): Promise<DistrictStore> {
    await mkdir(opts.dataDir, { recursive: true });
    const s = new DistrictStore(opts.dataDir, opts.fsync ?? true);
    const path = join(opts.dataDir, 'district.json');
    s.fresh = !(await readdir(opts.dataDir)).includes('district.json');
    if (s.fresh) {
      await s.commit();
      return s;
    }
    const read = await readShaped(path, districtShape);
    const { raw } = read;
    // Listed a moment ago: gone now is damage too.
    const problem = raw === null ? 'berkas hilang saat dibaca' : read.problem;
    if (!problem) {
      s.doc.adopt(raw as DistrictFile);
      return s;
    }
    await (opts.recovery ?? new Recovery(opts.dataDir)).keep(path, problem, 'dimulai dengan pengaturan wilayah bawaan; atur ulang di halaman admin');
    await s.commit();
    return s;
  }

  get district(): District {
    return this.doc.data.district;
  }

  /**
   * The admin's OPD list, kept in the same file as the district (one more thing the admin
   * keeps about the kabupaten, and the backup already holds this file). A file from before
   * the list existed gets the default one, written with the next commit.
   */
  get opd(): string[] {
    return (this.doc.data.opd ??= [...DEFAULT_OPD]);
  }

  /** Replaces the settings wholesale (the sample seed). */
  set(district: District): void {
    this.doc.data.district = district;
  }

}
