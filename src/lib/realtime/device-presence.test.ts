import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectPresence } from './device-presence.js';
import { SOCKET_PATH } from './events.js';

// The presence link speaks Socket.IO's protocol itself: a real Socket.IO server must count it
// connected, keep it through its pings, reach it with `access:ended`, and see it come back.

let http: HttpServer;
let io: Server;
let origin: string;
let connections: number;

beforeEach(async () => {
	http = createServer();
	io = new Server(http, { path: SOCKET_PATH, pingInterval: 60, pingTimeout: 60 });
	connections = 0;
	io.on('connection', () => (connections += 1));
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}/kiosk`;
});

afterEach(async () => {
	await io.close();
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean): Promise<void> {
	for (let i = 0; i < 100 && !condition(); i++) await wait(20);
	expect(condition()).toBe(true);
}

describe('connectPresence', () => {
	it('joins the server and stays through its pings', async () => {
		const close = connectPresence(() => {}, origin);
		await until(() => io.sockets.sockets.size === 1);
		// Several ping intervals: a client that did not answer would be dropped after one.
		await wait(400);
		expect(io.sockets.sockets.size).toBe(1);
		expect(connections).toBe(1);
		close();
		await until(() => io.sockets.sockets.size === 0);
	});

	it('hears access:ended once and does not come back', async () => {
		let ended = 0;
		connectPresence(() => (ended += 1), origin);
		await until(() => io.sockets.sockets.size === 1);
		io.emit('access:ended', 'device-revoked');
		await until(() => ended === 1);
		await until(() => io.sockets.sockets.size === 0);
		await wait(800);
		expect(connections).toBe(1);
		expect(ended).toBe(1);
	});

	it('comes back by itself after the link drops', async () => {
		let ended = 0;
		const close = connectPresence(() => (ended += 1), origin);
		await until(() => io.sockets.sockets.size === 1);
		io.disconnectSockets(true);
		await until(() => connections === 2 && io.sockets.sockets.size === 1);
		expect(ended).toBe(0);
		close();
	});

	it('tries again after an "unavailable" refusal, and gives up on any other', async () => {
		let attempts = 0;
		let refusal = 'unavailable';
		io.use((_socket, next) => {
			attempts += 1;
			next(new Error(refusal));
		});
		const close = connectPresence(() => {}, origin);
		await until(() => attempts >= 2);
		refusal = 'origin';
		const seen = attempts;
		await until(() => attempts === seen + 1);
		// Past the next back-off (2 s by now): nothing more.
		await wait(2_500);
		expect(attempts).toBe(seen + 1);
		close();
	});
});
