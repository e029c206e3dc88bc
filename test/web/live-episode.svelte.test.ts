// The listener's stores with runes compiled (vitest.config.ts, project "runes"): LiveEpisode
// and ListenerPage over a transport of our own, standing in for the page's socket. It
// answers as the server would in each case; the server's own behaviour is tested in
// test/integration and the pages in test/e2e.
import { describe, expect, it } from 'vitest';
import { LiveEpisode } from '../../web/src/lib/live-episode.svelte.ts';
import type { KeptStorage, LiveConnection } from '../../web/src/lib/live-episode.svelte.ts';
import { ListenerPage } from '../../web/src/routes/listener/listener-page.svelte.ts';
import type { Ack } from '../../server/contract/events.ts';
import type { EpisodeView, ListenerSnapshot, QuestionView } from '../../server/contract/views.ts';

const episode = { id: 'e1', code: 'AIR123', title: 'Air bersih', status: 'live', listenerCount: 3 } as EpisodeView;
const question = (id: string, over: Partial<QuestionView> = {}): QuestionView =>
  ({ id, text: `Pertanyaan ${id}`, status: 'approved', votes: 0, createdAt: `2026-11-14T12:0${id.slice(1)}:00.000Z`, ...over }) as QuestionView;
const snapshot = (over: Partial<ListenerSnapshot> = {}): ListenerSnapshot => ({
  audience: 'listener', episode, questions: [question('q1', { votes: 2 }), question('q2')], mine: [], myVotes: [], seq: 5, ...over,
});

type Handler = (payload: unknown) => void;
type Answer = (payload: Record<string, unknown>) => Ack<unknown> | Promise<Ack<unknown>>;

/** The transport: records what goes out, answers from `answers`, and pushes server events on demand. */
class FakeConnection {
  readonly sent: Array<[string, unknown]> = [];
  readonly answers: Record<string, Answer> = {};
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #resyncers = new Set<() => Promise<void>>();

