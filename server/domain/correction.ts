// After the show: the station uploads the recording and tidies the minutes. An ended
// episode stays frozen except for these corrections, each kept in the episode's edit log
// (who, when, which field of which question/note/statement, before and after), which the
// transcript's front matter carries so an archived notula says how it was corrected.
import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import type { Ctx, Result } from './result.ts';
import { LIMITS } from '../contract/text.ts';
import { requiredLine } from '../contract/lines.ts';
import { infoOf } from './episode.ts';
import { isRecordingUrl } from '../contract/recording-url.ts';
import { attributionLabel } from './notula/layout.ts';
import type { Change } from './changes.ts';
import type { Actor, Attribution, ClosingStatement, EditEntry, EditField, Episode, Id, Note, Question, Speaker } from '../contract/types.ts';

export type { EditEntry, EditField };

/** Far more corrections than any tidying needs; keeps the front matter of a notula bounded. */
export const MAX_EDITS = 500;

export type ClosingCorrection =
  | { speakerId: Id; kind: 'paragraph'; text: string }
  | { speakerId: Id; kind: 'points'; points: string[] };

type Staff = Extract<Actor, { kind: 'staff' }>;

/** Who may correct, and only once the episode has ended (before that, the live rules apply). */
export function correctable(e: Episode, actor: Actor): Staff | ReturnType<typeof fail> {
  if (!can(actor, 'episode.correct') || actor?.kind !== 'staff') return fail('not_allowed');
  if (e.status !== 'ended') return fail('episode_not_ended');
  if ((e.edits?.length ?? 0) >= MAX_EDITS) return fail('too_many_edits');
  return actor;
}

export function isStaff(x: Staff | ReturnType<typeof fail>): x is Staff {
  return 'kind' in x;
}

/** One line of the edit log. `by` is the staff username (the display name when unknown). */
export function editEntry(actor: Staff, field: EditField, target: Id | null, before: string | null, after: string | null, ctx: Ctx): EditEntry {
  return { at: ctx.now, by: actor.username ?? actor.name, role: actor.role, field, target, before, after };
}

/** Appends the entries; the Change carries the whole log (small, and replacing it is idempotent). */
export function logged<T>(e: Episode, value: T, entries: EditEntry[], changes: Change[]): Result<T> {
  e.edits = [...(e.edits ?? []), ...entries];
  return ok(value, [...changes, { kind: 'edits', edits: e.edits }]);
}

/** Sets, changes or (with null or "") removes the recording link. */
export function correctRecording(e: Episode, actor: Actor, url: string | null, ctx: Ctx): Result<Episode> {
  const who = correctable(e, actor);
  if (!isStaff(who)) return who;
  const next = url && url.trim() ? url.trim() : null;
  if (next !== null && !isRecordingUrl(next)) return fail('invalid_payload', 'Tautan rekaman harus diawali http:// atau https://.');
  if (next === e.recordingUrl) return fail('no_change');
  const entry = editEntry(who, 'recordingUrl', null, e.recordingUrl, next, ctx);
  e.recordingUrl = next;
  return logged(e, e, [entry], [{ kind: 'episode', info: infoOf(e), status: e.status }]);
}

/** The heading the notula prints for a question: the editorial one when set, else the words as asked. */
export function headingOf(q: Pick<Question, 'text' | 'heading'>): string {
  return q.heading ?? q.text;
}

/** Sets the notula's heading for an answered question; null or "" goes back to the words as asked. */
export function correctHeading(e: Episode, actor: Actor, questionId: Id, heading: string | null, ctx: Ctx): Result<Question> {
  const who = correctable(e, actor);
  if (!isStaff(who)) return who;
  const q = e.questions.find((x) => x.id === questionId);
  if (!q) return fail('question_not_found');
  if (q.status !== 'answered' && q.status !== 'on_air') return fail('question_not_in_notula');
  let next: string | null = null;
  if (heading !== null && heading.trim() !== '') {
    const line = requiredLine(heading, LIMITS.questionText, 'Judul pertanyaan');
    if (!line.ok) return line;
    // A heading equal to the question as asked is no heading: the raw text shows anyway.
    next = line.text === q.text ? null : line.text;
  }
  if (next === (q.heading ?? null)) return fail('no_change');
  const entry = editEntry(who, 'question.heading', q.id, headingOf(q), next ?? q.text, ctx);
  q.heading = next;
  return logged(e, q, [entry], [{ kind: 'question', question: q }]);
}

function label(by: Attribution, speakers: readonly Speaker[]): string | null {
  return attributionLabel(by, speakers);
}

