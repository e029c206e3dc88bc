// The Socket.IO contract, shared by server and web. Every client event carries an
// acknowledgement whose result is a union: { ok: true, data } | { ok: false, error }.
// Schemas check structure only (types, sizes); the domain rules check meaning and
// give the Indonesian message a host reads.
import * as v from 'valibot';
import { ASPIRATION_STATUSES, CHANNELS } from './types.ts';
import type { ClosingStatement, EditEntry, Id, Note } from './types.ts';
import type { DomainError } from './errors.ts';
import type { EpisodeView, ErasureSummary, ListenerSnapshot, PollView, QuestionView, StaffSnapshot } from './views.ts';
import type { AspirationView } from './planner.ts';
import { ID_PATTERN } from './ids.ts';

/** Every id the server makes matches this (ids.ts); anything else is refused at the edge. */
const id = v.pipe(v.string(), v.regex(ID_PATTERN));
const text = v.pipe(v.string(), v.maxLength(10_000));
const shortText = v.nullish(v.pipe(v.string(), v.maxLength(1_000)));
const episodeRef = { episodeId: id };
const code = v.pipe(v.string(), v.maxLength(40));
/** What an usulan says and where; the district's lists are checked by the rules. */
const aspirationFields = { text, problem: text, dimension: code, kecamatan: code, desa: code, rtRw: shortText };
const contactFields = { name: shortText, phone: shortText, consent: v.optional(v.boolean()) };

export const schemas = {
  'episode:join': v.strictObject({
    code: v.optional(v.pipe(v.string(), v.maxLength(20))),
    episodeId: v.optional(id),
    /** "staff" asks for the staff snapshot and room (needs a session); default "listener". */
    as: v.optional(v.picklist(['listener', 'staff'])),
    /** The studio screen watches without counting as a listener. */
    watchOnly: v.optional(v.boolean()),
    /** Listener: the shared part of the snapshot as bytes (PackedListenerSnapshot), serialised once for all. */
    packed: v.optional(v.boolean()),
  }),
  'episode:leave': v.strictObject(episodeRef),
  'episode:moderation': v.strictObject({ ...episodeRef, premoderation: v.boolean() }),
  'episode:questions': queuePageSchema(),
  'question:ask': v.strictObject({ ...episodeRef, text, name: shortText, location: shortText }),
  'question:submit': v.strictObject({ ...episodeRef, text, channel: v.picklist(CHANNELS), name: shortText, location: shortText }),
  'question:approve': v.strictObject({ ...episodeRef, questionId: id }),
  'question:reject': v.strictObject({ ...episodeRef, questionId: id }),
  'question:edit': v.strictObject({ ...episodeRef, questionId: id, text, name: v.optional(shortText), location: v.optional(shortText) }),
  'question:merge': v.strictObject({ ...episodeRef, questionId: id, intoId: id }),
  'question:air': v.strictObject({ ...episodeRef, questionId: id }),
  'question:answered': v.strictObject({ ...episodeRef, questionId: id }),
  'question:requeue': v.strictObject({ ...episodeRef, questionId: id }),
  'vote:cast': v.strictObject({ ...episodeRef, questionId: id }),
  'vote:withdraw': v.strictObject({ ...episodeRef, questionId: id }),
  'note:add': v.strictObject({ ...episodeRef, questionId: v.nullable(id), by: attribution(), text }),
  'note:edit': v.strictObject({ ...episodeRef, noteId: id, by: attribution(), text }),
  'note:delete': v.strictObject({ ...episodeRef, noteId: id }),
  /** After the show (domain/correction.ts): the notula's heading of a question; null or "" clears it. */
  'question:heading': v.strictObject({ ...episodeRef, questionId: id, heading: v.nullable(text) }),
  /** After the show: the recording link; null or "" removes it. */
  'episode:recording': v.strictObject({ ...episodeRef, recordingUrl: v.nullable(v.pipe(v.string(), v.maxLength(1_000))) }),
  /** After the show: a closing statement written under the wrong speaker moves to the right one. */
  'closing:reassign': v.strictObject({ ...episodeRef, speakerId: id, toSpeakerId: id }),
  'closing:set': v.variant('kind', [
    v.strictObject({ ...episodeRef, speakerId: id, kind: v.literal('paragraph'), text }),
    v.strictObject({ ...episodeRef, speakerId: id, kind: v.literal('points'), points: v.pipe(v.array(text), v.maxLength(100)) }),
  ]),
  'closing:remove': v.strictObject({ ...episodeRef, speakerId: id }),
  'poll:open': v.variant('kind', [
    v.strictObject({ ...episodeRef, kind: v.literal('satisfaction'), showResults: v.optional(v.boolean()) }),
    v.strictObject({
      ...episodeRef, kind: v.picklist(['single', 'rating']), question: text,
      options: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(1_000))), v.maxLength(20))),
      scale: v.optional(v.pipe(v.number(), v.integer())),
      showResults: v.optional(v.boolean()),
    }),
  ]),
  'poll:close': v.strictObject({ ...episodeRef, pollId: id }),
  'poll:results': v.strictObject({ ...episodeRef, pollId: id, visible: v.boolean() }),
  'poll:answer': v.strictObject({ ...episodeRef, pollId: id, option: v.pipe(v.number(), v.integer()) }),
  'aspiration:submit': v.strictObject({ ...episodeRef, ...aspirationFields, ...contactFields }),
  'aspiration:enter': v.strictObject({ ...episodeRef, channel: v.picklist(CHANNELS), ...aspirationFields, ...contactFields }),
  'aspiration:fromQuestion': v.strictObject({ ...episodeRef, questionId: id, ...aspirationFields, text: shortText }),
  'aspiration:support': v.strictObject({ aspirationId: id }),
  'aspiration:status': v.strictObject({ aspirationId: id, status: v.picklist(ASPIRATION_STATUSES), reason: shortText }),
  /** "Hapus data saya": the listener behind the socket erases their own data; dryRun only counts. */
  'listener:erase': v.strictObject({ dryRun: v.optional(v.boolean()) }),
} as const;

