// How fast an emergency reaches the consoles: starts the production build on a fresh embedded
// demo database, signs in consoles over Socket.IO, files emergencies from a paired kiosk over HTTP
// and measures, for each call, the time from sending the kiosk's form to the alert's arrival on
// every console. The target is one second. Run `npm run build` first; then
// `npm run bench:alert` (BENCH_CALLS, BENCH_CONSOLES to change the load).
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/lib/realtime/events.ts';
import type { StreamMessage } from '../src/lib/realtime/stream.ts';
import { spawnServer } from '../tests/e2e/server-process.ts';
import { cookieOf, postAction } from '../tests/helpers/app-http.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4431);
const CALLS = Number(process.env.BENCH_CALLS ?? 30);
const CONSOLES = Number(process.env.BENCH_CONSOLES ?? 6);
const BASE = `http://127.0.0.1:${PORT}`;
const ROLES = ['assistant', 'supervisor', 'director', 'engineer', 'guard', 'admin'];

// The embedded database: no DATABASE_URL, a fresh data directory.
const server = spawnServer(PORT);
const ready = () => server.ready();

/** A form post as the browser sends it; returns the response. */
const post = (path: string, form: Record<string, string>, cookie = '') =>
	postAction(BASE, path, form, cookie);

type Console = Socket<ServerToClientEvents, ClientToServerEvents>;

async function openConsole(username: string): Promise<Console> {
	const session = cookieOf(
		await post('/console/sign-in', { username, password: 'lobbydesk' }),
		'lobbydesk_session'
	);
	const socket: Console = io(BASE, {
		transports: ['websocket'],
		reconnection: false,
		extraHeaders: { cookie: session }
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('connect_error', reject);
	});
	const reply = await socket
		.timeout(5_000)
		.emitWithAck('stream:subscribe', { audience: 'staff', after: null });
	if (!reply.ok) throw new Error(`${username} could not subscribe`);
	return socket;
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

try {
	const started = performance.now();
	await ready();
	console.log(`server ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

	const kiosk = cookieOf(await post('/pair?/demo', { kind: 'kiosk' }), 'lobbydesk_device');
	const form = await (
		await fetch(`${BASE}/kiosk/emergency`, { headers: { cookie: kiosk } })
	).text();
	const buildingId = /name="buildingId"[^>]*value="([^"]+)"/.exec(form)?.[1];
	if (!buildingId) throw new Error('no building on the emergency form');

	const consoles = await Promise.all(
		Array.from({ length: CONSOLES }, (_, i) => openConsole(ROLES[i % ROLES.length] ?? 'assistant'))
	);

	const toAll: number[] = [];
	const response: number[] = [];
	for (let call = 0; call < CALLS; call++) {
		const note = `bench ${call}`;
		const arrivals = consoles.map(
			(socket) =>
				new Promise<number>((resolve) => {
					const onMessage = (message: StreamMessage) => {
						if (message.event?.type !== 'ticket.filed' || message.ticket?.type !== 'emergency')
							return;
						socket.off('stream', onMessage);
						resolve(performance.now());
					};
					socket.on('stream', onMessage);
				})
		);
		const sent = performance.now();
		const answer = await post(
			'/kiosk/emergency',
			{
				idempotencyKey: crypto.randomUUID(),
				kind: 'medical',
				buildingId,
				floor: '1',
				room: '',
				note
			},
			kiosk
		);
		response.push(performance.now() - sent);
		if (!answer.ok) throw new Error(`call ${call}: ${answer.status}`);
		const last = Math.max(...(await Promise.all(arrivals)));
		toAll.push(last - sent);
	}
	for (const socket of consoles) socket.disconnect();

	const report = (label: string, values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		console.log(
			`${label.padEnd(44)} median ${percentile(sorted, 50).toFixed(1)} ms · p95 ${percentile(sorted, 95).toFixed(1)} ms · max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`
		);
	};
	console.log(`${CALLS} emergency calls, ${CONSOLES} consoles listening (embedded database)`);
	report('kiosk form answered', response);
	report('alert on every console (target < 1000 ms)', toAll);
} finally {
	await server.stop();
}
