import { loadDistrict } from '../../lib/district.ts';
import type { District } from '$contract/types.ts';
import type { AspirationView } from '$contract/planner.ts';

/**
 * The district's dimensions, kecamatan and desa, asked for only when the listener opens
 * the usulan form or scrolls to the usulan (a large kabupaten's list would weigh more
 * than the whole first load). Until then an usulan shows without its place names.
 */
class Places {
  district = $state.raw<District | null>(null);
  error = $state.raw<{ code: string; message: string } | null>(null);
  loading = $state(false);

  async load(): Promise<void> {
    if (this.district || this.loading) return;
    this.loading = true;
    this.error = null;
    const r = await loadDistrict();
    this.loading = false;
    if (r.ok) this.district = r.data.district;
    else this.error = r.error;
  }

  /** "Smart Living · Tegalsari, Kec. Kaliwening · RT/RW 003/005", as far as the names are known. */
  describe(a: AspirationView): string {
    const d = this.district;
    const parts: string[] = [];
    if (d) {
      // A district that stepped aside (the sample) still names the usulan placed in it.
      const all = [d, ...(d.former ?? [])];
      const kecamatan = all.flatMap((x) => x.kecamatan).find((k) => k.code === a.kecamatan);
      const desa = kecamatan?.desa.find((x) => x.code === a.desa);
      const dimension = all.flatMap((x) => x.dimensions).find((x) => x.code === a.dimension);
      if (dimension) parts.push(dimension.name);
      if (kecamatan) parts.push(desa ? `${desa.name}, Kec. ${kecamatan.name}` : `Kec. ${kecamatan.name}`);
    }
    if (a.rtRw) parts.push(`RT/RW ${a.rtRw}`);
    return parts.join(' · ');
  }
}

export const places = new Places();
