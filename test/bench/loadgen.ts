// A load-generator process: holds a share of the listener sockets (real socket.io-client,
// websocket transport, over loopback) and does what the orchestrator (run.ts) asks over
// IPC. Several run side by side so that no single client event loop is the bottleneck.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { applyDelta, applyMine, fromSnapshot, unpackJoin } from '../../web/src/lib/episode-state.ts';
import type { EpisodeState } from '../../web/src/lib/episode-state.ts';
import type { Delta } from '../../server/contract/events.ts';
import { now, sleep } from './lib/stats.ts';
import type { Command, ConnectResult, StormResult, VerifyResult, Truth } from './lib/protocol.ts';

interface Conn {
  socket: Socket;
  token: string;
  listenerId: string;
  state: EpisodeState | null;
  /** Questions this listener's votes were acknowledged for. */
  voted: Set<string>;
  /** Votes sent and not yet answered. */
  pending: Set<string>;
  joins: number;
  lastJoinAt: number;
  dupes: number;
  sample: boolean;
  /** Keeps the episode state (snapshot + deltas); always for samples and the first socket. */
  tracked: boolean;
  /** While a storm observes: vote counts this sample socket saw, [questionId, count, time]. */
  obs: Array<[string, number, number]> | null;
}

let conns: Conn[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

type AnySocket = { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<any> }; emit(e: string, ...a: unknown[]): void };

function ackCall(socket: Socket, event: string, payload: unknown, ms = 10_000): Promise<any> {
  return (socket as unknown as AnySocket).timeout(ms).emitWithAck(event, payload);
}

function countDupes(ids: string[]): number {
  return ids.length - new Set(ids).size;
}

async function connect(cmd: Extract<Command, { type: 'connect' }>): Promise<ConnectResult> {
  const started = now();
  const joinMs: number[] = [];
  const errors: Record<string, number> = {};
  let failed = 0;
  let lastAt = 0;
  const err = (why: string) => { errors[why] = (errors[why] ?? 0) + 1; };
  const fresh: Conn[] = [];
  const done: Array<Promise<void>> = [];
  for (let i = 0; i < cmd.count; i++) {
    const due = started + (cmd.rampMs * i) / cmd.count;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    const token = cmd.tokens?.[i] ?? '';
    const conn: Conn = { socket: null as unknown as Socket, token, listenerId: token.split('.')[0] ?? '', state: null, voted: new Set(), pending: new Set(), joins: 0, lastJoinAt: 0, dupes: 0, sample: i % cmd.sampleEvery === 0, tracked: cmd.track || i % cmd.sampleEvery === 0 || i === 0, obs: null };
    const t0 = now();
    const socket = io(cmd.url, {
      transports: ['websocket'], forceNew: true, reconnection: cmd.reconnection, timeout: 30_000,
      // The web app's defaults: back off 1 s, 2 s, 4 s… up to 5 s, ±50 %.
      reconnectionDelay: 1_000, reconnectionDelayMax: 5_000, randomizationFactor: 0.5,
      auth: (cb) => cb(conn.token ? { token: conn.token } : {}),
    });
    conn.socket = socket;
    const gotToken = conn.token ? Promise.resolve() : new Promise<void>((res) => socket.once('listener:token', () => res()));
    socket.on('listener:token', (p: { token: string }) => {
      conn.token = p.token;
      conn.listenerId = p.token.split('.')[0]!;
    });
    socket.on('episode:delta', (d: Delta) => {
      if (conn.state && conn.tracked) conn.state = applyDelta(conn.state, d);
      if (conn.obs && d.votes) {
        const t = now();
        for (const [q, n] of Object.entries(d.votes)) conn.obs.push([q, n, t]);
      }
    });
    socket.on('question:mine', (p: { question: any }) => {
      if (conn.state && conn.tracked) conn.state = applyMine(conn.state, p.question);
    });
    let first = true;
    done.push(new Promise<void>((resolve) => {
      socket.on('connect', async () => {
        if (!cmd.join) {
          await gotToken;
          if (first) { first = false; joinMs.push(now() - t0); lastAt = Math.max(lastAt, now()); resolve(); }
          return;
        }
        // Every reconnect resyncs, as the web app does (the server keeps no session across a drop).
        try {
          // Packed, as the web app asks (web/src/early.ts): the shared part arrives as the same bytes for everyone.
          const r = await ackCall(socket, 'episode:join', { ...cmd.join, packed: true }, 30_000);
          if (!r.ok) throw new Error(r.error.code);
          const snap = conn.tracked || cmd.reconnection ? unpackJoin(r.data) : null;
          conn.state = conn.tracked && snap ? fromSnapshot(snap) : null;
          if (snap) conn.dupes += countDupes(snap.questions.map((q: { id: string }) => q.id)) + countDupes(('mine' in snap ? snap.mine : []).map((q: { id: string }) => q.id));
          conn.joins++;
          conn.lastJoinAt = now();
          await gotToken;
          if (first) {
            first = false;
            joinMs.push(conn.lastJoinAt - t0);
            lastAt = Math.max(lastAt, conn.lastJoinAt);
            resolve();
          }
        } catch (e) {
          if (first) { first = false; failed++; err(`join: ${(e as Error).message}`); resolve(); }
        }
      });
      socket.on('connect_error', (e: Error & { description?: { message?: string; error?: { message?: string } } }) => {
        // engine.io-client wraps the transport's error: name what actually happened.
        const cause = e.description?.error?.message ?? e.description?.message ?? '';
        if (first && !cmd.reconnection) { first = false; failed++; err(`connect: ${e.message}${cause ? ` (${cause})` : ''}`); resolve(); }
      });
      setTimeout(() => { if (first) { first = false; failed++; err('timeout'); resolve(); } }, cmd.timeoutMs);
    }));
    fresh.push(conn);
  }
  await Promise.all(done);
  conns.push(...fresh);
  return { connected: cmd.count - failed, failed, errors, joinMs, startedAt: started, lastAt };
}

