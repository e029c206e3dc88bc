// The studio side of a storm, in the orchestrator process: a host that watches the
// ranking (staff deltas), puts the top question on air and marks it answered, and a
// screener typing in questions that came by SMS.
import { applyDelta, fromSnapshot } from '../../../web/src/lib/episode-state.ts';
import type { EpisodeState } from '../../../web/src/lib/episode-state.ts';
import { rankQueue } from '../../../server/contract/ranking.ts';
import type { Delta } from '../../../server/contract/events.ts';
import { call, must } from './client.ts';
import type { Client } from './client.ts';
import { now } from './stats.ts';

export class Studio {
  readonly #socket: Client;
  readonly #episodeId: string;
  state!: EpisodeState;
  /** questionId → [count, received at], in arrival order. */
  seen = new Map<string, Array<[number, number]>>();
  observing = false;
  actions = { submitted: 0, aired: 0, answered: 0, refused: 0, timedOut: 0 };
  #timers: NodeJS.Timeout[] = [];

  constructor(socket: Client, episodeId: string) {
    this.#socket = socket;
    this.#episodeId = episodeId;
    socket.on('episode:delta', (d: Delta) => {
      const t = now();
      if (this.state) this.state = applyDelta(this.state, d);
      if (this.observing && d.votes) {
        for (const [q, n] of Object.entries(d.votes)) {
          let list = this.seen.get(q);
          if (!list) this.seen.set(q, (list = []));
          list.push([n, t]);
        }
      }
    });
  }

  async sync(): Promise<void> {
    this.state = fromSnapshot(await must(this.#socket, 'episode:join', { episodeId: this.#episodeId, as: 'staff' }));
  }

  /** Questions arriving by SMS every `submitMs`; the top of the queue goes on air every `airMs`. */
  run(opts: { submitMs: number; airMs: number }): void {
    let n = 0;
    this.#timers.push(setInterval(() => {
      n++;
      void call(this.#socket, 'question:submit', { episodeId: this.#episodeId, text: `SMS ${n}: mohon penjelasan soal bantuan pupuk bersubsidi untuk kelompok tani kami.`, channel: 'sms', name: null, location: null })
        .then((r) => (r.ok ? this.actions.submitted++ : this.actions.refused++), () => this.actions.timedOut++);
    }, opts.submitMs));
    this.#timers.push(setInterval(() => void this.#rotate().catch(() => this.actions.timedOut++), opts.airMs));
  }

  async #rotate(): Promise<void> {
    const onAir = [...this.state.questions.values()].find((q) => q.status === 'on_air');
    if (onAir) {
      const r = await call(this.#socket, 'question:answered', { episodeId: this.#episodeId, questionId: onAir.id });
      if (r.ok) this.actions.answered++;
      else this.actions.refused++;
    }
    const top = rankQueue([...this.state.questions.values()])[0];
    if (top) {
      const r = await call(this.#socket, 'question:air', { episodeId: this.#episodeId, questionId: top.id });
      if (r.ok) this.actions.aired++;
      else this.actions.refused++;
    }
  }

  stop(): void {
    for (const t of this.#timers) clearInterval(t);
    this.#timers = [];
  }
}

/**
 * For each acknowledged vote, how long until an observer saw a count at least as high
 * as the one the vote produced (counts only grow in a storm of casts), in ms.
 */
export function freshness(acked: Array<[string, string, number, number, ...unknown[]]>, seen: (q: string, i: number) => Array<[number, number]> | undefined): { times: number[]; unseen: number } {
  const times: number[] = [];
  let unseen = 0;
  acked.forEach(([, q, count, sentAt], i) => {
    const list = seen(q, i);
    if (!list || list.length === 0) { unseen++; return; }
    // First observation whose count reached this vote's count (counts are non-decreasing).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]![0] >= count) hi = mid;
      else lo = mid + 1;
    }
    if (lo === list.length) unseen++;
    else times.push(Math.max(0, list[lo]![1] - sentAt));
  });
  return { times, unseen };
}