function attribution() {
  return v.variant('kind', [
    v.strictObject({ kind: v.literal('speakers'), speakerIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(20)) }),
    v.strictObject({ kind: v.literal('agency'), label: v.pipe(v.string(), v.maxLength(1_000)) }),
    v.strictObject({ kind: v.literal('none') }),
  ]);
}

export type ClientEventName = keyof typeof schemas;
export type Payload<E extends ClientEventName> = v.InferOutput<(typeof schemas)[E]>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: DomainError };

/** What each client event answers with when it succeeds. */
export interface AckData {
  /**
   * With `packed: true` a listener gets a PackedListenerSnapshot (realtime/snapshot.ts)
   * instead; the web's fromSnapshot unpacks it into this shape (unpackJoin).
   */
  'episode:join': (ListenerSnapshot & ListenerExtras) | (StaffSnapshot & StaffExtras);
  'episode:questions': QueuePage;
  'episode:leave': null;
  'episode:moderation': EpisodeView;
  'question:ask': QuestionView;
  'question:submit': QuestionView;
  'question:approve': QuestionView;
  'question:reject': QuestionView;
  'question:edit': QuestionView;
  'question:merge': QuestionView;
  'question:air': QuestionView;
  'question:answered': QuestionView;
  'question:requeue': QuestionView;
  'vote:cast': { questionId: Id; votes: number };
  'vote:withdraw': { questionId: Id; votes: number };
  'note:add': Note;
  'note:edit': Note;
  'note:delete': { noteId: Id };
  'question:heading': QuestionView;
  'episode:recording': EpisodeView;
  'closing:reassign': ClosingStatement[];
  'closing:set': ClosingStatement[];
  'closing:remove': ClosingStatement[];
  'poll:open': PollView;
  'poll:close': PollView;
  'poll:results': PollView;
  'poll:answer': { pollId: Id; option: number };
  'aspiration:submit': AspirationView;
  'aspiration:enter': AspirationView;
  'aspiration:fromQuestion': AspirationView;
  'aspiration:support': { aspirationId: Id; supports: number };
  'aspiration:status': AspirationView;
  'listener:erase': ErasureSummary;
}

