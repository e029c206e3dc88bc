import type { EpisodeStore } from '../store/episodes.ts';
import { buildDraftSample, buildFinishedSample } from './episodes.ts';

/** Fills an empty data folder with the sample episodes. */
export async function seedSample(store: EpisodeStore, now = new Date()): Promise<void> {
  await store.create(buildFinishedSample());
  await store.create(buildDraftSample(now));
}
