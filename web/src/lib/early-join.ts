import type { Ack, AckData, Delta, Payload } from '$contract/events.ts';
import type { QuestionView } from '$contract/views.ts';
import type { AspirationView } from '$contract/planner.ts';
import { bootSocket } from './socket-boot.ts';

// On a slow link the socket handshake and the join cost three round trips (1.2 s at
// 400 ms). Started by the early script, they overlap with downloading the page's code
// instead of following it. LiveEpisode takes the result instead of joining again.

type Target = Payload<'episode:join'>;
type Mine = { episodeId: string; question: QuestionView };
type MyAspiration = { aspiration: AspirationView };

export interface EarlyJoin {
  ack: Ack<AckData['episode:join']>;
  /** Changes received after the snapshot, before the page listened: apply them in order. */
  deltas: Delta[];
  mine: Mine[];
  /** `aspiration:mine` news received after the snapshot, oldest first. */
  myAspirations: MyAspiration[];
}

const ACK_TIMEOUT_MS = 15_000;
const MAX_BUFFERED = 500;
let pending: { key: string; result: Promise<EarlyJoin>; stop: () => void; stale: () => boolean } | null = null;

function keyOf(t: Target): string {
  return JSON.stringify([t.code ?? null, t.episodeId ?? null, t.as ?? 'listener', t.watchOnly === true]);
}

export function startEarlyJoin(target: Target): void {
  const socket = bootSocket();
  const deltas: Delta[] = [];
  const mine: Mine[] = [];
  const myAspirations: MyAspiration[] = [];
  // Deltas carry a sequence number, so older ones are skipped when applied; "mine" news
  // has none, and only what arrives after the answer is newer than its snapshot.
  let answered = false;
  // A full buffer, or a dropped connection (rooms may be gone), means changes were missed.
  let stale = false;
  const keep = <T>(list: T[], item: T) => {
    if (list.length >= MAX_BUFFERED) stale = true;
    else list.push(item);
  };
  const onDelta = (d: Delta) => keep(deltas, d);
  const onMine = (m: Mine) => void (answered && keep(mine, m));
  const onMyAspiration = (m: MyAspiration) => void (answered && keep(myAspirations, m));
  const onDrop = () => void (stale = true);
  socket.on('episode:delta', onDelta);
  socket.on('question:mine', onMine);
  socket.on('aspiration:mine', onMyAspiration);
  socket.on('disconnect', onDrop);
  const stop = () => {
    socket.off('episode:delta', onDelta);
    socket.off('question:mine', onMine);
    socket.off('aspiration:mine', onMyAspiration);
    socket.off('disconnect', onDrop);
  };
  const result = new Promise<EarlyJoin>((resolve) => {
    // A callback, not emitWithAck: it runs as the answer is decoded, before packets that
    // came in the same long-poll response, which a promise would only see afterwards.
    const s = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emit(e: string, p: unknown, cb: (err: unknown, ack: Ack<AckData['episode:join']>) => void): void };
    s.emit('episode:join', target, (err, ack) => {
      answered = true;
      resolve({ ack: err ? { ok: false, error: { code: 'internal', message: 'Server tidak menjawab. Periksa koneksi lalu coba lagi.' } } : ack, deltas, mine, myAspirations });
    });
  });
  pending = { key: keyOf(target), result, stop, stale: () => stale };
}

/**
 * The early join for exactly this target, once; null when there is none. Buffering stops
 * when the caller resumes, so nothing is applied twice or missed in between.
 */
export function takeEarlyJoin(target: Target): Promise<EarlyJoin> | null {
  if (!pending || pending.key !== keyOf(target)) return null;
  const { result, stop, stale } = pending;
  pending = null;
  // Then a fresh join is the only safe start.
  if (stale()) {
    stop();
    return null;
  }
  return result.then((r) => {
    stop();
    return r;
  });
}

type Snapshot = Extract<AckData['episode:join'], { audience: 'listener' }>;

/**
 * The public snapshot the server put into the listener page's HTML, for this code only,
 * once: it lets the page show the queue and the ask form before the socket has joined.
 */
export function takeEmbeddedSnapshot(target: Target): Snapshot | null {
  const el = typeof document === 'undefined' ? null : document.getElementById('kentongan-snapshot');
  if (!el || !target.code || target.as === 'staff') return null;
  el.remove();
  try {
    const data = JSON.parse(el.textContent ?? '') as { code: string; snapshot: Snapshot };
    return data.code === target.code.toUpperCase() ? data.snapshot : null;
  } catch {
    return null;
  }
}
