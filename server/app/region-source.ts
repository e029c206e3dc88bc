// The official Kemendagri codes, read from the CSV files of the idn-area-data package in
// node_modules at run time, only when the admin asks: the web bundle never carries them,
// and the 2.8 MB village table is read only for the switch itself, then let go.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fail } from '../contract/errors.ts';
import { KABUPATEN_CODE, PROVINCE_CODE, officialKabupaten, parseKabupaten, parseProvinces } from '../domain/official-regions.ts';
import type { KabupatenRef, OfficialKabupaten, Province } from '../domain/official-regions.ts';
import type { Outcome } from './episode-service.ts';

type Table = 'provinces' | 'regencies' | 'districts' | 'villages';

export class RegionSource {
  #dir: string | null;
  /** The two small tables (under 16 kB) are kept once read; the large two never are. */
  #small = new Map<Table, string>();

  /** `dataDir`: the package's data folder; by default found through Node's resolution. */
  constructor(dataDir?: string, private log: (line: string) => void = () => {}) {
    this.#dir = dataDir ?? null;
  }

  #folder(): string {
    if (this.#dir) return this.#dir;
    // The package has no "exports" map, so its package.json resolves like any file in it.
    const pkg = createRequire(import.meta.url).resolve('idn-area-data/package.json');
    return (this.#dir = join(dirname(pkg), 'data'));
  }

  async #read(table: Table): Promise<string> {
    const kept = this.#small.get(table);
    if (kept !== undefined) return kept;
    const text = await readFile(join(this.#folder(), `${table}.csv`), 'utf8');
    if (table === 'provinces' || table === 'regencies') this.#small.set(table, text);
    return text;
  }

  async #guard<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    try {
      return await work();
    } catch (err) {
      this.log(`kentongan: official region data unreadable: ${(err as Error).message.split('\n')[0]}`);
      return fail('region_data_unavailable');
    }
  }

  provinces(): Promise<Outcome<Province[]>> {
    return this.#guard(async () => ({ ok: true, value: parseProvinces(await this.#read('provinces')) }));
  }

  /** The kabupaten and kota of one province; the code is checked before anything is read. */
  kabupatenOf(provinceCode: string): Promise<Outcome<{ province: Province; kabupaten: KabupatenRef[] }>> {
    if (!PROVINCE_CODE.test(provinceCode)) return Promise.resolve(fail('kabupaten_not_found'));
    return this.#guard(async () => {
      const province = parseProvinces(await this.#read('provinces')).find((p) => p.code === provinceCode);
      if (!province) return fail('kabupaten_not_found');
      return { ok: true, value: { province, kabupaten: parseKabupaten(await this.#read('regencies'), provinceCode) } };
    });
  }

  /** One kabupaten/kota with all its kecamatan and desa/kelurahan. */
  kabupaten(code: string): Promise<Outcome<OfficialKabupaten & { provinceName: string }>> {
    if (!KABUPATEN_CODE.test(code)) return Promise.resolve(fail('kabupaten_not_found'));
    return this.#guard(async () => {
      const provinceCode = code.slice(0, 2);
      const province = parseProvinces(await this.#read('provinces')).find((p) => p.code === provinceCode);
      const ref = parseKabupaten(await this.#read('regencies'), provinceCode).find((k) => k.code === code);
      if (!province || !ref) return fail('kabupaten_not_found');
      const full = officialKabupaten(ref, await this.#read('districts'), await this.#read('villages'));
      return { ok: true, value: { ...full, provinceName: province.name } };
    });
  }
}
