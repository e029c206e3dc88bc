// What the orchestrator (run.ts) and the load-generator processes (loadgen.ts) say over IPC.

export type Command =
  | {
      type: 'connect';
      url: string;
      count: number;
      /** Spread the connections evenly over this many ms. */
      rampMs: number;
      /** Join this episode on every connect (and again after a reconnect that lost state); null: connect only. */
      join: { episodeId: string } | null;
      reconnection: boolean;
      /** Every n-th socket records the vote counts it receives (for vote → listener times). */
      sampleEvery: number;
      /** Keep every listener's episode state (snapshot + deltas), as the web app does; otherwise only sample sockets and the first. */
      track: boolean;
      tokens?: string[];
      timeoutMs: number;
    }
  | {
      type: 'storm';
      event: 'vote:cast';
      episodeId: string;
      /** Votes per second from this process. */
      rate: number;
      durationMs: number;
      /** Listener questions per second from this process. */
      askRate: number;
      observe: boolean;
      /** Fixed question ids (the floor server has no episode to follow). */
      questions?: string[];
      /** How long to wait for an acknowledgement (default 10 s). */
      ackTimeoutMs?: number;
    }
  | { type: 'resynced'; since: number; timeoutMs: number }
  | { type: 'verify'; truth: Truth }
  | { type: 'tokens' }
  | { type: 'stats' }
  | { type: 'close' };

export interface ConnectResult {
  connected: number;
  failed: number;
  errors: Record<string, number>;
  /** Per socket: connect start → first snapshot (or connect, when not joining), ms. */
  joinMs: number[];
  startedAt: number;
  lastAt: number;
}

export interface StormResult {
  sent: number;
  /** Votes due that no listener could cast (every open question already voted). */
  skipped: number;
  /** [listenerId, questionId, count after the vote, sent at, ack latency ms]. */
  acked: Array<[string, string, number, number, number]>;
  latency: number[];
  refused: Record<string, number>;
  timeouts: number;
  asks: number;
  sendMs: number;
  drainedAt: number;
  /** Per sample socket: [questionId, count, received at]. */
  observations: Array<Array<[string, number, number]>>;
}

/** What every listener should show once the dust has settled. */
export interface Truth {
  status: string;
  questions: Record<string, { status: string; votes: number }>;
}

export interface VerifyResult {
  checked: number;
  stale: number;
  dupes: number;
  examples: string[];
}

export interface ResyncResult {
  missing: number;
  times: number[];
  lastAt: number;
}

export interface WorkerStats {
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  cpu: { user: number; system: number };
  rss: number;
}