  readonly socket = {
    connected: true,
    on: (event: string, h: Handler) => void (this.#handlers.get(event) ?? this.#handlers.set(event, new Set()).get(event)!).add(h),
    off: (event: string, h: Handler) => void this.#handlers.get(event)?.delete(h),
  };

  onResync(fn: () => Promise<void>): () => void {
    this.#resyncers.add(fn);
    return () => this.#resyncers.delete(fn);
  }

  async emit(event: string, payload: Record<string, unknown>): Promise<Ack<unknown>> {
    this.sent.push([event, payload]);
    const answer = this.answers[event];
    if (!answer) throw new Error(`no answer for ${event}`);
    return answer(payload);
  }

  send(event: string, payload: Record<string, unknown>): Promise<Ack<unknown>> {
    return this.emit(event, payload);
  }

  /** A server event reaching the page. */
  push(event: string, payload: unknown): void {
    for (const h of this.#handlers.get(event) ?? []) h(payload);
  }

  listeners(event: string): number {
    return this.#handlers.get(event)?.size ?? 0;
  }

  /** A reconnect: the connection runs every resync before anything queued goes out. */
  resync(): Promise<void[]> {
    return Promise.all([...this.#resyncers].map((f) => f()));
  }

  get transport(): LiveConnection {
    return this as unknown as LiveConnection;
  }
}

class CountingStorage implements KeptStorage {
  readonly items = new Map<string, string>();
  writes = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes++;
    this.items.set(key, value);
  }
  kept(): { myVotes: string[]; mine: QuestionView[] } | null {
    const raw = this.items.get('kentongan.mine.e1');
    return raw ? JSON.parse(raw) : null;
  }
}

function setup(snap: ListenerSnapshot = snapshot()) {
  const conn = new FakeConnection();
  conn.answers['episode:join'] = () => ({ ok: true, data: snap });
  const storage = new CountingStorage();
  return { conn, storage };
}

/** Lets promise callbacks already due run (no timers involved). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('LiveEpisode', () => {
  it('joins through the connection it was given and follows deltas and own news for its episode only', async () => {
    const { conn, storage } = setup();
    const live = new LiveEpisode({ code: 'AIR123', packed: true }, { connection: conn.transport, storage });
    expect(await live.start()).toBe(true);
    expect(conn.sent).toEqual([['episode:join', { code: 'AIR123', packed: true }]]);
    expect(live.queue.map((q) => q.id)).toEqual(['q1', 'q2']);

    conn.push('episode:delta', { episodeId: 'e1', seq: 6, votes: { q2: 3 } });
    expect(live.queue.map((q) => [q.id, q.votes])).toEqual([['q2', 3], ['q1', 2]]);
    conn.push('episode:delta', { episodeId: 'other', seq: 7, removed: ['q1'] });
    conn.push('episode:delta', { episodeId: 'e1', seq: 6, removed: ['q1'] }); // already seen
    expect(live.queue).toHaveLength(2);
    conn.push('question:mine', { episodeId: 'e1', question: question('q3', { status: 'pending' }) });
    expect(live.state?.mine.get('q3')?.status).toBe('pending');

    live.stop();
    expect(conn.listeners('episode:delta')).toBe(0);
  });

  it('has no setter: components read the state, only its methods change it', async () => {
    const { conn, storage } = setup();
    const live = new LiveEpisode({ code: 'AIR123' }, { connection: conn.transport, storage });
    await live.start();
    // @ts-expect-error state is read-only from outside
    expect(() => (live.state = null)).toThrow(TypeError);
    live.recordVote('q1', true, 3);
    expect(live.state?.myVotes.has('q1')).toBe(true);
    expect(live.state?.questions.get('q1')?.votes).toBe(3);
  });

  it('keeps the listener\'s own votes and questions on the device when they change, not on every delta', async () => {
    const { conn, storage } = setup(snapshot({ myVotes: ['q2'] }));
    const live = new LiveEpisode({ code: 'AIR123' }, { connection: conn.transport, storage });
    await live.start();
    expect(storage.writes).toBe(1);
    expect(storage.kept()?.myVotes).toEqual(['q2']);
    for (let seq = 6; seq < 16; seq++) conn.push('episode:delta', { episodeId: 'e1', seq, votes: { q1: seq } });
    expect(storage.writes).toBe(1);

    live.recordVote('q1', true, 16);
    expect(storage.writes).toBe(2);
    expect(storage.kept()?.myVotes.sort()).toEqual(['q1', 'q2']);
    live.recordQuestion(question('q9', { status: 'pending' }));
    expect(storage.kept()?.mine.map((q) => q.id)).toEqual(['q9']);
    // A delta that changes the listener's own question is kept too, so a reload shows it as it is now.
    conn.push('episode:delta', { episodeId: 'e1', seq: 16, questions: [question('q9')] });
    expect(storage.kept()?.mine[0]?.status).toBe('approved');
    // What others do (polls, their supports) is not the listener's own part.
    const before = storage.writes;
    live.recordPollAnswer('p1', 2);
    expect(live.state?.myPollAnswers?.get('p1')).toBe(2);
    expect(storage.writes).toBe(before);
  });

  it('joins again on a resync and takes the fresh snapshot', async () => {
    const { conn, storage } = setup();
    const live = new LiveEpisode({ code: 'AIR123' }, { connection: conn.transport, storage });
    await live.start();
    conn.answers['episode:join'] = () => ({ ok: true, data: snapshot({ seq: 9, questions: [question('q2', { votes: 7 })] }) });
    await conn.resync();
    // The second join names the episode the first one found.
    expect(conn.sent[1]).toEqual(['episode:join', { code: undefined, episodeId: 'e1' }]);
    expect(live.queue.map((q) => [q.id, q.votes])).toEqual([['q2', 7]]);
  });

  it('loads the next page of the queue and reports a refused join', async () => {
    const { conn, storage } = setup(snapshot({ queueTotal: 3 }));
    const live = new LiveEpisode({ code: 'AIR123' }, { connection: conn.transport, storage });
    await live.start();
    expect(live.queueMore).toBe(1);
    conn.answers['episode:questions'] = () => ({ ok: true, data: { episodeId: 'e1', questions: [question('q3')], total: 3 } });
    await live.loadMore();
    expect(conn.sent.at(-1)).toEqual(['episode:questions', { episodeId: 'e1', offset: 2 }]);
    expect(live.queueMore).toBe(0);

    const refused = setup();
    refused.conn.answers['episode:join'] = () => ({ ok: false, error: { code: 'episode_not_found', message: 'Episode tidak ditemukan.' } });
    const none = new LiveEpisode({ code: 'NOPE00' }, { connection: refused.conn.transport, storage });
    expect(await none.start()).toBe(false);
    expect(none.error?.code).toBe('episode_not_found');
  });
});

describe('ListenerPage over LiveEpisode', () => {
  it('a vote waiting for the connection shows at once, and is kept on the device once the server takes it', async () => {
    const { conn, storage } = setup();
    let deliver: (ack: Ack<unknown>) => void = () => undefined;
    conn.answers['vote:cast'] = () => new Promise((resolve) => (deliver = resolve));
    const page = new ListenerPage('AIR123', { connection: conn.transport, storage });
    await page.live.start();
    const q1 = page.live.state!.questions.get('q1')!;

    const voting = page.toggleVote('q1');
    await settle();
    expect([page.voted('q1'), page.votes(q1), page.busy('q1')]).toEqual([true, 3, true]);
    expect(storage.kept()?.myVotes).toEqual([]);
    deliver({ ok: true, data: { questionId: 'q1', votes: 3 } });
    await voting;
    expect([page.voted('q1'), page.busy('q1')]).toEqual([true, false]);
    expect(storage.kept()?.myVotes).toEqual(['q1']);
  });

  it('a refused vote rolls back with a notice; "already voted" takes the server\'s word', async () => {
    const { conn, storage } = setup();
    const page = new ListenerPage('AIR123', { connection: conn.transport, storage });
    await page.live.start();
    conn.answers['vote:cast'] = () => ({ ok: false, error: { code: 'episode_not_live', message: 'Episode belum tayang.' } });
    await page.toggleVote('q1');
    expect(page.voted('q1')).toBe(false);
    expect(page.notices.map((n) => [n.kind, n.error.code])).toEqual([['vote', 'episode_not_live']]);

    conn.answers['vote:cast'] = () => ({ ok: false, error: { code: 'already_voted', message: 'Sudah memilih.' } });
    await page.toggleVote('q2');
    expect(page.voted('q2')).toBe(true);
    expect(storage.kept()?.myVotes).toEqual(['q2']);
  });

  it('records poll answers, supports and usulan through the live episode', async () => {
    const { conn, storage } = setup(snapshot({ aspirations: [{ id: 'u1', episodeId: 'e1', status: 'baru', supports: 1 }] } as Partial<ListenerSnapshot>));
    const page = new ListenerPage('AIR123', { connection: conn.transport, storage });
    await page.live.start();
    conn.answers['poll:answer'] = (p) => ({ ok: true, data: { pollId: p.pollId, option: p.option } });
    await page.act.choose('p1', 3);
    expect(page.act.answer('p1')).toBe(3);
    conn.answers['aspiration:support'] = () => ({ ok: false, error: { code: 'already_supported', message: 'Sudah didukung.' } });
    await page.act.support(page.live.aspirations[0]!);
    expect(page.act.supported('u1')).toBe(true);
    expect(page.notices).toEqual([]);
  });
});