/** Approved or on-air questions, oldest first, as this process's first tracked listener sees them. */
function votable(fixed: string[] | undefined): string[] {
  if (fixed) return fixed;
  const ref = conns.find((c) => c.state)?.state;
  if (!ref) return [];
  return [...ref.questions.values()].filter((q) => q.status === 'approved' || q.status === 'on_air')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((q) => q.id);
}

async function storm(cmd: Extract<Command, { type: 'storm' }>): Promise<StormResult> {
  if (cmd.observe) for (const c of conns) if (c.sample) c.obs = [];
  const acked: StormResult['acked'] = [];
  const latency: number[] = [];
  const refused: Record<string, number> = {};
  let timeouts = 0;
  let sent = 0;
  let skipped = 0;
  let asks = 0;
  let rr = Math.floor(Math.random() * conns.length);
  let list = votable(cmd.questions);
  let listAt = now();
  const inflight: Array<Promise<void>> = [];
  const start = now();
  const end = start + cmd.durationMs;

  const vote = (c: Conn, q: string) => {
    sent++;
    c.pending.add(q);
    const t = now();
    const p = ackCall(c.socket, cmd.event, { episodeId: cmd.episodeId, questionId: q }, cmd.ackTimeoutMs).then(
      (r) => {
        const ms = now() - t;
        latency.push(ms);
        c.pending.delete(q);
        if (r.ok) {
          c.voted.add(q);
          // As the web app does: your own vote shows once the server acknowledged it.
          c.state?.myVotes.add(q);
          acked.push([c.listenerId, q, r.data.votes, t, ms]);
        } else refused[r.error.code] = (refused[r.error.code] ?? 0) + 1;
      },
      () => { timeouts++; c.pending.delete(q); },
    );
    inflight.push(p);
  };

  while (now() < end) {
    const t = now();
    if (!cmd.questions && t - listAt > 100) { list = votable(undefined); listAt = t; }
    const due = Math.floor((cmd.rate * (t - start)) / 1000) - sent - skipped;
    for (let k = 0; k < due; k++) {
      let placed = false;
      for (let attempt = 0; attempt < 8 && !placed; attempt++) {
        const c = conns[rr++ % conns.length]!;
        if (!c.socket.connected) continue;
        // Older questions draw more votes, so the ranking has a clear top and churns below it.
        const candidates = list.length;
        for (let tries = 0; tries < 6 && candidates > 0; tries++) {
          const q = list[Math.floor(candidates * Math.random() ** 2)]!;
          if (cmd.questions || (!c.voted.has(q) && !c.pending.has(q))) { vote(c, q); placed = true; break; }
        }
      }
      if (!placed) skipped++;
    }
    const askDue = Math.floor((cmd.askRate * (t - start)) / 1000) - asks;
    for (let k = 0; k < askDue; k++) {
      asks++;
      const c = conns[Math.floor(Math.random() * conns.length)]!;
      inflight.push(ackCall(c.socket, 'question:ask', { episodeId: cmd.episodeId, text: `Pertanyaan pendengar ${process.pid}-${asks}: kapan jalan desa diperbaiki?`, name: null, location: null }).then(() => undefined, () => undefined));
    }
    await sleep(5);
  }
  const sendEnd = now();
  await Promise.all(inflight);
  const obs: StormResult['observations'] = [];
  for (const c of conns) if (c.obs) { obs.push(c.obs); c.obs = null; }
  return { sent, skipped, acked, latency, refused, timeouts, asks, sendMs: sendEnd - start, drainedAt: now(), observations: obs };
}

