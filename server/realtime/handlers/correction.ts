import { correctHeading, correctRecording, reassignClosing } from '../../domain/correction.ts';
import { episodeView, questionView } from '../../domain/views.ts';
import { staffOnly } from '../handler.ts';
import type { RealtimeDeps } from './deps.ts';

// Corrections after the show that have no live counterpart. note:edit and closing:set
// become corrections by themselves once the episode has ended (handlers/note.ts).
export function correctionHandlers({ corrections }: RealtimeDeps) {
  const heading = staffOnly<'question:heading'>(async (p, ctx, staff) => {
    return corrections.run(p.episodeId, (e, c) => correctHeading(e, staff, p.questionId, p.heading, c), questionView);
  });
  const recording = staffOnly<'episode:recording'>(async (p, ctx, staff) => {
    return corrections.run(p.episodeId, (e, c) => correctRecording(e, staff, p.recordingUrl, c), episodeView);
  });
  const reassign = staffOnly<'closing:reassign'>(async (p, ctx, staff) => {
    return corrections.run(p.episodeId, (e, c) => reassignClosing(e, staff, p.speakerId, p.toSpeakerId, c), (c) => structuredClone(c));
  });
  return { 'question:heading': heading, 'episode:recording': recording, 'closing:reassign': reassign };
}
