import type { Change } from './changes.ts';
import type { Episode } from '../contract/types.ts';
import { infoOf } from './episode.ts';

/**
 * After a failed write the store puts the episode back as it is on disk (see
 * store/episodes.ts). The failed command's changes were never published, but a listener
 * or console that joined in the few milliseconds between the rule and the failed write
 * was shown them in its snapshot. These changes describe, for each thing the failed
 * command touched, its state as it is again: sent to everyone, they bring every screen
 * back to the disk's state. Aspiration changes live in another store and are left out.
 */
export function revertChanges(e: Episode, failed: Change[]): Change[] {
  const out: Change[] = [];
  for (const c of failed) {
    switch (c.kind) {
      case 'episode':
        out.push({ kind: 'episode', info: infoOf(e), status: e.status });
        break;
      case 'question':
      case 'votes':
      case 'questionRemoved': {
        const id = c.kind === 'question' ? c.question.id : c.questionId;
        const q = e.questions.find((x) => x.id === id);
        out.push(q ? { kind: 'question', question: q } : { kind: 'questionRemoved', questionId: id });
        break;
      }
      case 'note':
      case 'noteRemoved': {
        const id = c.kind === 'note' ? c.note.id : c.noteId;
        const n = e.notes.find((x) => x.id === id);
        out.push(n ? { kind: 'note', note: n } : { kind: 'noteRemoved', noteId: id });
        break;
      }
      case 'closing':
        out.push({ kind: 'closing', closing: e.closing });
        break;
      case 'listeners':
        out.push({ kind: 'listeners', count: e.listeners.length });
        break;
      case 'edits':
        out.push({ kind: 'edits', edits: e.edits ?? [] });
        break;
      case 'poll':
      case 'pollAnswers': {
        // A poll opened only by the failed command has no state to go back to: there is no
        // "poll removed" change, and the next snapshot no longer has it.
        const p = (e.polls ?? []).find((x) => x.id === c.poll.id);
        if (p) out.push({ kind: c.kind, poll: p });
        break;
      }
      case 'aspiration':
      case 'supports':
      case 'aspirationRemoved':
      case 'episodeRemoved':
      case 'audience':
        break;
    }
  }
  return out;
}
