// A flooding client in its own process (so its own work does not slow the test's other
// clients): sends `perTick` events every `tickMs` while switched on, over one or more
// sockets sharing one listener token. Driven over IPC by test/support/flood.ts.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

interface Start { url: string; token: string; sockets: number; episodeId: string; questions: string[]; perTick: number; tickMs: number }
type Answer = { ok: boolean; code?: string; message?: string };

let sockets: Socket[] = [];
let on = false;
let running = true;
const answers: Answer[] = [];

async function start(s: Start): Promise<void> {
  sockets = await Promise.all(Array.from({ length: s.sockets }, () => new Promise<Socket>((resolve, reject) => {
    const socket = io(s.url, { transports: ['websocket'], auth: { token: s.token }, reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  })));
  process.send!({ type: 'ready' });
  let n = 0;
  while (running) {
    if (on) {
      for (let k = 0; k < s.perTick; k++, n++) {
        const socket = sockets[n % sockets.length]!;
        const ask = n % 3 === 0;
        const payload = ask ? { episodeId: s.episodeId, text: `spam ${n}` } : { episodeId: s.episodeId, questionId: s.questions[n % s.questions.length] };
        (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<any> })
          .emitWithAck(ask ? 'question:ask' : 'vote:cast', payload)
          .then((r) => answers.push(r.ok ? { ok: true } : { ok: false, code: r.error.code, message: r.error.message }), () => answers.push({ ok: false, code: 'timeout' }));
      }
    }
    await new Promise((r) => setTimeout(r, s.tickMs));
  }
}

process.on('message', (m: { type: string } & Partial<Start>) => {
  if (m.type === 'start') void start(m as Start);
  if (m.type === 'on') on = true;
  if (m.type === 'off') on = false;
  if (m.type === 'stop') {
    on = false;
    running = false;
    // Let the last answers arrive, then report and leave.
    setTimeout(() => {
      process.send!({ type: 'answers', answers });
      for (const s of sockets) s.disconnect();
      setTimeout(() => process.exit(0), 100);
    }, 1_000);
  }
});