function verify(truth: Truth): VerifyResult {
  let stale = 0;
  let dupes = 0;
  let checked = 0;
  const examples: string[] = [];
  const expectIds = Object.keys(truth.questions).sort();
  for (const c of conns) {
    if (!c.state) continue;
    checked++;
    dupes += c.dupes;
    const problems: string[] = [];
    const ids = [...c.state.questions.keys()].sort();
    if (ids.join() !== expectIds.join()) problems.push(`questions ${ids.length} vs ${expectIds.length}`);
    for (const [id, q] of c.state.questions) {
      const t = truth.questions[id];
      if (t && (t.status !== q.status || t.votes !== q.votes)) problems.push(`${id}: ${q.status}/${q.votes} vs ${t.status}/${t.votes}`);
    }
    const mine = [...c.state.myVotes].sort().join();
    const own = [...c.voted].sort().join();
    if (mine !== own) problems.push(`myVotes ${c.state.myVotes.size} vs acknowledged ${c.voted.size}`);
    if (c.state.episode.status !== truth.status) problems.push(`status ${c.state.episode.status}`);
    if (problems.length) {
      stale++;
      if (examples.length < 3) examples.push(`${c.listenerId}: ${problems.slice(0, 3).join('; ')}`);
    }
  }
  return { checked, stale, dupes, examples };
}

async function handle(cmd: Command): Promise<unknown> {
  switch (cmd.type) {
    case 'connect':
      return connect(cmd);
    case 'storm':
      return storm(cmd);
    case 'resynced': {
      // Every listener that was connected has joined again since `since`.
      const deadline = now() + cmd.timeoutMs;
      for (;;) {
        const missing = conns.filter((c) => c.lastJoinAt <= cmd.since).length;
        if (missing === 0 || now() > deadline) {
          return { missing, times: conns.filter((c) => c.lastJoinAt > cmd.since).map((c) => c.lastJoinAt - cmd.since), lastAt: Math.max(0, ...conns.map((c) => c.lastJoinAt)) };
        }
        await sleep(20);
      }
    }
    case 'verify':
      return verify(cmd.truth);
    case 'tokens':
      return conns.map((c) => c.token);
    case 'stats': {
      const r = { loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6, cpu: process.cpuUsage(), rss: process.memoryUsage().rss };
      loopDelay.reset();
      return r;
    }
    case 'close': {
      for (const c of conns) c.socket.disconnect();
      conns = [];
      return null;
    }
  }
}

process.on('message', (msg: { id: number; cmd: Command }) => {
  handle(msg.cmd).then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (e: Error) => process.send!({ id: msg.id, ok: false, error: e.stack ?? String(e) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
