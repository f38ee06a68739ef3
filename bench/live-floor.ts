// The `live` benchmark's floor: a bare Socket.IO server, in a process of its own as the app is,
// that broadcasts payloads of the app's message size to every connected client at the bench's
// rate, noting when each was emitted. No database, no app: what Socket.IO alone costs here.
// Usage (from bench/live.ts): node bench/live-floor.ts; it answers `{ type: 'listening', port }`.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { fromParent, toParent } from './lib/child.ts';

const ROOM = 'site:floor:public';
const now = () => performance.timeOrigin + performance.now();

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => void socket.join(ROOM));
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const address = http.address();
process.on('disconnect', () => process.exit(0));
await toParent({
	type: 'listening',
	port: typeof address === 'object' && address ? address.port : 0
});

const { rate, count, bytes } = await fromParent<{ rate: number; count: number; bytes: number }>(
	'broadcast'
);
/** A message shaped like the stream's, padded to `bytes` of JSON. */
function payload(seq: number) {
	const bare = { seq, ticket: null, event: null, pad: '' };
	const pad = Math.max(0, bytes - Buffer.byteLength(JSON.stringify(bare)));
	return { ...bare, pad: 'x'.repeat(pad) };
}
const sent: [number, number][] = [];
const start = performance.now();
for (let seq = 1; seq <= count; seq++) {
	const due = start + ((seq - 1) * 1000) / rate;
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
	const message = payload(seq);
	sent.push([seq, now()]);
	io.to(ROOM).emit('stream', message);
}
await toParent({ type: 'sent', sent });
await fromParent('stop');
await io.close();
process.exit(0);
