// Pure client-side model of one episode: a snapshot, then deltas applied in order.
// Shared by the Svelte stores and the protocol tests, so what the tests prove about
// deltas is what the pages show.
import type { ClosingStatement, EditEntry, Id, Note } from '$contract/types.ts';
import type { EpisodeView, ListenerSnapshot, PollView, QuestionView, StaffSnapshot } from '$contract/views.ts';
import type { Delta, ListenerExtras, QueuePage, StaffExtras } from '$contract/events.ts';
import type { AspirationView } from '$contract/planner.ts';

export interface EpisodeState {
  audience: 'listener' | 'staff';
  episode: EpisodeView;
  questions: Map<Id, QuestionView>;
  notes: Map<Id, Note>;
  closing: ClosingStatement[];
  mine: Map<Id, QuestionView>;
  myVotes: Set<Id>;
  seq: number;
  // Polls and usulan (issue 4). Optional so that states built before they existed (and
  // hand-built ones in tests) stay valid; read them through the selectors below.
  polls?: Map<Id, PollView>;
  /** Listener: poll id → the option this listener chose. */
  myPollAnswers?: Map<Id, number>;
  /** Listener: this episode's open usulan (baru, ditinjau, diteruskan). Staff: every usulan of the episode. */
  aspirations?: Map<Id, AspirationView>;
  /** Listener: their own usulan from any episode, any status. */
  myAspirations?: Map<Id, AspirationView>;
  /** Listener: usulan ids this listener supports. */
  mySupports?: Set<Id>;
  /** Listener: approved questions in all; `questions` holds only the pages loaded (and any that moved since). */
  queueTotal?: number;
  /** Staff: corrections made after the show, oldest first. */
  edits?: EditEntry[];
}

/** A join snapshot; the extras are optional so older snapshots and fixtures still fit. */
export type JoinSnapshot = (ListenerSnapshot & Partial<ListenerExtras>) | (StaffSnapshot & Partial<StaffExtras>);

const OPEN_ASPIRATION = new Set<AspirationView['status']>(['baru', 'ditinjau', 'diteruskan']);

/**
 * A join asked with `packed: true` carries the part every listener shares as UTF-8 JSON
 * bytes (the server serialises it once for all); this puts the answer back into the
 * usual snapshot shape. Anything else passes through.
 */
export function unpackJoin(s: JoinSnapshot | PackedJoin): JoinSnapshot {
  if (!('packed' in s) || !s.packed) return s as JoinSnapshot;
  const { packed, listenerCount, ...own } = s as PackedJoin;
  const bytes = packed instanceof ArrayBuffer ? new Uint8Array(packed) : packed;
  const shared = JSON.parse(new TextDecoder().decode(bytes)) as ListenerSnapshot & Partial<ListenerExtras>;
  return { ...shared, ...own, episode: { ...shared.episode, listenerCount } } as JoinSnapshot;
}

type PackedJoin = { audience: 'listener'; packed: Uint8Array | ArrayBuffer; listenerCount: number } & Partial<ListenerSnapshot & ListenerExtras>;

export function fromSnapshot(packedOrNot: JoinSnapshot): EpisodeState {
  const s = unpackJoin(packedOrNot);
  const listener = s.audience === 'listener' ? s : null;
  return {
    audience: s.audience,
    episode: s.episode,
    questions: new Map(s.questions.map((q) => [q.id, q])),
    notes: new Map(s.audience === 'staff' ? s.notes.map((n) => [n.id, n]) : []),
    closing: s.audience === 'staff' ? s.closing : [],
    edits: s.audience === 'staff' ? s.edits ?? [] : [],
    mine: new Map(listener ? listener.mine.map((q) => [q.id, q]) : []),
    myVotes: new Set(listener ? listener.myVotes : []),
    seq: s.seq,
    polls: new Map((s.polls ?? []).map((p) => [p.id, p])),
    myPollAnswers: new Map(Object.entries(listener?.myPollAnswers ?? {})),
    aspirations: new Map((s.aspirations ?? []).map((a) => [a.id, a])),
    myAspirations: new Map((listener?.myAspirations ?? []).map((a) => [a.id, a])),
    mySupports: new Set(listener?.mySupports ?? []),
    queueTotal: listener?.queueTotal,
  };
}

