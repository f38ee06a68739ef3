// Production server: the SvelteKit app (adapter-node's handler) and Socket.IO on one port.
// Node 24 runs this file as it is (type stripping); `npm start` builds the app first if needed.
import http from 'node:http';
import process from 'node:process';
import type * as Runtime from './src/lib/server/runtime.ts';

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT || 10) * 1000;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
	fail(`PORT must be a port number; got "${process.env.PORT}"`);
}

// Both modules come from the build; the runtime shares its database with the app's handler.
const RUNTIME = './build/server/runtime.js';
const HANDLER = './build/handler.js';
const runtime: typeof Runtime = await import(RUNTIME);

const server = http.createServer();
let stopping = false;
/** Requests being answered, and who waits for the last of them to end. */
let running = 0;
let drained: (() => void) | null = null;

/**
 * Closes in order: no new connections or requests, the requests under way finish, then sockets
 * and the database. Requests must not outlive the runtime: one answered after it closed fails.
 */
async function stop(signal: NodeJS.Signals): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: closing connections…`);
	setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs).unref();
	const closed = server.listening
		? new Promise<void>((resolve) => server.close(() => resolve()))
		: Promise.resolve();
	server.closeIdleConnections();
	if (running > 0) await new Promise<void>((resolve) => (drained = resolve));
	// Kept-alive connections whose last request just ended.
	server.closeIdleConnections();
	// Waits for a boot in progress; closing Socket.IO also ends its sockets' connections.
	await runtime.shutdown();
	await closed;
	console.log('Lobby Desk stopped.');
	process.exit(0);
}
// Registered before booting, so a stop during the first migration still closes the database.
process.on('SIGTERM', (signal) => void stop(signal));
process.on('SIGINT', (signal) => void stop(signal));

function fail(reason: string): never {
	console.error(`Lobby Desk could not start: ${reason}`);
	process.exit(1);
}

let context: Runtime.AppContext;
try {
	context = await runtime.boot();
} catch (error) {
	fail(error instanceof Error ? error.message : String(error));
}

// adapter-node assumes https unless a header says otherwise. Behind a TLS proxy, set
// PROTOCOL_HEADER (e.g. x-forwarded-proto); served directly, this server states the protocol of
// the connection itself, overwriting anything a client sent under that name.
const OWN_PROTOCOL_HEADER = 'x-lobbydesk-protocol';
const trustProxy = Boolean(process.env.PROTOCOL_HEADER);
if (!trustProxy) process.env.PROTOCOL_HEADER = OWN_PROTOCOL_HEADER;

const { handler }: { handler: http.RequestListener } = await import(HANDLER);

server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
	if (stopping) {
		// Sent on a connection kept alive from before the stop: "not now", and the connection
		// closes, so the client tries again (another process, or this one once it is back).
		res.writeHead(503, { connection: 'close', 'retry-after': '1', 'content-type': 'text/plain' });
		res.end('Lobby Desk is stopping');
		return;
	}
	running += 1;
	res.once('close', () => {
		running -= 1;
		if (running === 0) drained?.();
	});
	if (!trustProxy) req.headers[OWN_PROTOCOL_HEADER] = 'http';
	handler(req, res);
});
await runtime.attachRealtime(server);

server.once('error', (error: NodeJS.ErrnoException) => {
	const reason =
		error.code === 'EADDRINUSE'
			? `port ${port} on ${host} is already in use (set PORT)`
			: error.message;
	void runtime.shutdown().finally(() => fail(reason));
});

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const database =
		context.database.kind === 'pglite' ? `embedded (${context.config.dataDir})` : 'Postgres';
	console.log(`Lobby Desk is running at http://${shown}:${port}/  —  database: ${database}`);
	for (const line of runtime.describeSignIn(context.signIn)) console.log(line);
});