/** A page of the approved queue in rank order (`episode:questions`). */
export interface QueuePage {
  episodeId: Id;
  offset: number;
  questions: QuestionView[];
  /** Approved questions in all, now. */
  total: number;
}

/** Polls and aspirations in a listener's join snapshot (see episode:join). */
export interface ListenerExtras {
  polls: PollView[];
  /** Poll id → the option this listener chose. */
  myPollAnswers: Record<Id, number>;
  /** This episode's usulan that listeners may see and support (baru, ditinjau, diteruskan). */
  aspirations: AspirationView[];
  /** The listener's own usulan from any episode, in any status. */
  myAspirations: AspirationView[];
  mySupports: Id[];
}

/** Polls and every usulan of the episode in a staff join snapshot (no contact data). */
export interface StaffExtras {
  polls: PollView[];
  aspirations: AspirationView[];
}

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: Payload<E>, ack: (result: Ack<AckData[E]>) => void) => void;
};

/** A coalesced change set for one episode and one audience. Upserts and absolute counts: applying twice is harmless. */
export interface Delta {
  episodeId: Id;
  seq: number;
  episode?: EpisodeView;
  questions?: QuestionView[];
  /** Questions this audience should no longer show (rejected, merged, withdrawn by their asker). */
  removed?: Id[];
  votes?: Record<Id, number>;
  notes?: Note[];
  notesRemoved?: Id[];
  closing?: ClosingStatement[];
  /** Staff: the whole edit log after a correction. */
  edits?: EditEntry[];
  listenerCount?: number;
  /** Polls opened, closed or with new counts (upserts; counts null for listeners while hidden). */
  polls?: PollView[];
  /** Usulan submitted or changed (upserts). */
  aspirations?: AspirationView[];
  /** Usulan this audience should no longer show (ditolak, digabung; withdrawn or deleted, for staff too). */
  aspirationsRemoved?: Id[];
  /** Latest support counts, applied after the upserts. */
  supports?: Record<Id, number>;
  /** Listeners: approved questions in all, when it changed (the client holds only the pages it loaded). */
  queueTotal?: number;
}

export interface ServerToClientEvents {
  'episode:delta': (delta: Delta) => void;
  /** The episode was deleted: pages open on it say so (`episode_deleted`); the socket has left its rooms. */
  'episode:removed': (payload: { episodeId: Id }) => void;
  /** One of the listener's own questions changed (e.g. approved, rejected). */
  'question:mine': (payload: { episodeId: Id; question: QuestionView }) => void;
  /** One of the listener's own usulan changed status (from any episode, e.g. on the planner's desk). */
  'aspiration:mine': (payload: { aspiration: AspirationView }) => void;
  /** A newly issued listener token, to keep in localStorage and send as auth.token next time. */
  'listener:token': (payload: { token: string }) => void;
}

/**
 * What the server keeps on each socket (Socket.IO's fourth type parameter), set once in the
 * handshake (realtime/server.ts). Beside the events it types, so the socket's whole shape is
 * in one file.
 */
export interface SocketData {
  listenerId: string;
  sessionToken: string | undefined;
  /** The client's address (net/client-address.ts), the key of the per-address limits. */
  address: string;
}

export const MAX_PAYLOAD_BYTES = 16 * 1024;

export const rooms = {
  episode: (episodeId: Id) => `episode:${episodeId}`,
  staff: (episodeId: Id) => `staff:${episodeId}`,
  listener: (listenerId: Id) => `listener:${listenerId}`,
};

/** `episode:questions`: a page of the approved queue (kept apart from the schemas above to keep merges easy). */
function queuePageSchema() {
  const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
  return v.strictObject({ episodeId: v.pipe(v.string(), v.minLength(1), v.maxLength(40)), offset: count(100_000), limit: v.optional(v.pipe(count(200), v.minValue(1))) });
}