/**
 * Adds a page of the approved queue (`episode:questions`). The page was read after
 * every delta this socket has received, so it is at least as new as what is held.
 */
export function applyQueuePage(state: EpisodeState, page: QueuePage): EpisodeState {
  return { ...state, ...upsertQuestions(state, page.questions), queueTotal: page.total };
}

/** How many approved questions the listener may still load; 0 when all are held. */
export function queueMore(state: EpisodeState): number {
  if (state.queueTotal === undefined) return 0;
  let held = 0;
  for (const q of state.questions.values()) if (q.status === 'approved') held++;
  return Math.max(0, state.queueTotal - held);
}

// Every apply* and with* function returns a new state and leaves the one given as it
// was: a Map or Set in a state is never changed once the state exists, only replaced
// by a changed copy (and only when something in it changes), so a store can tell what
// changed by comparing references.

/** A changed copy of `map`, or `map` itself when `change` is not needed. */
function copied<K, V>(map: Map<K, V>, needed: boolean, change: (copy: Map<K, V>) => void): Map<K, V> {
  if (!needed) return map;
  const copy = new Map(map);
  change(copy);
  return copy;
}

/** Upserts questions; the listener's own copies follow. */
function upsertQuestions(state: EpisodeState, list: readonly QuestionView[]): Pick<EpisodeState, 'questions' | 'mine'> {
  return {
    questions: copied(state.questions, list.length > 0, (m) => list.forEach((q) => m.set(q.id, q))),
    mine: copied(state.mine, list.some((q) => state.mine.has(q.id)), (m) => list.forEach((q) => m.has(q.id) && m.set(q.id, q))),
  };
}

/** Applies a delta. Deltas are upserts and absolute counts, so a repeat is harmless (and returns `state` itself). */
export function applyDelta(state: EpisodeState, d: Delta): EpisodeState {
  if (d.seq <= state.seq) return state;
  const next: EpisodeState = { ...state, seq: d.seq, ...upsertQuestions(state, d.questions ?? []) };
  if (d.episode) next.episode = d.episode;
  if (d.listenerCount !== undefined) next.episode = { ...next.episode, listenerCount: d.listenerCount };
  if (d.queueTotal !== undefined) next.queueTotal = d.queueTotal;
  const votes = Object.entries(d.votes ?? {});
  next.questions = copied(next.questions, (d.removed?.length ?? 0) > 0 || votes.length > 0, (m) => {
    for (const id of d.removed ?? []) m.delete(id);
    for (const [id, count] of votes) {
      const q = m.get(id);
      if (q) m.set(id, { ...q, votes: count });
    }
  });
  next.notes = copied(state.notes, (d.notes?.length ?? 0) > 0 || (d.notesRemoved?.length ?? 0) > 0, (m) => {
    for (const n of d.notes ?? []) m.set(n.id, n);
    for (const id of d.notesRemoved ?? []) m.delete(id);
  });
  if (d.closing) next.closing = d.closing;
  if (d.edits) next.edits = d.edits;
  if (d.polls) next.polls = copied(state.polls ?? new Map(), true, (m) => d.polls?.forEach((p) => m.set(p.id, p)));
  return applyAspirations(next, d);
}

/** The server's order: removals, upserts, then the latest support counts. */
function applyAspirations(state: EpisodeState, d: Delta): EpisodeState {
  if (!d.aspirationsRemoved && !d.aspirations && !d.supports) return state;
  const supports = Object.entries(d.supports ?? {});
  const aspirations = copied(state.aspirations ?? new Map(), true, (list) => {
    for (const id of d.aspirationsRemoved ?? []) list.delete(id);
    for (const a of d.aspirations ?? []) list.set(a.id, a);
    for (const [id, n] of supports) {
      const a = list.get(id);
      if (a) list.set(id, { ...a, supports: n });
    }
  });
  const held = state.myAspirations ?? new Map<Id, AspirationView>();
  const touched = (d.aspirations ?? []).some((a) => held.has(a.id)) || supports.some(([id]) => held.has(id));
  const myAspirations = copied(held, touched, (mine) => {
    for (const a of d.aspirations ?? []) if (mine.has(a.id)) mine.set(a.id, a);
    for (const [id, n] of supports) {
      const m = mine.get(id);
      if (m) mine.set(id, { ...m, supports: n });
    }
  });
  return { ...state, aspirations, myAspirations };
}

