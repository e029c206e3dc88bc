import { applyDelta, applyMine, applyMyAspiration, applyQueuePage, aspirationList, fromSnapshot, openPoll, pollList, queueMore, withPollAnswer, withSupport, withVote } from './episode-state.ts';
import type { EpisodeState } from './episode-state.ts';
import { connection } from './connection.svelte.ts';
import type { Connection } from './connection.svelte.ts';
import type { AppSocket } from './socket-boot.ts';
import { takeEarlyJoin, takeEmbeddedSnapshot } from './early-join.ts';
import type { Payload } from '$contract/events.ts';
import type { DomainError } from '$contract/errors.ts';
import type { Id } from '$contract/types.ts';
import type { QuestionView } from '$contract/views.ts';
import type { AspirationView } from '$contract/planner.ts';
import { compareQueue } from '$contract/ranking.ts';

/** What a live episode needs of the page's connection; unit tests pass a transport of their own. */
export type LiveConnection = Pick<Connection, 'onResync' | 'emit' | 'send'> & { readonly socket: Pick<AppSocket, 'connected' | 'on' | 'off'> };

/** Where the listener's own votes and questions are kept between visits (localStorage in the page). */
export type KeptStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LiveOptions {
  /** Default: the page's one connection, opened on first use. */
  connection?: LiveConnection;
  /** Default: localStorage, if the browser allows it. */
  storage?: KeptStorage | null;
}

/**
 * One episode followed live: joins, applies deltas, and joins again after a reconnect
 * that lost server state. Components read `state` and the derived views; only this
 * class talks to the socket, and only its methods change `state` (the record* ones
 * take what the server answered to this listener's own actions).
 */
export class LiveEpisode {
  /** Replaced wholesale on every change so every derived view re-runs. */
  #state = $state.raw<EpisodeState | null>(null);
  /** True while showing the snapshot embedded in the HTML, before the socket's own join. */
  #provisional = false;

  get state(): EpisodeState | null {
    return this.#state;
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
  #conn: LiveConnection | null;
  #storage: KeptStorage | null | undefined;

  constructor(target: Payload<'episode:join'>, options: LiveOptions = {}) {
    this.#target = target;
    this.#conn = options.connection ?? null;
    this.#storage = options.storage;
  }

  /** The connection this episode follows; the page's actions go out on it too. */
  get connection(): LiveConnection {
    // Opened on first use, as before: constructing a page's stores opens no socket.
    return (this.#conn ??= connection());
  }

  /**
   * The one writer of `state`. The listener's own votes and questions are kept on the
   * device only when they changed (apply* shares what a delta leaves alone), not on
   * every delta, and never from the provisional snapshot.
   */
  #commit(next: EpisodeState): void {
    const prev = this.#state;
    this.#state = next;
    if (!this.#provisional && (next.myVotes !== prev?.myVotes || next.mine !== prev?.mine)) rememberMine(next, this.#kept());
  }

  #kept(): KeptStorage | null {
    return this.#storage === undefined ? (this.#storage = deviceStorage()) : this.#storage;
  }

  /** Applies `change` to the state held now (an ack may settle after the state was replaced). */
  #update(change: (s: EpisodeState) => EpisodeState): void {
    if (this.#state) this.#commit(change(this.#state));
  }

  /** The server confirmed (or, with `already_voted` / `not_voted`, corrected) this listener's vote. */
  recordVote(id: Id, voted: boolean, votes?: number): void {
    this.#update((s) => withVote(s, id, voted, votes));
  }

  /** The server took this listener's question. */
  recordQuestion(q: QuestionView): void {
    this.#update((s) => applyMine(s, q));
  }

  recordPollAnswer(pollId: Id, option: number): void {
    this.#update((s) => withPollAnswer(s, pollId, option));
  }

  /** Without a count after `already_supported`: only "I support it" is known. */
  recordSupport(aspirationId: Id, supports?: number): void {
    this.#update((s) => withSupport(s, aspirationId, supports));
  }

  /** The server took this listener's usulan. */
  recordAspiration(a: AspirationView): void {
    this.#update((s) => applyMyAspiration(s, a));
  }

  get episodeId(): string | null {
    return this.state?.episode.id ?? null;
  }

  async start(): Promise<boolean> {
    const conn = this.connection;
    const onDelta = (d: Parameters<typeof applyDelta>[1]) => {
      if (d.episodeId === this.#state?.episode.id) this.#update((s) => applyDelta(s, d));
    };
    const onMine = (p: { episodeId: string; question: QuestionView }) => {
      if (p.episodeId === this.#state?.episode.id) this.#update((s) => applyMine(s, p.question));
    };
    // The listener's own usulan, from any episode (a planner may change it days later).
    const onMyAspiration = (p: { aspiration: AspirationView }) => this.#update((s) => applyMyAspiration(s, p.aspiration));
    // Deleted by the station while open: the page says so instead of showing a ghost.
    const onRemoved = (p: { episodeId: string }) => {
      if (p.episodeId !== this.#state?.episode.id) return;
      this.#state = null;
      // Not through fail(): its table of every message would ride along to every phone.
      this.error = { code: 'episode_deleted', message: 'Episode ini sudah dihapus oleh stasiun.' };
    };
    conn.socket.on('episode:delta', onDelta);
    conn.socket.on('question:mine', onMine);
    conn.socket.on('aspiration:mine', onMyAspiration);
    conn.socket.on('episode:removed', onRemoved);
    this.#off.push(
      () => conn.socket.off('episode:removed', onRemoved),
      () => conn.socket.off('episode:delta', onDelta),
      () => conn.socket.off('question:mine', onMine),
      () => conn.socket.off('aspiration:mine', onMyAspiration),
    );
    // Shown at once, replaced by the socket's own join (which adds this listener's votes).
    const embedded = this.state ? null : takeEmbeddedSnapshot(this.#target);
    if (embedded) {
      this.#provisional = true;
      this.#commit(recallMine(fromSnapshot(embedded), this.#kept()));
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
    const r = got ? got.ack : await this.connection.emit('episode:join', this.#target);
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
    this.#commit(state);
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
      const r = await this.connection.emit('episode:questions', { episodeId: s.episode.id, offset: held });
      if (!r.ok) this.error = r.error;
      else if (this.#state?.episode.id === r.data.episodeId) this.#update((now) => applyQueuePage(now, r.data));
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

function rememberMine(s: EpisodeState, storage: KeptStorage | null): void {
  if (s.audience !== 'listener' || !storage) return;
  try {
    storage.setItem(MINE_KEY(s.episode.id), JSON.stringify({ myVotes: [...s.myVotes], mine: [...s.mine.values()] }));
  } catch {
    /* storage full or private mode: the socket's join still brings them */
  }
}

function recallMine(s: EpisodeState, storage: KeptStorage | null): EpisodeState {
  if (!storage) return s;
  try {
    const saved = JSON.parse(storage.getItem(MINE_KEY(s.episode.id)) ?? 'null') as { myVotes: string[]; mine: QuestionView[] } | null;
    if (!saved) return s;
    return { ...s, myVotes: new Set(saved.myVotes), mine: new Map(saved.mine.map((q) => [q.id, q])) };
  } catch {
    return s;
  }
}

function deviceStorage(): KeptStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // some browsers throw on reading localStorage at all when storage is blocked
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
