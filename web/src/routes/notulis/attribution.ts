// Who a note is attributed to, as the notulis picks it with chips.
import type { Attribution, Speaker } from '$contract/types.ts';

/** Tapping a speaker: adds or removes them when speakers are already chosen, otherwise starts afresh. */
export function toggleSpeaker(by: Attribution, speakerId: string): Attribution {
  if (by.kind !== 'speakers') return { kind: 'speakers', speakerIds: [speakerId] };
  const ids = by.speakerIds.includes(speakerId) ? by.speakerIds.filter((x) => x !== speakerId) : [...by.speakerIds, speakerId];
  return { kind: 'speakers', speakerIds: ids };
}

/** Complete enough to send: at least one speaker, or a non-empty agency label. */
export function isComplete(by: Attribution): boolean {
  if (by.kind === 'speakers') return by.speakerIds.length > 0;
  if (by.kind === 'agency') return by.label.trim().length > 0;
  return true;
}

/** The agencies of the episode's speakers, once each, for one-tap agency chips ("BAPPEDA"). */
export function agencyChips(speakers: readonly Speaker[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of speakers) {
    const a = s.agency.trim();
    if (a && !seen.has(a.toLowerCase())) {
      seen.add(a.toLowerCase());
      out.push(a);
    }
  }
  return out;
}

/** The names a note is attributed to, in the episode's speaker order. */
export function attributionNames(by: Attribution, speakers: readonly Speaker[]): string[] | null {
  if (by.kind === 'agency') return [by.label];
  if (by.kind === 'none') return null;
  return speakers.filter((s) => by.speakerIds.includes(s.id)).map((s) => s.shortName);
}