/** The listener's own question changed (approved, rejected, merged, on air…), or was just asked. */
export function applyMine(state: EpisodeState, q: QuestionView): EpisodeState {
  return { ...state, mine: new Map(state.mine).set(q.id, q) };
}

/**
 * One of the listener's own usulan changed (`aspiration:mine`, from any episode), or was
 * just submitted. A listener's list of this episode keeps only open ones.
 */
export function applyMyAspiration(state: EpisodeState, a: AspirationView): EpisodeState {
  const next: EpisodeState = { ...state, myAspirations: new Map(state.myAspirations ?? []).set(a.id, a) };
  if (a.episodeId !== state.episode.id) return next;
  const keep = state.audience === 'staff' || OPEN_ASPIRATION.has(a.status);
  next.aspirations = copied(state.aspirations ?? new Map(), true, (list) => (keep ? list.set(a.id, a) : list.delete(a.id)));
  return next;
}

// ---- What the server answered to this listener's own actions ----
// Deltas carry counts, never who answered or supported; these record the listener's
// side from the acks (and applyMine / applyMyAspiration for what the listener sent).

/** After `vote:cast` / `vote:withdraw` answered (or said `already_voted` / `not_voted`, without a count). */
export function withVote(state: EpisodeState, id: Id, voted: boolean, votes?: number): EpisodeState {
  const myVotes = new Set(state.myVotes);
  if (voted) myVotes.add(id);
  else myVotes.delete(id);
  const q = state.questions.get(id);
  const recount = q !== undefined && votes !== undefined && q.votes !== votes;
  return { ...state, myVotes, questions: copied(state.questions, recount, (m) => q && m.set(id, { ...q, votes: votes ?? q.votes })) };
}

/** After `poll:answer` answered `{ pollId, option }`. */
export function withPollAnswer(state: EpisodeState, pollId: Id, option: number): EpisodeState {
  const myPollAnswers = new Map(state.myPollAnswers ?? []);
  myPollAnswers.set(pollId, option);
  return { ...state, myPollAnswers };
}

/** After `aspiration:support` answered `{ aspirationId, supports }` (or `already_supported`, without a count). */
export function withSupport(state: EpisodeState, aspirationId: Id, supports?: number): EpisodeState {
  const mySupports = new Set(state.mySupports ?? []);
  mySupports.add(aspirationId);
  const next: EpisodeState = { ...state, mySupports };
  if (supports === undefined) return next;
  for (const key of ['aspirations', 'myAspirations'] as const) {
    const a = state[key]?.get(aspirationId);
    if (a && a.supports !== supports) next[key] = new Map(state[key]).set(aspirationId, { ...a, supports });
  }
  return next;
}

// ---- Selectors ----

export function onAir(state: EpisodeState): QuestionView | undefined {
  for (const q of state.questions.values()) if (q.status === 'on_air') return q;
  return undefined;
}

/** Polls in the order they were opened. */
export function pollList(state: EpisodeState): PollView[] {
  return [...(state.polls?.values() ?? [])].sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id));
}

/** The poll that is open now (the server allows one at a time), if any. */
export function openPoll(state: EpisodeState): PollView | undefined {
  for (const p of state.polls?.values() ?? []) if (p.status === 'open') return p;
  return undefined;
}

/** This episode's usulan, most supported first, then oldest. */
export function aspirationList(state: EpisodeState): AspirationView[] {
  return [...(state.aspirations?.values() ?? [])].sort((a, b) => b.supports - a.supports || a.createdAt.localeCompare(b.createdAt));
}
