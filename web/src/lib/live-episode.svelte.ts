import { applyDelta, applyMine, applyMyAspiration, applyQueuePage, aspirationList, fromSnapshot, openPoll, pollList, queueMore } from './episode-state.ts';
import type { EpisodeState } from './episode-state.ts';
import { connection } from './connection.svelte.ts';
import { takeEarlyJoin, takeEmbeddedSnapshot } from './early-join.ts';
import type { Payload } from '$contract/events.ts';
import type { DomainError } from '$contract/errors.ts';
import type { QuestionView } from '$contract/views.ts';
import type { AspirationView } from '$contract/planner.ts';
import { compareQueue } from '$contract/ranking.ts';

/**
 * One episode followed live: joins, applies deltas, and joins again after a reconnect
 * that lost server state. Components read `state` and the derived views; only this
 * class talks to the socket.
 */
export class LiveEpisode {
  /** Replaced wholesale on every change so every derived view re-runs. */
  #state = $state.raw<EpisodeState | null>(null);
  /** True while showing the snapshot embedded in the HTML, before the socket's own join. */
  #provisional = false;

  get state(): EpisodeState | null {
    return this.#state;
  }

  set state(next: EpisodeState | null) {
    this.#state = next;
    if (next && !this.#provisional) rememberMine(next);
  }
  error = $state.raw<DomainError | null>(null);

  readonly queue = $derived(this.state ? [...this.state.questions.values()].filter((q) => q.status === 'approved').sort(compareQueue) : []);
  readonly onAir = $derived(this.state ? [...this.state.questions.values()].find((q) => q.status === 'on_air') ?? null : null);
  readonly answered = $derived(
    this.state ? [...this.state.questions.values()].filter((q) => q.status === 'answered').sort((a, b) => (a.onAirAt ?? '').localeCompare(b.onAirAt ?? '')) : [],
  );
  /** Polls in the order opened; counts are null for listeners while the host hides them. */
  readonly polls = $derived(this.state ? pollList(this.state) : []);
  readonly openPoll = $derived(this.state ? openPoll(this.state) ?? null : null);
  /** This episode's usulan, most supported first (listeners: open ones only). */
  readonly aspirations = $derived(this.state ? aspirationList(this.state) : []);
  /** Approved questions the server holds beyond the pages loaded (listeners get the first page at join). */
  readonly queueMore = $derived(this.state ? queueMore(this.state) : 0);
  loadingMore = $state(false);

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
    // The listener's own usulan, from any episode (a planner may change it days later).
    const onMyAspiration = (p: { aspiration: AspirationView }) => {
      if (this.state) this.state = { ...applyMyAspiration(this.state, p.aspiration) };
    };
    conn.socket.on('episode:delta', onDelta);
    conn.socket.on('question:mine', onMine);
    conn.socket.on('aspiration:mine', onMyAspiration);
    this.#off.push(
      () => conn.socket.off('episode:delta', onDelta),
      () => conn.socket.off('question:mine', onMine),
      () => conn.socket.off('aspiration:mine', onMyAspiration),
    );
    // Shown at once, replaced by the socket's own join (which adds this listener's votes).
    const embedded = this.state ? null : takeEmbeddedSnapshot(this.#target);
    if (embedded) {
      this.#provisional = true;
      this.state = recallMine(fromSnapshot(embedded));
    }
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
    const answered = early ? await early : null;
    // One that got no answer at all (the link dropped) is simply made again.
    const got = answered && (answered.ack.ok || answered.ack.error.code !== 'internal') ? answered : null;
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
    for (const m of got?.myAspirations ?? []) state = applyMyAspiration(state, m.aspiration);
    this.#provisional = false;
    this.state = state;
    this.#target = { ...this.#target, code: undefined, episodeId: state.episode.id };
    return true;
  }

  /** Joins again for a fresh snapshot (after the listener erased their data). */
  refresh(): Promise<boolean> {
    return this.#join();
  }

  /** Loads the next page of the approved queue ("lihat lebih banyak"). */
  async loadMore(): Promise<void> {
    const s = this.state;
    if (!s || this.loadingMore) return;
    this.loadingMore = true;
    try {
      let held = 0;
      for (const q of s.questions.values()) if (q.status === 'approved') held++;
      const r = await connection().emit('episode:questions', { episodeId: s.episode.id, offset: held });
      if (!r.ok) this.error = r.error;
      else if (this.state && this.state.episode.id === r.data.episodeId) this.state = { ...applyQueuePage(this.state, r.data) };
    } finally {
      this.loadingMore = false;
    }
  }

  stop(): void {
    for (const off of this.#off) off();
    this.#off = [];
  }
}

// A listener's own votes and questions, kept on the device per episode: the snapshot in
// the HTML is the same for everyone, so without this a returning listener would see
// their votes unpressed until the socket has joined.
const MINE_KEY = (episodeId: string) => `kentongan.mine.${episodeId}`;

function rememberMine(s: EpisodeState): void {
  if (s.audience !== 'listener') return;
  try {
    localStorage.setItem(MINE_KEY(s.episode.id), JSON.stringify({ myVotes: [...s.myVotes], mine: [...s.mine.values()] }));
  } catch {
    /* storage full or private mode: the socket's join still brings them */
  }
}

function recallMine(s: EpisodeState): EpisodeState {
  try {
    const saved = JSON.parse(localStorage.getItem(MINE_KEY(s.episode.id)) ?? 'null') as { myVotes: string[]; mine: QuestionView[] } | null;
    if (!saved) return s;
    return { ...s, myVotes: new Set(saved.myVotes), mine: new Map(saved.mine.map((q) => [q.id, q])) };
  } catch {
    return s;
  }
}

/** Forgets every episode's own votes and questions kept on this device (after "hapus data saya"). */
export function forgetMine(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith('kentongan.mine.')) localStorage.removeItem(key);
    }
  } catch {
    /* private mode: nothing was kept */
  }
}
