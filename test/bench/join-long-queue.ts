// Issue 9, item 9: 400 sockets join at once an episode with 1,000 approved questions.
// Prints the server's event-loop delay (max, p99) and RSS during the storm.
//   npx tsx test/bench/join-long-queue.ts [repo dir] [--listeners 400] [--questions 1000] [--plain]
// The repo dir defaults to this checkout; pass a clone at an older commit to compare (its
// server is run, this script drives it). Joins ask for the packed snapshot where the server
// knows it, the plain one otherwise.
import { join, resolve } from 'node:path';
import { io as connect } from 'socket.io-client';
import { ADMIN_PASSWORD, createLiveEpisode, must, signIn, staffSocket } from './lib/client.ts';
import type { Client } from './lib/client.ts';
import { rssSampler } from './lib/proc.ts';
import { mb, summarize } from './lib/stats.ts';
import { folders, metrics, resetMetrics, spawnScript } from './lib/target.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : d;
};
const repo = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '.');
const LISTENERS = opt('listeners', 400);
const QUESTIONS = opt('questions', 1_000);
const TEXT = 'Warga dusun kami sudah tiga bulan kesulitan air bersih karena pipa dari mata air rusak, & kami ingin tahu <kapan> perbaikan dijadwalkan serta siapa yang bertanggung jawab di desa. Mohon penjelasan dari dinas terkait, juga soal anggaran desa untuk perbaikan pipa dan bak penampung di setiap RT, dan kapan warga bisa ikut musyawarah.';

const f = await folders();
const server = await spawnScript(join(repo, 'server/main.ts'), { ...f.env, ADMIN_PASSWORD, STAFF_RATE_LIMIT: '100000/10', FSYNC: '0' });
try {
  const cookie = await signIn(server.url);
  const ep = await createLiveEpisode(server.url, cookie, false);
  const host = await staffSocket(server.url, cookie);
  await must(host, 'episode:join', { episodeId: ep.id, as: 'staff' });
  for (let i = 0; i < QUESTIONS; i++) {
    await must(host, 'question:submit', { episodeId: ep.id, text: `${i + 1}. ${TEXT}`.slice(0, 480), channel: 'sms', name: `Pendengar ${i}`, location: `Dusun ${i % 17}` });
  }
  const sockets: Client[] = await Promise.all(Array.from({ length: LISTENERS }, () => new Promise<Client>((res, rej) => {
    const s: Client = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => res(s));
    s.once('connect_error', rej);
  })));
  // Does this server know the packed join? (One more listener, not counted below.)
  const probe = await new Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>((res) => sockets[0]!.emit('episode:join', { episodeId: ep.id, packed: true }, res as never));
  // --plain: the unpacked join (what older clients get), to see what the shared object alone saves.
  const packed = probe.ok && !args.includes('--plain');
  const payload = packed ? { episodeId: ep.id, packed: true } : { episodeId: ep.id };
  const rssBefore = server.memory().rss;
  await resetMetrics(server.url);
  const cpu0 = server.cpu();
  const rss = rssSampler(server.pid, 20);
  const t0 = performance.now();
  let bytes = 0;
  const joinMs = await Promise.all(sockets.map((s) => new Promise<number>((res, rej) => {
    s.emit('episode:join', payload as never, ((r: { ok: boolean; data: unknown; error?: { code: string } }) => {
      if (!r.ok) return rej(new Error(r.error?.code));
      if (!bytes) bytes = sizeOf(r.data);
      res(performance.now() - t0);
    }) as never);
  })));
  const wall = performance.now() - t0;
  const cpu = server.cpu() - cpu0;
  const peak = rss.stop();
  const m = await metrics(server.url);
  const lat = summarize(joinMs);
  console.log(`server: ${repo}`);
  console.log(`${LISTENERS} sockets join at once an episode with ${QUESTIONS} approved questions (${packed ? 'packed join' : probe.ok ? 'plain join, by --plain' : 'plain join: this server has no packed snapshot'})`);
  console.log(`join answer size (first socket)     ${(bytes / 1024).toFixed(0)} KB`);
  console.log(`all answered after                  ${wall.toFixed(0)} ms (per socket p50 ${lat.p50} / p99 ${lat.p99} / max ${lat.max} ms)`);
  console.log(`server event-loop delay max / p99   ${m.eventLoopDelayMs.max} / ${m.eventLoopDelayMs.p99} ms`);
  console.log(`server RSS before → peak            ${mb(rssBefore)} → ${mb(peak)} MB`);
  console.log(`server CPU during the storm         ${cpu.toFixed(2)} s`);
  for (const s of sockets) s.disconnect();
  host.disconnect();
} finally {
  await server.stop();
  await f.remove();
}

/** Bytes on the wire for one answer: JSON text plus any binary attachment. */
function sizeOf(data: unknown): number {
  let binary = 0;
  const text = JSON.stringify(data, (_k, v) => {
    if (v && typeof v === 'object' && (v instanceof Uint8Array || v instanceof ArrayBuffer)) {
      binary += v.byteLength;
      return null;
    }
    if (v && typeof v === 'object' && v.type === 'Buffer' && Array.isArray(v.data)) {
      binary += v.data.length;
      return null;
    }
    return v;
  });
  return Buffer.byteLength(text) + binary;
}
