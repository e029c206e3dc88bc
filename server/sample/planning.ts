import type { AspirationStore } from '../store/aspirations.ts';
import type { DistrictStore } from '../store/district.ts';
import { buildSampleShow } from './episodes.ts';

/** Fills an empty data folder with the sample district and the sample show's usulan. */
export async function seedPlanningSample(district: DistrictStore, aspirations: AspirationStore): Promise<void> {
  const show = buildSampleShow();
  district.set(show.district);
  aspirations.list.push(...show.aspirations);
  await Promise.all([district.commit(), aspirations.commit()]);
}
