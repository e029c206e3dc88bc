import { addNote, deleteNote, editNote, removeClosing, setClosing } from '../../domain/note.ts';
import { correctClosing, correctNote } from '../../domain/correction.ts';
import { staffOnly } from '../handler.ts';
import type { RealtimeDeps } from './deps.ts';

export function noteHandlers({ episodes, corrections }: RealtimeDeps) {
  const add = staffOnly<'note:add'>(async (p, ctx, staff) => {
    return episodes.run(p.episodeId, (e, c) => addNote(e, staff, p, c), (n) => ({ ...n, by: structuredClone(n.by) }));
  });
  const edit = staffOnly<'note:edit'>(async (p, ctx, staff) => {
    const present = (n: import('../../contract/types.ts').Note) => ({ ...n, by: structuredClone(n.by) });
    // After the show the same event is a correction: logged, and the archived notula rewritten.
    if (corrections.isEnded(p.episodeId)) return corrections.run(p.episodeId, (e, c) => correctNote(e, staff, p.noteId, p.by, p.text, c), present);
    return episodes.run(p.episodeId, (e, c) => editNote(e, staff, p.noteId, p, c), present);
  });
  const remove = staffOnly<'note:delete'>(async (p, ctx, staff) => {
    const out = await episodes.run(p.episodeId, (e) => deleteNote(e, staff, p.noteId));
    return out.ok ? { ok: true, value: { noteId: out.value } } : out;
  });
  const closing = staffOnly<'closing:set'>(async (p, ctx, staff) => {
    if (corrections.isEnded(p.episodeId)) return corrections.run(p.episodeId, (e, c) => correctClosing(e, staff, p, c), (c) => structuredClone(c));
    return episodes.run(p.episodeId, (e) => setClosing(e, staff, p), (c) => structuredClone(c));
  });
  const closingRemove = staffOnly<'closing:remove'>(async (p, ctx, staff) => {
    return episodes.run(p.episodeId, (e) => removeClosing(e, staff, p.speakerId), (c) => structuredClone(c));
  });
  return { 'note:add': add, 'note:edit': edit, 'note:delete': remove, 'closing:set': closing, 'closing:remove': closingRemove };
}
