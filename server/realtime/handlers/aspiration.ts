import { fail } from '../../contract/errors.ts';
import * as rules from '../../domain/aspiration.ts';
import { aspirationView } from '../../domain/planner.ts';
import { hasJoined } from '../handler.ts';
import { staffOnly } from '../handler.ts';
import type { Handler } from '../handler.ts';
import type { RealtimeDeps } from './deps.ts';

export function aspirationHandlers({ aspirations }: RealtimeDeps) {
  const submit: Handler<'aspiration:submit'> = async (p, ctx) => {
    const out = await aspirations.runInEpisode(p.episodeId, (d, e, c) => rules.submitAspiration(d.list, d.district, e, ctx.listener, p, c));
    return out.ok ? { ok: true, value: aspirationView(out.value) } : out;
  };
  const enter = staffOnly<'aspiration:enter'>(async (p, ctx, staff) => {
    const out = await aspirations.runInEpisode(p.episodeId, (d, e, c) => rules.enterAspiration(d.list, d.district, e, staff, p, c));
    return out.ok ? { ok: true, value: aspirationView(out.value) } : out;
  });
  const fromQuestion = staffOnly<'aspiration:fromQuestion'>(async (p, ctx, staff) => {
    const out = await aspirations.runInEpisode(p.episodeId, (d, e, c) => rules.aspirationFromQuestion(d.list, d.district, e, staff, p.questionId, p, c));
    return out.ok ? { ok: true, value: aspirationView(out.value) } : out;
  });
  // Support always acts as the listener behind the socket, like votes, and needs the
  // usulan's episode joined on this socket, whatever that episode's status: a listener
  // reading an ended show's page may still back its usulan (the planners weigh them after
  // the show), a socket that never opened any page may not.
  const support: Handler<'aspiration:support'> = async (p, ctx) => {
    const out = await aspirations.run((d, c) => {
      const a = rules.findAspiration(d.list, p.aspirationId);
      if (a && !hasJoined(ctx, a.episodeId)) return fail('not_joined');
      return rules.supportAspiration(d.list, ctx.listener, p.aspirationId, c);
    });
    return out.ok ? { ok: true, value: { aspirationId: p.aspirationId, supports: out.value } } : out;
  };
  const status = staffOnly<'aspiration:status'>(async (p, ctx, staff) => {
    const out = await aspirations.run((d, c) => rules.setAspirationStatus(d.list, staff, [p.aspirationId], p.status, p.reason, c));
    return out.ok ? { ok: true, value: aspirationView(out.value[0]!) } : out;
  });
  return {
    'aspiration:submit': submit, 'aspiration:enter': enter, 'aspiration:fromQuestion': fromQuestion,
    'aspiration:support': support, 'aspiration:status': status,
  };
}
