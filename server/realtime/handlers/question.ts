import * as rules from '../../domain/question.ts';
import type { Result } from '../../domain/result.ts';
import type { Ctx } from '../../domain/result.ts';
import type { Actor, Episode, Question } from '../../contract/types.ts';
import { questionView } from '../../domain/views.ts';
import type { QuestionView } from '../../contract/views.ts';
import type { Handler, HandlerContext } from '../handler.ts';
import type { RealtimeDeps } from './deps.ts';
import { staffGuard } from '../../app/staff-guard.ts';

type Outcome = { ok: true; value: QuestionView } | { ok: false; error: import('../../contract/errors.ts').DomainError };

async function asStaff(
  deps: RealtimeDeps, ctx: HandlerContext, episodeId: string,
  rule: (e: Episode, staff: Actor, c: Ctx) => Result<Question>,
): Promise<Outcome> {
  const guard = staffGuard(ctx.staff());
  if (!guard.ok) return guard;
  return deps.episodes.run(episodeId, (e, c) => rule(e, guard.value, c), questionView);
}

export function questionHandlers(deps: RealtimeDeps) {
  const ask: Handler<'question:ask'> = async (p, ctx) => {
    return deps.episodes.run(p.episodeId, (e, c) => rules.askQuestion(e, ctx.listener, p, c, deps.pendingCaps), questionView);
  };
  const submit: Handler<'question:submit'> = (p, ctx) => asStaff(deps, ctx, p.episodeId, (e, s, c) => rules.submitQuestion(e, s, p, c));
  const approve: Handler<'question:approve'> = (p, ctx) => asStaff(deps, ctx, p.episodeId, (e, s) => rules.approveQuestion(e, s, p.questionId));
  const reject: Handler<'question:reject'> = (p, ctx) => asStaff(deps, ctx, p.episodeId, (e, s) => rules.rejectQuestion(e, s, p.questionId));
  const edit: Handler<'question:edit'> = (p, ctx) => asStaff(deps, ctx, p.episodeId, (e, s) => rules.editQuestion(e, s, p.questionId, p));
  const merge: Handler<'question:merge'> = (p, ctx) => asStaff(deps, ctx, p.episodeId, (e, s) => rules.mergeQuestion(e, s, p.questionId, p.intoId));
  const air: Handler<'question:air'> = (p, ctx) => asStaff(deps, ctx, p.episodeId, (e, s, c) => rules.airQuestion(e, s, p.questionId, c));
  const answered: Handler<'question:answered'> = (p, ctx) => asStaff(deps, ctx, p.episodeId, (e, s, c) => rules.markAnswered(e, s, p.questionId, c));
  const requeue: Handler<'question:requeue'> = (p, ctx) => asStaff(deps, ctx, p.episodeId, (e, s) => rules.requeueQuestion(e, s, p.questionId));
  return {
    'question:ask': ask, 'question:submit': submit, 'question:approve': approve, 'question:reject': reject,
    'question:edit': edit, 'question:merge': merge, 'question:air': air, 'question:answered': answered, 'question:requeue': requeue,
  };
}
