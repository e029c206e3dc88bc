import type { Episode } from '../contract/types.ts';
import type { ListenerSnapshot, PollView } from '../contract/views.ts';
import { sharedListenerSnapshot } from '../domain/views.ts';
import { pollView, pollsOf } from '../domain/poll.ts';

/** The part of a listener snapshot every listener of an episode gets alike. */
export type SharedSnapshot = ListenerSnapshot & { polls: PollView[] };

export interface Serialised {
  value: SharedSnapshot;
  /** JSON text of `value`, for the listener page's HTML. */
  json: string;
  /** The same bytes (UTF-8), sent as a binary attachment: Socket.IO passes it through untouched. */
  bytes: Buffer;
}

/**
 * Builds and serialises the shared listener snapshot once per episode state and hands the
 * same bytes to every joining socket. 400 sockets joining an episode with 1,000 approved
 * questions each had the server build and JSON-serialise a 697 KB object: 2.2 s of
 * blocked event loop and +450 MB of RSS.
 *
 * The key is the sequence number of the last listener delta (Broadcaster.listenerSeq),
 * not the store's version: every join commits the episode (its listener list), so the
 * version moves with every joiner. A snapshot labelled `seq` built at any moment after
 * listener delta `seq` went out is exact once the next listener delta is applied on top,
 * because every change since then waits in that delta (upserts and absolute counts). Keyed on the episode object too, so a
 * re-imported or re-opened episode never gets another one's bytes.
 */
export class SnapshotCache {
  readonly #cache = new WeakMap<Episode, { seq: number; s: Serialised }>();
  readonly #serialise: (value: unknown) => string;
  /** How many times a shared snapshot was serialised (the debug metrics and tests read it). */
  serialised = 0;

  constructor(serialise: (value: unknown) => string = JSON.stringify) {
    this.#serialise = serialise;
  }

  shared(e: Episode, seq: number): Serialised {
    const hit = this.#cache.get(e);
    if (hit && hit.seq === seq) return hit.s;
    const value: SharedSnapshot = { ...sharedListenerSnapshot(e, seq), polls: pollsOf(e).map((p) => pollView(p, 'listener')) };
    const json = this.#serialise(value);
    this.serialised++;
    const s = { value, json, bytes: Buffer.from(json, 'utf8') };
    this.#cache.set(e, { seq, s });
    return s;
  }
}

/** A listener's join answer when asked with `packed: true`: the shared part as bytes, the rest as usual. */
export interface PackedListenerSnapshot {
  audience: 'listener';
  /** UTF-8 JSON of the shared ListenerSnapshot (+ polls); a Buffer in Node, an ArrayBuffer in a browser. */
  packed: Uint8Array | ArrayBuffer;
  /** The current listener count (the shared part may be a few joins behind). */
  listenerCount: number;
  mine: ListenerSnapshot['mine'];
  myVotes: ListenerSnapshot['myVotes'];
}

/** One listener's join answer: the shared part from the cache, their own part fresh. */
export function listenerJoin<X extends object>(s: Serialised, own: Pick<ListenerSnapshot, 'mine' | 'myVotes'>, listenerCount: number, extras: X, packed: boolean) {
  if (packed) return { audience: 'listener' as const, packed: s.bytes, listenerCount, ...own, ...extras };
  return { ...s.value, episode: { ...s.value.episode, listenerCount }, ...own, ...extras };
}
