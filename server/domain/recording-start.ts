// When second 0 of the recording went out, and the chapters of the archive counted from it.
// A station rarely starts recording on the stroke of "Mulai siaran": the host sets (and
// adjusts) it after the show, as one more correction, so the same people may and it is logged.
import { fail } from '../contract/errors.ts';
import type { Ctx, Result } from './result.ts';
import { correctable, editEntry, headingOf, isStaff, logged } from './correction.ts';
import { infoOf } from './episode.ts';
import { notulaQuestions } from './notula/layout.ts';
import type { Actor, Episode, Id } from '../contract/types.ts';

/** How far before the show went live a recording may start (a pre-show jingle, a warm-up). */
export const RECORDING_LEAD_MS = 6 * 60 * 60_000;

/** The recording's start: the one staff set, else when the show went live. */
export function recordingStartOf(e: Pick<Episode, 'recordingStartedAt' | 'startedAt'>): string | null {
  return e.recordingStartedAt ?? e.startedAt;
}

/**
 * Sets the recording's start (an ISO instant), or with null goes back to startedAt. It must
 * lie between RECORDING_LEAD_MS before the show went live and the end of the show: any other
 * time would put every chapter outside the recording.
 */
export function setRecordingStart(e: Episode, actor: Actor, at: string | null, ctx: Ctx): Result<Episode> {
  const who = correctable(e, actor);
  if (!isStaff(who)) return who;
  let next: string | null = null;
  if (at !== null) {
    const ms = Date.parse(at);
    if (!Number.isFinite(ms)) return fail('invalid_date');
    const iso = new Date(ms).toISOString();
    const live = e.startedAt ? Date.parse(e.startedAt) : Date.parse(e.startsAt);
    const end = e.endedAt ? Date.parse(e.endedAt) : live;
    if (ms < live - RECORDING_LEAD_MS || ms > end) return fail('invalid_date', 'Awal rekaman harus di antara 6 jam sebelum siaran dimulai dan akhir siaran.');
    // The time the show went live is the default: storing it would only say the same twice.
    next = iso === e.startedAt ? null : iso;
  }
  if (next === (e.recordingStartedAt ?? null)) return fail('no_change');
  const entry = editEntry(who, 'recordingStartedAt', null, recordingStartOf(e), next ?? e.startedAt, ctx);
  e.recordingStartedAt = next;
  return logged(e, e, [entry], [{ kind: 'episode', info: infoOf(e), status: e.status }]);
}

export interface Chapter {
  questionId: Id;
  /** The heading the notula prints for it. */
  heading: string;
  /** Whole seconds into the recording; 0 for a question that went on air before it started. */
  seconds: number;
}

/** Each question discussed on air, at its moment in the recording, in the notula's order. */
export function chapters(e: Episode): Chapter[] {
  const start = recordingStartOf(e);
  if (!start) return [];
  const zero = Date.parse(start);
  return notulaQuestions(e)
    .filter((q) => q.onAirAt !== null)
    .map((q) => ({ questionId: q.id, heading: headingOf(q), seconds: Math.max(0, Math.floor((Date.parse(q.onAirAt!) - zero) / 1000)) }));
}

/** "1:02:05" or "12:05": a chapter's moment as a listener reads it. */
export function clockOf(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
