import { applyDelta, applyMine, fromSnapshot } from './episode-state.ts';
import type { EpisodeState } from './episode-state.ts';
import { connection } from './connection.svelte.ts';
import { takeEarlyJoin } from './early-join.ts';
import type { Payload } from '../../../server/realtime/events.ts';
import type { DomainError } from '../../../server/domain/errors.ts';
import type { QuestionView } from '../../../server/domain/views.ts';
import { compareQueue } from '../../../server/domain/ranking.ts';

/**
 * One episode followed live: joins, applies deltas, and joins again after a reconnect
 * that lost server state. Components read `state` and the derived views; only this
 * class talks to the socket.
 */
export class LiveEpisode {
  /** Replaced wholesale on every change so every derived view re-runs. */
  state = $state.raw<EpisodeState | null>(null);
  error = $state.raw<DomainError | null>(null);

  readonly queue = $derived(this.state ? [...this.state.questions.values()].filter((q) => q.status === 'approved').sort(compareQueue) : []);
  readonly onAir = $derived(this.state ? [...this.state.questions.values()].find((q) => q.status === 'on_air') ?? null : null);
  readonly answered = $derived(
    this.state ? [...this.state.questions.values()].filter((q) => q.status === 'answered').sort((a, b) => (a.onAirAt ?? '').localeCompare(b.onAirAt ?? '')) : [],
  );

  #target: Payload<'episode:join'>;
  #off: Array<() => void> = [];

  constructor(target: Payload<'episode:join'>) {
    this.#target = target;
  }

  get episodeId(): string | null {
    return this.state?.episode.id ?? null;
  }

  async start(): Promise<boolean> {
    const conn = connection();
    const onDelta = (d: Parameters<typeof applyDelta>[1]) => {
      if (this.state && d.episodeId === this.state.episode.id) this.state = { ...applyDelta(this.state, d) };
    };
    const onMine = (p: { episodeId: string; question: QuestionView }) => {
      if (this.state && p.episodeId === this.state.episode.id) this.state = { ...applyMine(this.state, p.question) };
    };
    conn.socket.on('episode:delta', onDelta);
    conn.socket.on('question:mine', onMine);
    this.#off.push(() => conn.socket.off('episode:delta', onDelta), () => conn.socket.off('question:mine', onMine));
    // Before the first connect, the connect handler's resync performs the first join.
    const first = new Promise<boolean>((resolve) => (this.#firstJoin = resolve));
    this.#off.push(conn.onResync(() => this.#join().then(() => undefined)));
    if (conn.socket.connected) return this.#join();
    return first;
  }

  #firstJoin: ((ok: boolean) => void) | null = null;

  async #join(): Promise<boolean> {
    const ok = await this.#joinOnce();
    this.#firstJoin?.(ok);
    this.#firstJoin = null;
    return ok;
  }

  async #joinOnce(): Promise<boolean> {
    // The first join may already be under way (or done), started by the early script.
    const early = takeEarlyJoin(this.#target);
    const got = early ? await early : null;
    const r = got ? got.ack : await connection().emit('episode:join', this.#target);
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    this.error = null;
    let state = fromSnapshot(r.data);
    // What changed between that snapshot and now; deltas older than the snapshot are skipped.
    for (const d of got?.deltas ?? []) if (d.episodeId === state.episode.id) state = applyDelta(state, d);
    for (const m of got?.mine ?? []) if (m.episodeId === state.episode.id) state = applyMine(state, m.question);
    this.state = state;
    this.#target = { ...this.#target, code: undefined, episodeId: r.data.episode.id };
    return true;
  }

  stop(): void {
    for (const off of this.#off) off();
    this.#off = [];
  }
}
