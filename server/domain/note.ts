import { fail } from '../contract/errors.ts';
import { can } from '../contract/permissions.ts';
import { ok } from './result.ts';
import type { Ctx, Result } from './result.ts';
import { LIMITS } from '../contract/text.ts';
import { requiredLine } from '../contract/lines.ts';
import { findQuestion } from './question.ts';
import { closingStatement } from '../contract/closing.ts';
import type { ClosingInput } from '../contract/closing.ts';
import type { Actor, Attribution, ClosingStatement, Episode, Id, Note } from '../contract/types.ts';

export interface NoteInput {
  /** The question the answer belongs to (on air or answered), or null for a free note. */
  questionId: Id | null;
  by: Attribution;
  text: string;
}

export type { ClosingInput } from '../contract/closing.ts';

function writable(e: Episode, actor: Actor) {
  if (!can(actor, 'note.write')) return fail('not_allowed');
  if (e.status === 'ended') return fail('episode_ended');
  if (e.status !== 'live') return fail('episode_not_live');
  return null;
}

function checkAttribution(e: Episode, by: Attribution): { ok: true; by: Attribution } | ReturnType<typeof fail> {
  if (by.kind === 'none') return { ok: true, by };
  if (by.kind === 'agency') {
    const label = requiredLine(by.label, LIMITS.label, 'Nama instansi');
    if (!label.ok) return label;
    return { ok: true, by: { kind: 'agency', label: label.text } };
  }
  const ids = [...new Set(by.speakerIds)];
  if (ids.length === 0) return fail('speaker_not_found');
  for (const id of ids) if (!e.speakers.some((s) => s.id === id)) return fail('speaker_not_found');
  // Keep the episode's speaker order so "Pak Fahmi dan Bu Lis" reads the same every time.
  const ordered = e.speakers.filter((s) => ids.includes(s.id)).map((s) => s.id);
  return { ok: true, by: { kind: 'speakers', speakerIds: ordered } };
}

function checkQuestion(e: Episode, questionId: Id | null) {
  if (questionId === null) return null;
  const q = findQuestion(e, questionId);
  if (!q) return fail('question_not_found');
  if (q.status !== 'on_air' && q.status !== 'answered') return fail('no_question_on_air', 'Catatan hanya untuk pertanyaan yang sedang atau sudah mengudara.');
  return null;
}

export function addNote(e: Episode, actor: Actor, input: NoteInput, ctx: Ctx): Result<Note> {
  const denied = writable(e, actor);
  if (denied) return denied;
  const badQuestion = checkQuestion(e, input.questionId);
  if (badQuestion) return badQuestion;
  const by = checkAttribution(e, input.by);
  if (!by.ok) return by;
  const text = requiredLine(input.text, LIMITS.noteText, 'Catatan');
  if (!text.ok) return text;
  const note: Note = { id: ctx.newId(), questionId: input.questionId, by: by.by, text: text.text, createdAt: ctx.now, updatedAt: ctx.now };
  e.notes.push(note);
  return ok(note, [{ kind: 'note', note }]);
}

export function editNote(e: Episode, actor: Actor, noteId: Id, input: Omit<NoteInput, 'questionId'>, ctx: Ctx): Result<Note> {
  const denied = writable(e, actor);
  if (denied) return denied;
  const note = e.notes.find((n) => n.id === noteId);
  if (!note) return fail('note_not_found');
  const by = checkAttribution(e, input.by);
  if (!by.ok) return by;
  const text = requiredLine(input.text, LIMITS.noteText, 'Catatan');
  if (!text.ok) return text;
  note.by = by.by;
  note.text = text.text;
  note.updatedAt = ctx.now;
  return ok(note, [{ kind: 'note', note }]);
}

export function deleteNote(e: Episode, actor: Actor, noteId: Id): Result<Id> {
  const denied = writable(e, actor);
  if (denied) return denied;
  const at = e.notes.findIndex((n) => n.id === noteId);
  if (at < 0) return fail('note_not_found');
  e.notes.splice(at, 1);
  return ok(noteId, [{ kind: 'noteRemoved', noteId }]);
}

/**
 * Sets one speaker's closing statement. A save that would store nothing (an empty
 * paragraph, only blank points) is refused with `closing_empty`: the notulis removes a
 * statement with removeClosing, never by accident.
 */
export function setClosing(e: Episode, actor: Actor, input: ClosingInput): Result<ClosingStatement[]> {
  const denied = writable(e, actor);
  if (denied) return denied;
  if (!e.speakers.some((s) => s.id === input.speakerId)) return fail('speaker_not_found');
  const checked = closingStatement(input);
  if (!checked.ok) return checked;
  const statement = checked.statement;
  const rest = e.closing.filter((c) => c.speakerId !== input.speakerId);
  const next = [...rest, statement];
  // Closing statements follow the order in which speakers first gave theirs.
  const order = e.closing.map((c) => c.speakerId);
  next.sort((a, b) => rank(order, a.speakerId) - rank(order, b.speakerId));
  e.closing = next;
  return ok(e.closing, [{ kind: 'closing', closing: e.closing }]);
}

/** Removes one speaker's closing statement (none there: nothing changes, and that is fine). */
export function removeClosing(e: Episode, actor: Actor, speakerId: Id): Result<ClosingStatement[]> {
  const denied = writable(e, actor);
  if (denied) return denied;
  if (!e.speakers.some((s) => s.id === speakerId)) return fail('speaker_not_found');
  if (!e.closing.some((c) => c.speakerId === speakerId)) return ok(e.closing);
  e.closing = e.closing.filter((c) => c.speakerId !== speakerId);
  return ok(e.closing, [{ kind: 'closing', closing: e.closing }]);
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
