// The `live` benchmark's wall displays, in a process of their own so their work does not slow
// the server's: opens COUNT Socket.IO connections to URL, with a display's device cookie
// subscribes each to the public stream as the display's LiveBoard does (without one, as for the
// bare floor server, they only listen), and notes when each `stream` message arrives.
// Usage (from bench/live.ts): node bench/live-clients.ts URL COUNT [COOKIE]
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/lib/realtime/events.ts';
import type { StreamMessage, SubscribeReply } from '../src/lib/realtime/stream.ts';
import { fromParent, toParent } from './lib/child.ts';

const [url = '', count = '500', cookie] = process.argv.slice(2);
const CONNECTING_AT_ONCE = 50;

/** Milliseconds since the epoch with sub-millisecond precision, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

type Display = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Each arrival as [seq, received at (epoch ms), payload bytes]. */
const arrivals: [number, number, number][] = [];

async function open(after: number | null): Promise<{ socket: Display; seq: number | null }> {
	const socket: Display = io(url, {
		transports: ['websocket'],
		reconnection: false,
		forceNew: true,
		...(cookie ? { extraHeaders: { cookie } } : {})
	});
	socket.on('stream', (message: StreamMessage) => {
		const at = now();
		arrivals.push([message.seq, at, Buffer.byteLength(JSON.stringify(message))]);
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('connect_error', reject);
	});
	if (!cookie) return { socket, seq: null };
	const reply = (await socket
		.timeout(30_000)
		.emitWithAck('stream:subscribe', { audience: 'public', after })) as SubscribeReply<'public'>;
	if (!reply.ok) throw new Error(`subscribe refused: ${reply.error}`);
	return { socket, seq: 'snapshot' in reply ? reply.snapshot.seq : after };
}

process.on('disconnect', () => process.exit(0));

// The first takes a snapshot, as the display's page does; the rest subscribe from its `seq`,
// as a display whose page has just loaded does.
const first = await open(null);
const sockets = [first.socket];
while (sockets.length < Number(count)) {
	const batch = Math.min(CONNECTING_AT_ONCE, Number(count) - sockets.length);
	const opened = await Promise.all(Array.from({ length: batch }, () => open(first.seq)));
	sockets.push(...opened.map((o) => o.socket));
}
await toParent({ type: 'ready', connected: sockets.length });

await fromParent('report');
const lost = sockets.filter((s) => !s.connected).length;
await toParent({ type: 'arrivals', arrivals, lost });
for (const socket of sockets) socket.disconnect();
process.exit(0);
