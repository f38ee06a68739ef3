// Production server: the SvelteKit app (adapter-node's handler) and Socket.IO on one port.
import http from 'node:http';
import process from 'node:process';

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT || 10) * 1000;

const runtime = await import('./build/server/runtime.js');
let context;
try {
	context = await runtime.boot();
} catch (error) {
	console.error(`Lobby Desk could not start: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
const { handler } = await import('./build/handler.js');

const server = http.createServer(handler);
runtime.attachRealtime(server);

server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const database = context.database.kind === 'pglite' ? `embedded (${context.config.dataDir})` : 'Postgres';
	console.log(`Lobby Desk is running at http://${shown}:${port}/  —  database: ${database}`);
	printSignIn(context.signIn);
});

function printSignIn(notice) {
	if (!notice) return;
	if (notice.kind === 'demo') {
		console.log('Demo mode. Sign in to the console with any of these (password for all):');
		for (const { username, password } of notice.accounts) console.log(`  ${username.padEnd(12)} ${password}`);
	} else {
		console.log('First start: sign in as this administrator and choose a new password.');
		for (const { username, password } of notice.accounts) console.log(`  ${username}  ${password}  (shown once)`);
	}
}

let stopping = false;
async function stop(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: closing connections…`);
	const force = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
	force.unref();
	// Closing Socket.IO also stops the HTTP server from accepting new connections.
	server.closeIdleConnections();
	await runtime.shutdown();
	await new Promise((resolve) => server.close(() => resolve(undefined)));
	console.log('Lobby Desk stopped.');
	process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
