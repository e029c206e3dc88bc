// "Hapus contoh": the sample episodes, their usulan and notula, and the invented district,
// in one action. Each part goes through its store as any other change does (the usulan
// first, so no usulan is left pointing at a deleted episode); a failure part-way leaves
// what remains for the next click, which removes only that.
import { checkSampleRemoval, removeSampleAspirations, removeSampleDistrict, samplePlan } from '../domain/sample.ts';
import type { SamplePlan } from '../domain/sample.ts';
import type { Actor } from '../contract/types.ts';
import type { AspirationService } from './aspiration-service.ts';
import type { EpisodeService, Outcome } from './episode-service.ts';
import type { TranscriptArchive } from './transcripts.ts';

export interface SampleDeps {
  episodes: EpisodeService;
  aspirations: AspirationService;
  transcripts: TranscriptArchive;
  log: (line: string) => void;
}

export function currentSample({ episodes, aspirations }: SampleDeps): SamplePlan | null {
  return samplePlan(episodes.list(), aspirations.list, aspirations.district);
}

export async function removeSample(deps: SampleDeps, actor: Actor): Promise<Outcome<SamplePlan & { transcripts: string[] }>> {
  const { episodes, aspirations, transcripts, log } = deps;
  const checked = checkSampleRemoval(actor, currentSample(deps));
  if (!checked.ok) return checked;
  const plan = checked.value;
  const usulan = await aspirations.run((desk) => removeSampleAspirations(desk.list));
  if (!usulan.ok) return usulan;
  const removedNotulas: string[] = [];
  for (const { id } of plan.episodes) {
    const e = episodes.find(id);
    if (!e) continue;
    const name = await transcripts.nameOf(e).catch(() => null);
    await episodes.remove(id);
    if (name) {
      const gone = await transcripts.remove(name).catch((err) => {
        log(`kentongan: could not remove the sample notula ${name}: ${(err as Error).message}`);
        return false;
      });
      if (gone) removedNotulas.push(name);
    }
  }
  const district = await aspirations.changeDistrict((d) => removeSampleDistrict(d, aspirations.list));
  if (!district.ok) return district;
  return { ok: true, value: { ...plan, transcripts: removedNotulas } };
}
