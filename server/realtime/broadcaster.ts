import type { Server } from 'socket.io';
import type { Change } from '../domain/changes.ts';
import type { Episode, Id } from '../domain/types.ts';
import { LISTENER_VISIBLE, episodeView, questionView } from '../domain/views.ts';
import { rooms } from './events.ts';
import type { ClientToServerEvents, Delta, ServerToClientEvents } from './events.ts';

type Io = Server<ClientToServerEvents, ServerToClientEvents>;

interface Pending {
  staff: Delta;
  listener: Delta;
  dirtyStaff: boolean;
  dirtyListener: boolean;
}

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
  #timer: NodeJS.Timeout | null = null;

  constructor(io: Io, tickMs = 100) {
    this.#io = io;
    this.#tickMs = tickMs;
  }

  /** The sequence number of the last delta sent for the episode; snapshots carry it. */
  seq(episodeId: Id): number {
    return this.#seq.get(episodeId) ?? 0;
  }

  publish(e: Episode, changes: Change[]): void {
    let p = this.#pending.get(e.id);
    if (!p) {
      p = { staff: { episodeId: e.id, seq: 0 }, listener: { episodeId: e.id, seq: 0 }, dirtyStaff: false, dirtyListener: false };
      this.#pending.set(e.id, p);
    }
    for (const c of changes) this.#add(e, p, c);
    if (!this.#timer && (p.dirtyStaff || p.dirtyListener)) this.#timer = setTimeout(() => this.flush(), this.#tickMs);
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
        upsert((p.staff.questions ??= []), view);
        p.dirtyStaff = true;
        if (LISTENER_VISIBLE.has(view.status)) {
          upsert((p.listener.questions ??= []), view);
          p.dirtyListener = true;
        } else if (view.status === 'rejected' || view.status === 'merged') {
          p.listener.questions = p.listener.questions?.filter((q) => q.id !== view.id);
          (p.listener.removed ??= []).push(view.id);
          p.dirtyListener = true;
        }
        if (c.question.askedBy) {
          this.#io.to(rooms.listener(c.question.askedBy)).emit('question:mine', { episodeId: e.id, question: view });
        }
        return;
      }
      case 'votes': {
        (p.staff.votes ??= {})[c.questionId] = c.count;
        p.dirtyStaff = true;
        const q = e.questions.find((x) => x.id === c.questionId);
        if (q && LISTENER_VISIBLE.has(q.status)) {
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
      case 'listeners':
        p.staff.listenerCount = p.listener.listenerCount = c.count;
        p.dirtyStaff = p.dirtyListener = true;
        return;
    }
  }

  /** Sends everything pending now. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const [episodeId, p] of this.#pending) {
      const seq = this.seq(episodeId) + 1;
      this.#seq.set(episodeId, seq);
      if (p.dirtyStaff) this.#io.to(rooms.staff(episodeId)).emit('episode:delta', { ...p.staff, seq });
      if (p.dirtyListener) this.#io.to(rooms.episode(episodeId)).except(rooms.staff(episodeId)).emit('episode:delta', { ...p.listener, seq });
    }
    this.#pending.clear();
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

function upsert<T extends { id: string }>(list: T[], item: T): void {
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) list[at] = item;
  else list.push(item);
}
