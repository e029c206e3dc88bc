import { fail } from '../../contract/errors.ts';
import { joinListener, setPremoderation } from '../../domain/episode.ts';
import { isMember } from '../../domain/members.ts';
import { QUEUE_PAGE, QUEUE_PAGE_MAX, episodeView, listenerOwn, queuePage, staffSnapshot } from '../../domain/views.ts';
import { myPollAnswers, pollView, pollsOf } from '../../domain/poll.ts';
import { listenerJoin } from '../snapshot.ts';
import { listenerAspirations, staffAspirations } from '../../domain/planner.ts';
import { rooms } from '../../contract/events.ts';
import { staffOnly } from '../handler.ts';
import type { Handler } from '../handler.ts';
import type { AckData } from '../../contract/events.ts';
import type { RealtimeDeps } from './deps.ts';
import { staffGuard } from '../../app/staff-guard.ts';

export function episodeHandlers({ episodes, broadcaster, aspirations }: RealtimeDeps) {
  /** Joining returns a full snapshot; a client that reconnects simply joins again. */
  const join: Handler<'episode:join'> = async (p, ctx) => {
    const e = p.episodeId ? episodes.find(p.episodeId) : p.code ? episodes.byCode(p.code) : undefined;
    if (!e) return fail('episode_not_found');
    if (p.as === 'staff') {
      const guard = staffGuard(ctx.staff(), 'episode.viewStaff');
      if (!guard.ok) return guard;
      await ctx.socket.join(rooms.staff(e.id));
      const polls = pollsOf(e).map((p) => pollView(p, 'staff'));
      return { ok: true, value: { ...staffSnapshot(e, broadcaster.seq(e.id)), polls, aspirations: staffAspirations(aspirations.list, e.id) } };
    }
    await ctx.socket.join([rooms.episode(e.id), rooms.listener(ctx.listener.listenerId)]);
    if (!p.watchOnly && e.status !== 'ended' && !isMember(e.listeners, ctx.listener.listenerId)) {
      await episodes.run(e.id, (ep) => joinListener(ep, ctx.listener.listenerId));
    }
    const me = ctx.listener.listenerId;
    const shared = broadcaster.snapshots.shared(e, broadcaster.listenerSeq(e.id));
    const extras = { myPollAnswers: myPollAnswers(e, me), ...listenerAspirations(aspirations.list, e.id, me) };
    // Packed, the shared part is bytes the client unpacks into the ack's declared shape (web/src/lib/episode-state.ts unpackJoin).
    const value = listenerJoin(shared, listenerOwn(e, me), e.archived?.listeners ?? e.listeners.length, extras, p.packed === true) as AckData['episode:join'];
    return { ok: true, value };
  };

  /** Further pages of the approved queue, in rank order (the join snapshot holds the first). */
  const questions: Handler<'episode:questions'> = (p) => {
    const e = episodes.find(p.episodeId);
    if (!e) return fail('episode_not_found');
    return { ok: true, value: { episodeId: e.id, offset: p.offset, ...queuePage(e, p.offset, Math.min(p.limit ?? QUEUE_PAGE, QUEUE_PAGE_MAX)) } };
  };

  const leave: Handler<'episode:leave'> = async (p, ctx) => {
    await ctx.socket.leave(rooms.episode(p.episodeId));
    await ctx.socket.leave(rooms.staff(p.episodeId));
    return { ok: true, value: null };
  };

  const moderation = staffOnly<'episode:moderation'>(async (p, ctx, staff) => {
    const out = await episodes.run(p.episodeId, (e) => setPremoderation(e, staff, p.premoderation));
    return out.ok ? { ok: true, value: episodeView(out.value) } : out;
  });

  return { 'episode:join': join, 'episode:leave': leave, 'episode:moderation': moderation, 'episode:questions': questions };
}
