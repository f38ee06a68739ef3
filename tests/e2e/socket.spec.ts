import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/realtime/events.js';

test('Socket.IO answers on the app’s own port and shares the server clock', async ({ baseURL }) => {
	const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseURL, {
		transports: ['websocket'],
		reconnection: false
	});
	try {
		const hello = await new Promise<{ serverTime: number }>((resolve, reject) => {
			socket.once('hello', resolve);
			socket.once('connect_error', reject);
		});
		expect(Math.abs(hello.serverTime - Date.now())).toBeLessThan(5_000);
		const synced = await socket.timeout(2_000).emitWithAck('clock:sync');
		expect(synced).toBeGreaterThanOrEqual(hello.serverTime);
	} finally {
		socket.disconnect();
	}
});
