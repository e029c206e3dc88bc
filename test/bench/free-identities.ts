// Issue 9, item 3, as the attacker saw it: what fresh listener tokens buy from one address.
// Starts `server/main.ts` of a checkout (default: this one) with the production defaults
// (no ADDRESS_LIMITS=off), then from loopback:
//   1. the ask storm: 50 fresh sockets × 60 question:ask (pre-moderation on);
//   2. 300 throwaway sockets each cast one vote without joining;
//   3. 200 throwaway sockets support an ended episode's usulan without joining;
//   4. 1,000 throwaway sockets join a live episode (listenerCount);
// and PRINTS what was accepted. Old vs new:
//   git clone -q . /tmp/kentongan-old && git -C /tmp/kentongan-old checkout -q f26772b &&
//   ln -s "$PWD/node_modules" /tmp/kentongan-old/node_modules
//   npx tsx test/bench/free-identities.ts --repo /tmp/kentongan-old
//   npx tsx test/bench/free-identities.ts
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io as connect } from 'socket.io-client';
import { ADMIN_PASSWORD, api, call, createLiveEpisode, signIn, staffSocket } from './lib/client.ts';
import type { Client } from './lib/client.ts';

const repoArg = process.argv.indexOf('--repo');
const repo = resolve(repoArg > 0 ? process.argv[repoArg + 1]! : '.');

