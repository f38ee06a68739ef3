import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events.js';

/**
 * Keeps a paired device's socket open so the console can show it online, and hears at once when
 * it is revoked. Returns the function that closes it (for `onMount`).
 */
export function connectPresence(onEnded: () => void): () => void {
	let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
	let closed = false;
	void import('socket.io-client').then(({ io }) => {
		if (closed) return;
		socket = io({ transports: ['websocket'] });
		socket.on('access:ended', () => {
			socket?.disconnect();
			onEnded();
		});
	});
	return () => {
		closed = true;
		socket?.disconnect();
	};
}
