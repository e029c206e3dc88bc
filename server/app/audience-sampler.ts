// The shell around domain/analytics.ts recordAudience: while an episode is live, look at how
// many listener sockets it has every few seconds (for the peak) and keep one point a minute
// through the episode service, so a sample is saved like any other change. It goes out to no
// screen (the broadcaster ignores 'audience') and takes no part in the vote path: a vote's
// journal line never waits for this full write (EpisodeService tracks no key for it).
import { recordAudience } from '../domain/analytics.ts';
import type { AudiencePoint, Id } from '../contract/types.ts';
import type { EpisodeService } from './episode-service.ts';

/** setInterval's shape, so tests drive the ticks by hand; returns the way to stop it. */
export type Every = (fn: () => void, ms: number) => () => void;

export interface SamplerTimers {
  /** Milliseconds since the epoch (the server's clock: AppConfig.now when given). */
  now: () => number;
  every: Every;
}

export interface AudienceSamplerOptions {
  /** How often the sockets are counted (default 5 s): the peak is the most seen at one of these. */
  sampleMs?: number;
  /** How often a point is kept (default 60 s). */
  keepMs?: number;
  timers?: Partial<SamplerTimers>;
}

export interface AudienceSamplerDeps extends AudienceSamplerOptions {
  episodes: Pick<EpisodeService, 'list' | 'run'>;
  /** Listener sockets connected to the episode now (Broadcaster.connectedListeners). */
  connected: (episodeId: Id) => number;
}

export const DEFAULT_SAMPLE_MS = 5_000;
export const DEFAULT_KEEP_MS = 60_000;

const realEvery: Every = (fn, ms) => {
  const timer = setInterval(fn, ms);
  // A sampler alone must not keep the process (or a test run) alive.
  timer.unref();
  return () => clearInterval(timer);
};

interface Watch {
  /** The most seen since the last kept point. */
  peak: AudiencePoint;
  /** When the last point was kept (ms); null: none yet since this server started. */
  keptAt: number | null;
  /** A point is on its way to disk: the next is not started before it lands. */
  writing: boolean;
}

export class AudienceSampler {
  readonly #deps: AudienceSamplerDeps;
  readonly #now: () => number;
  readonly #every: Every;
  readonly #sampleMs: number;
  readonly #keepMs: number;
  readonly #watch = new Map<Id, Watch>();
  readonly #writes = new Set<Promise<unknown>>();
  #stop: (() => void) | null = null;

  constructor(deps: AudienceSamplerDeps) {
    this.#deps = deps;
    this.#now = deps.timers?.now ?? Date.now;
    this.#every = deps.timers?.every ?? realEvery;
    this.#sampleMs = deps.sampleMs ?? DEFAULT_SAMPLE_MS;
    this.#keepMs = deps.keepMs ?? DEFAULT_KEEP_MS;
  }

  start(): void {
    if (!this.#stop) this.#stop = this.#every(() => this.sample(), this.#sampleMs);
  }

  /** Stops the ticks and waits for a point still being written (server close). */
  async stop(): Promise<void> {
    this.#stop?.();
    this.#stop = null;
    await Promise.allSettled([...this.#writes]);
  }

  /** One tick: count every live episode's listeners, and keep a point where a minute has passed. */
  sample(): void {
    const now = this.#now();
    const at = new Date(now).toISOString();
    const live = new Set<Id>();
    for (const e of this.#deps.episodes.list()) {
      if (e.status !== 'live') continue;
      live.add(e.id);
      const point = { at, connected: this.#deps.connected(e.id) };
      let w = this.#watch.get(e.id);
      if (!w) this.#watch.set(e.id, (w = { peak: point, keptAt: null, writing: false }));
      else if (point.connected > w.peak.connected) w.peak = point;
      // Half a tick of slack: a tick that lands a hair early still keeps its minute's point.
      const due = w.keptAt === null || now - w.keptAt >= this.#keepMs - this.#sampleMs / 2;
      if (due && !w.writing) this.#keep(e.id, w, point, now);
    }
    for (const id of this.#watch.keys()) if (!live.has(id)) this.#watch.delete(id);
  }

  #keep(id: Id, w: Watch, point: AudiencePoint, now: number): void {
    const peak = w.peak;
    w.keptAt = now;
    w.peak = point;
    w.writing = true;
    // A refused or failed write (the episode just ended, a full disk) loses one point:
    // the service has logged it, and the next minute tries again.
    const write = this.#deps.episodes.run(id, (e) => recordAudience(e, point, peak)).catch(() => undefined).finally(() => {
      w.writing = false;
      this.#writes.delete(write);
    });
    this.#writes.add(write);
  }
}
