import { SOCKET_PATH, type ServerToClientEvents } from './events.js';

const RETRY_MS = 500;
const RETRY_MAX_MS = 5_000;

/**
 * Keeps a paired device's socket open so the console can show it online, and hears at once when
 * it is revoked. Returns the function that closes it (for `onMount`).
 *
 * The kiosk's first screen needs nothing else from the server, so this speaks Socket.IO's wire
 * protocol (Engine.IO 4 over a WebSocket, Socket.IO 5 packets) itself rather than load the
 * Socket.IO client, which would be an eighth of the JavaScript the kiosk ships: open, join the
 * main namespace, answer pings, listen for one event, reconnect with back-off.
 */
export function connectPresence(onEnded: () => void, origin = location.href): () => void {
	const url = new URL(`${SOCKET_PATH}/?EIO=4&transport=websocket`, origin);
	url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
	let socket: WebSocket | null = null;
	let retry: ReturnType<typeof setTimeout> | null = null;
	let delay = RETRY_MS;
	let closed = false;

	const end = () => {
		closed = true;
		socket?.close();
		onEnded();
	};
	const open = () => {
		const ws = new WebSocket(url);
		socket = ws;
		ws.onmessage = ({ data }: MessageEvent<unknown>) => {
			if (typeof data !== 'string') return;
			// Engine.IO: 0 open, 2 ping (answer 3); Socket.IO inside 4: 40 joined, 42 event, 44 refused.
			if (data.startsWith('0')) ws.send('40');
			else if (data === '2') ws.send('3');
			else if (data.startsWith('40')) delay = RETRY_MS;
			else if (data.startsWith('44')) ws.close();
			else if (data.startsWith('42')) {
				const [event] = JSON.parse(data.slice(2)) as [keyof ServerToClientEvents, ...unknown[]];
				if (event === 'access:ended') end();
			}
		};
		ws.onclose = () => {
			if (closed || socket !== ws) return;
			retry = setTimeout(open, delay);
			delay = Math.min(delay * 2, RETRY_MAX_MS);
		};
	};
	open();
	return () => {
		closed = true;
		if (retry !== null) clearTimeout(retry);
		socket?.close();
	};
}