/** Corrects a note's text and/or who said it; one log entry per field that changed. */
export function correctNote(e: Episode, actor: Actor, noteId: Id, by: Attribution, text: string, ctx: Ctx): Result<Note> {
  const who = correctable(e, actor);
  if (!isStaff(who)) return who;
  const note = e.notes.find((n) => n.id === noteId);
  if (!note) return fail('note_not_found');
  const checked = checkAttribution(e, by);
  if (!checked.ok) return checked;
  const line = requiredLine(text, LIMITS.noteText, 'Catatan');
  if (!line.ok) return line;
  const entries: EditEntry[] = [];
  if (line.text !== note.text) entries.push(editEntry(who, 'note.text', note.id, note.text, line.text, ctx));
  const before = label(note.by, e.speakers);
  const after = label(checked.by, e.speakers);
  if (JSON.stringify(checked.by) !== JSON.stringify(note.by)) entries.push(editEntry(who, 'note.by', note.id, before, after, ctx));
  if (entries.length === 0) return fail('no_change');
  note.text = line.text;
  note.by = checked.by;
  // updatedAt stays: the edit log says when, and the notula's order rests on createdAt only.
  return logged(e, note, entries, [{ kind: 'note', note }]);
}

function checkAttribution(e: Episode, by: Attribution): { ok: true; by: Attribution } | ReturnType<typeof fail> {
  if (by.kind === 'none') return { ok: true, by };
  if (by.kind === 'agency') {
    const l = requiredLine(by.label, LIMITS.label, 'Nama instansi');
    return l.ok ? { ok: true, by: { kind: 'agency', label: l.text } } : l;
  }
  const ids = [...new Set(by.speakerIds)];
  if (ids.length === 0 || ids.some((id) => !e.speakers.some((s) => s.id === id))) return fail('speaker_not_found');
  return { ok: true, by: { kind: 'speakers', speakerIds: e.speakers.filter((s) => ids.includes(s.id)).map((s) => s.id) } };
}

/** A closing statement as one string for the log: the paragraph, or "1. …\n2. …". */
export function closingText(c: ClosingStatement | undefined): string | null {
  if (!c) return null;
  return c.kind === 'paragraph' ? c.text : c.points.map((p, i) => `${i + 1}. ${p}`).join('\n');
}

function checkClosing(input: ClosingCorrection): { ok: true; statement: ClosingStatement } | ReturnType<typeof fail> {
  if (input.kind === 'paragraph') {
    const t = requiredLine(input.text, LIMITS.noteText, 'Pernyataan penutup');
    return t.ok ? { ok: true, statement: { speakerId: input.speakerId, kind: 'paragraph', text: t.text } } : t;
  }
  if (input.points.length > LIMITS.closingPoints) return fail('text_too_long', `Paling banyak ${LIMITS.closingPoints} butir.`);
  const points: string[] = [];
  for (const raw of input.points) {
    if (raw.trim() === '') continue;
    const p = requiredLine(raw, LIMITS.closingPoint, 'Butir penutup');
    if (!p.ok) return p;
    points.push(p.text);
  }
  if (points.length === 0) return fail('text_empty', '(Pernyataan penutup)');
  return { ok: true, statement: { speakerId: input.speakerId, kind: 'points', points } };
}

/**
 * Corrects (or adds a forgotten) closing statement. A correction never empties one: the
 * minutes of what a speaker said are tidied, not withdrawn.
 */
export function correctClosing(e: Episode, actor: Actor, input: ClosingCorrection, ctx: Ctx): Result<ClosingStatement[]> {
  const who = correctable(e, actor);
  if (!isStaff(who)) return who;
  if (!e.speakers.some((s) => s.id === input.speakerId)) return fail('speaker_not_found');
  const checked = checkClosing(input);
  if (!checked.ok) return checked;
  const current = e.closing.find((c) => c.speakerId === input.speakerId);
  if (JSON.stringify(current) === JSON.stringify(checked.statement)) return fail('no_change');
  const entry = editEntry(who, 'closing.text', input.speakerId, closingText(current), closingText(checked.statement), ctx);
  // In place, so the order in which speakers gave theirs stays; a forgotten one goes last.
  e.closing = current ? e.closing.map((c) => (c === current ? checked.statement : c)) : [...e.closing, checked.statement];
  return logged(e, e.closing, [entry], [{ kind: 'closing', closing: e.closing }]);
}

/** Moves a closing statement written under the wrong speaker to the right one. */
export function reassignClosing(e: Episode, actor: Actor, speakerId: Id, toSpeakerId: Id, ctx: Ctx): Result<ClosingStatement[]> {
  const who = correctable(e, actor);
  if (!isStaff(who)) return who;
  const from = e.speakers.find((s) => s.id === speakerId);
  const to = e.speakers.find((s) => s.id === toSpeakerId);
  if (!from || !to) return fail('speaker_not_found');
  if (from.id === to.id) return fail('no_change');
  const current = e.closing.find((c) => c.speakerId === from.id);
  if (!current) return fail('closing_not_found');
  if (e.closing.some((c) => c.speakerId === to.id)) return fail('closing_taken', `(${to.shortName})`);
  const entry = editEntry(who, 'closing.speaker', to.id, from.shortName, to.shortName, ctx);
  e.closing = e.closing.map((c) => (c === current ? { ...c, speakerId: to.id } : c));
  return logged(e, e.closing, [entry], [{ kind: 'closing', closing: e.closing }]);
}
