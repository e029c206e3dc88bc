import type { Server } from 'socket.io';
import type { AspirationChange, Change } from '../domain/changes.ts';
import type { Episode, Id } from '../contract/types.ts';
import { LISTENER_VISIBLE, QUEUE_PAGE, episodeView, questionView, staffQuestionView } from '../domain/views.ts';
import { compareQueue } from '../contract/ranking.ts';
import { pollView } from '../domain/poll.ts';
import { ASPIRATION_OPEN, supportCount } from '../domain/aspiration.ts';
import { aspirationView, staffAspirationView } from '../domain/planner.ts';
import { rooms } from '../contract/events.ts';
import { SnapshotCache } from './snapshot.ts';
import type { ClientToServerEvents, Delta, ServerToClientEvents } from '../contract/events.ts';

type Io = Server<ClientToServerEvents, ServerToClientEvents>;

interface Pending {
  staff: Delta;
  listener: Delta;
  dirtyStaff: boolean;
  dirtyListener: boolean;
  /** Only the listener count changed for listeners: worth a message to each of them now and then, not every tick. */
  countOnly: boolean;
}

/**
 * Listener deltas are one message per listener socket: at 10,000 listeners a 100 ms tick
 * would be 100,000 messages a second, more than a small machine can write (measured
 * here: tens of µs per delivered message, the largest cost of a vote after its own
 * acknowledgement). Listener deltas for an episode go out at most this many messages a
 * second in total: the tick stretches with the audience (150 listeners every 100 ms,
 * 2,000 every 1.3 s, 7,500 and more every 5 s), while staff, a handful of sockets, keep
 * the short tick. Capped so counts never look frozen (a 2 s cap sent 20,000 listeners
 * 10,000 messages a second). At 3,000 messages a second the deltas were a seventh of the
 * server's CPU in a 5,000 votes/s storm (the issue-15 profile in test/bench/RESULTS.md).
 */
export const LISTENER_MESSAGES_PER_SECOND = 1_500;
const LISTENER_TICK_MAX_MS = 5_000;
/** How long an audience of this size waits between listener deltas at most (the benchmark waits it out too). */
export function listenerTickMs(audience: number, tickMs = 100): number {
  return Math.min(LISTENER_TICK_MAX_MS, Math.max(tickMs, (audience * 1000) / LISTENER_MESSAGES_PER_SECOND));
}

/**
 * A join storm changes the listener count all the time; sent on its own it would fill the
 * listener budget exactly when the server is busiest with handshakes. On its own it goes to
 * listeners at most every 5 s, and with a large audience at most a tenth of the budget
 * (20,000 listeners: once a minute); it rides along with any other listener delta.
 */
const LISTENER_COUNT_EVERY_MS = 5_000;
const LISTENER_COUNT_SHARE = 0.1;
/**
 * One emit to 2,000 sockets keeps the event loop busy for tens of milliseconds, and every
 * vote that arrives meanwhile waits: large audiences get the delta in slices, with the
 * loop free between them (votes are acknowledged in the gaps; measured at 2,000 votes/s
 * and 2,000 listeners, slices of 250 left an ack p99 of ~110 ms inside the server, of 50
 * ~45 ms). One slice at a time per episode, in the same order, so each socket still sees
 * deltas in sequence.
 */
const FANOUT_SLICE = 50;

/**
 * Turns committed changes into coalesced deltas, one per audience, sent at most once
 * per tick: a storm of votes becomes a few small messages a second, each carrying the
 * latest counts only. Per-listener news (your question was approved) goes straight out.
 */
export class Broadcaster {
  readonly #io: Io;
  readonly #tickMs: number;
  readonly #pending = new Map<Id, Pending>();
  readonly #seq = new Map<Id, number>();
  /** When each episode's listeners last got a delta (ms, monotonic). */
  readonly #listenerSentAt = new Map<Id, number>();
  /** Episodes whose listener delta is still going out slice by slice. */
  readonly #fanningOut = new Set<Id>();
  #timer: NodeJS.Timeout | null = null;
  /** Join snapshots, built once per delta sequence number (see snapshot.ts). */
  readonly snapshots = new SnapshotCache();

  constructor(io: Io, tickMs = 100) {
    this.#io = io;
    this.#tickMs = tickMs;
  }

  /** The sequence number of the last delta sent for the episode; snapshots carry it. */
  seq(episodeId: Id): number {
    return this.#seq.get(episodeId) ?? 0;
  }

