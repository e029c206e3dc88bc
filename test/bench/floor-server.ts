// The floor: a bare Socket.IO server with Kentongan's transport options that answers a
// vote with an acknowledgement and does nothing else. Its CPU per 1,000 acknowledged
// events is what Socket.IO itself costs on this machine.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { MAX_PAYLOAD_BYTES } from '../../server/contract/events.ts';

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: MAX_PAYLOAD_BYTES, perMessageDeflate: false, serveClient: false });
io.on('connection', (socket) => {
  socket.emit('listener:token', { token: `floorfloorfloor${String(socket.id).slice(0, 1)}.x` });
  socket.on('vote:cast', (payload: { questionId?: string }, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true, data: { questionId: payload?.questionId, votes: 1 } });
  });
});
http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`floor siap di http://localhost:${(http.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
