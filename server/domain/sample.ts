// The sample a new station explores (server/sample/): two episodes, the usulan of the
// finished one, and an invented district in province 99. "Hapus contoh" removes all of
// it at once; what would go is told first, so the admin confirms knowing it.
import { fail } from '../contract/errors.ts';
import { isSampleRegion } from './district.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import type { AspirationChange } from './changes.ts';
import type { Actor, Aspiration, District, Episode, EpisodeStatus, FormerDistrict, Id } from '../contract/types.ts';

/** The ids the seed gives its episodes (server/sample/episodes.ts); no other episode has them. */
export const SAMPLE_EPISODES = { finished: 'sample-finished-07', draft: 'sample-draft-08' } as const;
const SAMPLE_IDS: ReadonlySet<string> = new Set(Object.values(SAMPLE_EPISODES));

export function isSampleEpisode(id: Id): boolean {
  return SAMPLE_IDS.has(id);
}

export interface SamplePlan {
  episodes: Array<{ id: Id; title: string; status: EpisodeStatus }>;
  /** Usulan sent in the sample episodes. */
  aspirations: number;
  /** The sample district, whether it is still the district or has stepped aside. */
  districts: Array<{ name: string; code: string | null; current: boolean }>;
}

/** What "Hapus contoh" would remove now; null when there is no sample left. */
export function samplePlan(episodes: readonly Episode[], list: readonly Aspiration[], district: District): SamplePlan | null {
  const plan: SamplePlan = {
    episodes: episodes.filter((e) => isSampleEpisode(e.id)).map((e) => ({ id: e.id, title: e.title, status: e.status })),
    aspirations: list.filter((a) => isSampleEpisode(a.episodeId)).length,
    districts: [
      ...(isSampleRegion(district.code) ? [{ name: district.name, code: district.code, current: true }] : []),
      ...(district.former ?? []).filter((f) => isSampleRegion(f.code)).map((f) => ({ name: f.name, code: f.code, current: false })),
    ],
  };
  return plan.episodes.length || plan.aspirations || plan.districts.length ? plan : null;
}

/** Refuses before anything changes: not an admin, nothing to remove, or a sample episode on air. */
export function checkSampleRemoval(actor: Actor, plan: SamplePlan | null): Result<SamplePlan> {
  if (!can(actor, 'district.manage')) return fail('not_allowed');
  if (!plan) return fail('sample_absent');
  if (plan.episodes.some((e) => e.status === 'live')) return fail('episode_live', '(episode contoh sedang siaran)');
  return ok(plan);
}

/** Every usulan of the sample episodes goes, whatever its status (no real listener sent them). */
export function removeSampleAspirations(list: Aspiration[]): Result<number> {
  const gone = list.filter((a) => isSampleEpisode(a.episodeId));
  if (gone.length === 0) return ok(0);
  const ids = new Set(gone.map((a) => a.id));
  const kept = list.filter((a) => !ids.has(a.id));
  for (const a of kept) if (a.mergedFrom.some((id) => ids.has(id))) a.mergedFrom = a.mergedFrom.filter((id) => !ids.has(id));
  list.splice(0, list.length, ...kept);
  const changes: AspirationChange[] = gone.map((aspiration) => ({ kind: 'aspirationRemoved', aspiration }));
  return ok(gone.length, changes);
}

function usesAny(list: readonly Aspiration[], f: FormerDistrict): boolean {
  const codes = new Set(f.kecamatan.map((k) => k.code));
  return list.some((a) => codes.has(a.kecamatan));
}

/**
 * The sample district goes: as the district, it leaves empty settings (dimensions and zone
 * stay) for the admin to fill; as a former one, it is dropped. Only usulan sent outside
 * the sample episodes into its regions (a real show run while it was the district) keep
 * a copy for their names.
 */
export function removeSampleDistrict(district: District, remaining: readonly Aspiration[]): Result<District> {
  const former = (district.former ?? []).filter((f) => !isSampleRegion(f.code) || usesAny(remaining, f));
  if (isSampleRegion(district.code)) {
    const current: FormerDistrict = { name: district.name, code: district.code, dimensions: district.dimensions.map((d) => ({ ...d })), kecamatan: district.kecamatan };
    if (usesAny(remaining, current)) former.push(current);
    Object.assign(district, { name: '', code: null, kecamatan: [] });
  }
  if (former.length) district.former = former;
  else delete district.former;
  return ok(district);
}