async function startServer(root: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repo,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SAMPLE: '1', NODE_ENV: 'production', DATA_DIR: join(root, 'data'), TRANSCRIPTS_DIR: join(root, 'transcripts'), ADMIN_PASSWORD, ADDRESS_LIMITS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (out += b));
  const url = await new Promise<string>((res, rej) => {
    child.stdout.on('data', () => {
      const m = /siap di (http:\/\/localhost:\d+)/.exec(out);
      if (m) res(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => rej(new Error(`server exited ${code}: ${out}`)));
  });
  return { url, stop: () => new Promise((res) => { child.once('exit', () => res()); child.kill('SIGTERM'); }) };
}

/** A socket with no token: a new identity each time, if the server hands one out. */
function fresh(url: string): Promise<Client | null> {
  const socket: Client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((res) => {
    socket.once('connect', () => res(socket));
    socket.once('connect_error', () => { socket.close(); res(null); });
  });
}

const tally = (acks: Array<{ ok: boolean; error?: { code: string } }>) => {
  const out: Record<string, number> = {};
  for (const a of acks) out[a.ok ? 'accepted' : a.error!.code] = (out[a.ok ? 'accepted' : a.error!.code] ?? 0) + 1;
  return out;
};

const root = await mkdtemp(join(tmpdir(), 'kentongan-free-ids-'));
const server = await startServer(root);
const sockets: Client[] = [];
try {
  const admin = await signIn(server.url);
  const staff = await staffSocket(server.url, admin);
  sockets.push(staff);
  const commit = await new Promise<string>((res) => {
    const g = spawn('git', ['-C', repo, 'log', '-1', '--format=%h %s'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let s = '';
    g.stdout.on('data', (b) => (s += b));
    g.once('exit', () => res(s.trim().slice(0, 80)));
  });
  console.log(`server: ${repo} at ${commit}`);

  // 1. The ask storm.
  const ask = await createLiveEpisode(server.url, admin, true);
  const askers = (await Promise.all(Array.from({ length: 50 }, () => fresh(server.url)))).filter((s): s is Client => s !== null);
  sockets.push(...askers);
  const t0 = performance.now();
  const asks = (await Promise.all(askers.map(async (s) => {
    await call(s, 'episode:join', { episodeId: ask.id });
    return Promise.all(Array.from({ length: 60 }, (_, i) => call(s, 'question:ask', { episodeId: ask.id, text: `Pertanyaan banjir ${i}: kapan jalan desa diperbaiki?` })));
  }))).flat();
  const askMs = performance.now() - t0;
  const pending = (await api(server.url, `/api/episodes/${ask.id}`, { cookie: admin })).json.questions.filter((q: { status: string }) => q.status === 'pending').length;
  console.log(`ask storm: ${askers.length} sockets × 60 question:ask = ${asks.length} sent in ${Math.round(askMs)} ms → ${JSON.stringify(tally(asks))}; pending on the screener: ${pending}`);
  for (const s of askers) s.disconnect();

  // 2. Votes from throwaway sockets that never joined.
  const vote = await createLiveEpisode(server.url, admin, false);
  const q = await call(staff, 'question:submit', { episodeId: vote.id, text: 'Satu pertanyaan dari SMS', channel: 'sms' });
  const qid = q.ok ? q.data.id : '';
  const votes: Array<{ ok: boolean; error?: { code: string } }> = [];
  let refusedSockets = 0;
  const t1 = performance.now();
  await Promise.all(Array.from({ length: 300 }, async () => {
    const s = await fresh(server.url);
    if (!s) return void refusedSockets++;
    votes.push(await call(s, 'vote:cast', { episodeId: vote.id, questionId: qid }));
    s.disconnect();
  }));
  const counted = (await api(server.url, `/api/episodes/${vote.id}`, { cookie: admin })).json.questions[0].votes;
  console.log(`votes: 300 throwaway sockets (${refusedSockets} refused at the handshake) in ${Math.round(performance.now() - t1)} ms → ${JSON.stringify(tally(votes))}; counted: ${counted}`);

  // 3. Supports for an ended episode's usulan.
  const desk = (await api(server.url, '/api/aspirations', { cookie: admin })).json.aspirations as Array<{ id: string; supports: number; status: string; episode: { status?: string } | null; episodeId: string }>;
  const ended = new Set(((await api(server.url, '/api/episodes', { cookie: admin })).json.episodes as Array<{ id: string; status: string }>).filter((e) => e.status === 'ended').map((e) => e.id));
  const target = desk.find((a) => ended.has(a.episodeId) && ['baru', 'ditinjau', 'diteruskan'].includes(a.status));
  if (target) {
    const supports: Array<{ ok: boolean; error?: { code: string } }> = [];
    let refused = 0;
    await Promise.all(Array.from({ length: 200 }, async () => {
      const s = await fresh(server.url);
      if (!s) return void refused++;
      supports.push(await call(s, 'aspiration:support', { aspirationId: target.id }));
      s.disconnect();
    }));
    const after = (await api(server.url, '/api/aspirations', { cookie: admin })).json.aspirations.find((a: { id: string }) => a.id === target.id).supports;
    console.log(`supports: ended usulan at ${target.supports}; 200 throwaway sockets (${refused} refused at the handshake) → ${JSON.stringify(tally(supports))}; now ${after}`);
  } else console.log('supports: no open usulan of an ended episode in the sample');

  // 4. listenerCount from throwaway joins.
  const count = await createLiveEpisode(server.url, admin, true);
  let joined = 0;
  let refusedJoin = 0;
  const t2 = performance.now();
  for (let batch = 0; batch < 10; batch++) {
    await Promise.all(Array.from({ length: 100 }, async () => {
      const s = await fresh(server.url);
      if (!s) return void refusedJoin++;
      const r = await call(s, 'episode:join', { episodeId: count.id });
      if (r.ok) joined++;
      s.disconnect();
    }));
  }
  const listenerCount = (await api(server.url, `/api/episodes/${count.id}`, { cookie: admin })).json.episode.listenerCount;
  console.log(`listenerCount: 1,000 throwaway sockets in ${Math.round(performance.now() - t2)} ms (${refusedJoin} refused at the handshake, ${joined} joins accepted) → listenerCount ${listenerCount}`);
} finally {
  for (const s of sockets) s.disconnect();
  await server.stop();
  await rm(root, { recursive: true, force: true });
}
