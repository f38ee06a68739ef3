import { Server } from 'socket.io';
import {
	SOCKET_PATH,
	type ClientToServerEvents,
	type ServerToClientEvents
} from '../../realtime/events.js';

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents>;
/** Node's HTTP server in production, Vite's (possibly HTTP/2) server in development. */
export type HttpServer = Parameters<SocketServer['attach']>[0] & object;

/** Socket.IO on the app's own HTTP server and port. */
export function createSocketServer(httpServer: HttpServer): SocketServer {
	const io: SocketServer = new Server(httpServer, {
		path: SOCKET_PATH,
		serveClient: false,
		// No CORS headers: browsers on other sites cannot poll. (WebSocket upgrades are not
		// covered by CORS; the live-stream handshake authenticates every socket itself.)
		cors: { origin: false }
	});
	io.on('connection', (socket) => {
		socket.emit('hello', { serverTime: Date.now() });
		socket.on('clock:sync', (ack) => {
			if (typeof ack === 'function') ack(Date.now());
		});
	});
	return io;
}