  readonly #listenerSeq = new Map<Id, number>();
  /**
   * The sequence number of the last delta sent to the episode's listeners. A listener
   * snapshot labelled with it is exact once their next delta is applied; staff deltas
   * (every tick of a join storm, for the count) do not move it, so the shared snapshot
   * stays valid through the storm (see snapshot.ts).
   */
  listenerSeq(episodeId: Id): number {
    return this.#listenerSeq.get(episodeId) ?? 0;
  }

  /** The latest state of each episode with pending changes (what a listener send ranks). */
  readonly #episodes = new Map<Id, Episode>();

  publish(e: Episode, changes: Change[]): void {
    this.#episodes.set(e.id, e);
    const p = this.#pendingFor(e.id);
    for (const c of changes) {
      if (c.kind === 'aspiration' || c.kind === 'supports' || c.kind === 'aspirationRemoved') this.#addAspiration(c);
      else this.#add(e, p, c);
    }
    this.#schedule();
  }

  /** The episode is gone: what was still to go out for it is dropped, its pages are told, its rooms emptied. */
  #removed(episodeId: Id): void {
    this.#pending.delete(episodeId);
    this.#listenerSentAt.delete(episodeId);
    const both = [rooms.episode(episodeId), rooms.staff(episodeId)];
    this.#io.to(both).emit('episode:removed', { episodeId });
    this.#io.in(both).socketsLeave(both);
  }

  /** Aspiration changes, each routed to the rooms of its own source episode (a merge may touch several). */
  publishAspirations(changes: AspirationChange[]): void {
    for (const c of changes) this.#addAspiration(c);
    this.#schedule();
  }

  #pendingFor(episodeId: Id): Pending {
    let p = this.#pending.get(episodeId);
    if (!p) {
      p = { staff: { episodeId, seq: 0 }, listener: { episodeId, seq: 0 }, dirtyStaff: false, dirtyListener: false, countOnly: false };
      this.#pending.set(episodeId, p);
    }
    return p;
  }

  #schedule(): void {
    if (this.#timer) return;
    for (const p of this.#pending.values()) {
      if (p.dirtyStaff || p.dirtyListener || p.countOnly) {
        this.#timer = setTimeout(() => this.#send(false), this.#tickMs);
        return;
      }
    }
  }

  #addAspiration(c: AspirationChange): void {
    const a = c.aspiration;
    const p = this.#pendingFor(a.episodeId);
    const open = ASPIRATION_OPEN.has(a.status) && !a.blocked;
    if (c.kind === 'aspirationRemoved') {
      for (const d of [p.staff, p.listener]) {
        d.aspirations = d.aspirations?.filter((x) => x.id !== a.id);
        if (d.supports) delete d.supports[a.id];
        (d.aspirationsRemoved ??= []).push(a.id);
      }
      p.dirtyStaff = p.dirtyListener = true;
      return;
    }
    if (c.kind === 'supports') {
      (p.staff.supports ??= {})[a.id] = supportCount(a);
      p.dirtyStaff = true;
      if (open) {
        (p.listener.supports ??= {})[a.id] = supportCount(a);
        p.dirtyListener = true;
      }
      return;
    }
    const view = aspirationView(a);
    upsert((p.staff.aspirations ??= []), a.flags ? staffAspirationView(a) : view);
    // Supports are applied after upserts: a count collected earlier in this tick must not
    // override the newer one this upsert carries (e.g. a merge moving supporters).
    if (p.staff.supports && a.id in p.staff.supports) p.staff.supports[a.id] = view.supports;
    if (p.listener.supports && a.id in p.listener.supports) {
      if (open) p.listener.supports[a.id] = view.supports;
      else delete p.listener.supports[a.id];
    }
    p.dirtyStaff = true;
    if (open) {
      upsert((p.listener.aspirations ??= []), view);
      p.listener.aspirationsRemoved = p.listener.aspirationsRemoved?.filter((id) => id !== a.id);
    } else {
      p.listener.aspirations = p.listener.aspirations?.filter((x) => x.id !== a.id);
      (p.listener.aspirationsRemoved ??= []).push(a.id);
    }
    p.dirtyListener = true;
    if (a.submittedBy) this.#io.to(rooms.listener(a.submittedBy)).emit('aspiration:mine', { aspiration: view });
  }

  #add(e: Episode, p: Pending, c: Change): void {
    switch (c.kind) {
      case 'episode': {
        const view = episodeView(e);
        p.staff.episode = view;
        p.listener.episode = view;
        p.dirtyStaff = p.dirtyListener = true;
        return;
      }
      case 'question': {
        const view = questionView(c.question);
        upsert((p.staff.questions ??= []), c.question.senderMask || c.question.flags ? staffQuestionView(c.question) : view);
        p.dirtyStaff = true;
        if (LISTENER_VISIBLE.has(view.status)) {
          upsert((p.listener.questions ??= []), view);
          // Rejected then approved again within one listener tick: the latest state wins.
          p.listener.removed = p.listener.removed?.filter((id) => id !== view.id);
          p.dirtyListener = true;
        } else if (view.status === 'rejected' || view.status === 'merged') {
          p.listener.questions = p.listener.questions?.filter((q) => q.id !== view.id);
          (p.listener.removed ??= []).push(view.id);
          p.dirtyListener = true;
        }
        if (p.dirtyListener) p.listener.queueTotal = approvedCount(e);
        if (c.question.askedBy) {
          this.#io.to(rooms.listener(c.question.askedBy)).emit('question:mine', { episodeId: e.id, question: view });
        }
        return;
      }
      case 'votes': {
        (p.staff.votes ??= {})[c.questionId] = c.count;
        p.dirtyStaff = true;
        const q = questionById(e, c.questionId);
        if (q && LISTENER_VISIBLE.has(q.status)) {
          // Whole questions for those that climbed into the first page go in at send time (#climbers).
          (p.listener.votes ??= {})[c.questionId] = c.count;
          p.dirtyListener = true;
        }
        return;
      }
      case 'note':
        upsert((p.staff.notes ??= []), c.note);
        p.dirtyStaff = true;
        return;
      case 'noteRemoved':
        p.staff.notes = p.staff.notes?.filter((n) => n.id !== c.noteId);
        (p.staff.notesRemoved ??= []).push(c.noteId);
        p.dirtyStaff = true;
        return;
      case 'closing':
        p.staff.closing = c.closing;
        p.dirtyStaff = true;
        return;
      case 'edits':
        p.staff.edits = c.edits;
        p.dirtyStaff = true;
        return;
      case 'listeners':
        p.staff.listenerCount = p.listener.listenerCount = c.count;
        p.dirtyStaff = true;
        p.countOnly = true;
        return;
      case 'poll':
        upsert((p.staff.polls ??= []), pollView(c.poll, 'staff'));
        upsert((p.listener.polls ??= []), pollView(c.poll, 'listener'));
        p.dirtyStaff = p.dirtyListener = true;
        return;
      case 'pollAnswers':
        // A storm of answers becomes one upsert per tick carrying the latest counts.
        upsert((p.staff.polls ??= []), pollView(c.poll, 'staff'));
        p.dirtyStaff = true;
        if (c.poll.resultsVisible) {
          upsert((p.listener.polls ??= []), pollView(c.poll, 'listener'));
          p.dirtyListener = true;
        }
        return;
      case 'questionRemoved':
        for (const d of [p.staff, p.listener]) {
          d.questions = d.questions?.filter((q) => q.id !== c.questionId);
          if (d.votes) delete d.votes[c.questionId];
          (d.removed ??= []).push(c.questionId);
        }
        p.dirtyStaff = p.dirtyListener = true;
        return;
      case 'aspiration':
      case 'supports':
      case 'aspirationRemoved':
        this.#addAspiration(c);
        return;
      case 'episodeRemoved':
        this.#removed(e.id);
        return;
      case 'audience':
        // Staff read the series on request (GET …/analytics); a minute's sample is news to no screen.
        return;
    }
  }

  /**
   * Sockets connected to the episode as listeners right now (the staff analytics' sampler):
   * its room's size, less any staff socket in it. Cheap (a Set's size and the few staff), so
   * it can be asked every few seconds whatever the audience. A studio screen (watch only)
   * shares the room and counts as one.
   */
  connectedListeners(episodeId: Id): number {
    const all = this.#io.sockets.adapter.rooms;
    const audience = all.get(rooms.episode(episodeId));
    if (!audience) return 0;
    let staff = 0;
    for (const id of all.get(rooms.staff(episodeId)) ?? []) if (audience.has(id)) staff++;
    return audience.size - staff;
  }

  /** The listener tick for an episode's audience size (see LISTENER_MESSAGES_PER_SECOND). */
  #listenerTickMs(episodeId: Id): number {
    const audience = this.#io.sockets.adapter.rooms.get(rooms.episode(episodeId))?.size ?? 0;
    return listenerTickMs(audience, this.#tickMs);
  }

  /** How often a listener count alone goes to the episode's listeners (see LISTENER_COUNT_EVERY_MS). */
  #countEveryMs(episodeId: Id): number {
    const audience = this.#io.sockets.adapter.rooms.get(rooms.episode(episodeId))?.size ?? 0;
    return Math.max(LISTENER_COUNT_EVERY_MS, this.#listenerTickMs(episodeId), (audience * 1000) / (LISTENER_MESSAGES_PER_SECOND * LISTENER_COUNT_SHARE));
  }

  /** Sends everything pending now (shutdown, tests). */
  flush(): void {
    this.#send(true);
  }

  /**
   * Staff deltas go out every tick; listener deltas when their episode's listener tick is
   * due, until then they keep collecting (upserts and absolute counts, so nothing is lost).
   * Every delta sent takes the episode's next sequence number.
   */
  #send(all: boolean): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const now = performance.now();
    for (const [episodeId, p] of this.#pending) {
      const since = now - (this.#listenerSentAt.get(episodeId) ?? -Infinity);
      const listenersDue = (!this.#fanningOut.has(episodeId) || all)
        && ((p.dirtyListener && (all || since >= this.#listenerTickMs(episodeId) - 1))
          || (p.countOnly && (all || since >= this.#countEveryMs(episodeId) - 1)));
      if (!p.dirtyStaff && !listenersDue) continue;
      const seq = this.seq(episodeId) + 1;
      this.#seq.set(episodeId, seq);
      if (p.dirtyStaff) {
        this.#io.to(rooms.staff(episodeId)).emit('episode:delta', { ...p.staff, seq });
        p.staff = { episodeId, seq: 0 };
        p.dirtyStaff = false;
      }
      if (listenersDue) {
        this.#listenerSeq.set(episodeId, seq);
        const e = this.#episodes.get(episodeId);
        if (e && p.listener.votes) this.#climbers(e, p.listener);
        this.#toListeners(episodeId, { ...p.listener, seq });
        this.#listenerSentAt.set(episodeId, now);
        p.listener = { episodeId, seq: 0 };
        p.dirtyListener = false;
        p.countOnly = false;
      }
      if (!p.dirtyListener && !p.countOnly) {
        this.#pending.delete(episodeId);
        this.#episodes.delete(episodeId);
      }
    }
    this.#schedule();
  }

  /**
   * Listeners hold the first page of the queue and the pages they asked for: a question
   * that gathered votes and now ranks on the first page travels whole, so a phone that never
   * loaded it can show it where it climbed (the count map has the latest counts of the rest).
   * Only those: with 400 questions all drawing votes, every question voted on in a tick went
   * whole, 120 KB to each of 2,000 listeners per tick, and the phones (and the benchmark's
   * load generators) spent their time parsing it.
   */
  #climbers(e: Episode, d: Delta): void {
    const approved = e.questions.filter((q) => q.status === 'approved');
    const firstPage = new Set(approved.map(questionView).sort(compareQueue).slice(0, QUEUE_PAGE).map((q) => q.id));
    for (const id of Object.keys(d.votes ?? {})) {
      if (!firstPage.has(id) || d.questions?.some((x) => x.id === id)) continue;
      const q = questionById(e, id);
      if (q) (d.questions ??= []).push(questionView(q));
    }
  }

  #toListeners(episodeId: Id, delta: Delta): void {
    const audience = this.#io.sockets.adapter.rooms.get(rooms.episode(episodeId));
    if (!audience || audience.size <= FANOUT_SLICE) {
      this.#io.to(rooms.episode(episodeId)).except(rooms.staff(episodeId)).emit('episode:delta', delta);
      return;
    }
    const staff = this.#io.sockets.adapter.rooms.get(rooms.staff(episodeId));
    const ids = [...audience].filter((id) => !staff?.has(id));
    this.#fanningOut.add(episodeId);
    let at = 0;
    const slice = () => {
      // Every socket is in a room named by its id: a slice is a list of those rooms.
      this.#io.to(ids.slice(at, (at += FANOUT_SLICE))).emit('episode:delta', delta);
      if (at < ids.length) setImmediate(slice);
      else {
        this.#fanningOut.delete(episodeId);
        this.#schedule();
      }
    };
    slice();
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/**
 * A question by id without scanning the list for every vote of a storm: its position, per
 * question list, checked on every use (a question replaced in place is found at the same
 * place; a list changed otherwise is indexed again).
 */
const byId = new WeakMap<Episode['questions'], Map<Id, number>>();
function questionById(e: Episode, id: Id) {
  const list = e.questions;
  let index = byId.get(list);
  let at = index?.get(id);
  // Not indexed yet, or the list changed under the index (a question added or removed).
  if (at === undefined || list[at]?.id !== id) {
    index = new Map(list.map((q, i) => [q.id, i]));
    byId.set(list, index);
    at = index.get(id);
  }
  return at === undefined ? undefined : list[at];
}

function approvedCount(e: Episode): number {
  let n = 0;
  for (const q of e.questions) if (q.status === 'approved') n++;
  return n;
}

function upsert<T extends { id: string }>(list: T[], item: T): void {
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) list[at] = item;
  else list.push(item);
}
