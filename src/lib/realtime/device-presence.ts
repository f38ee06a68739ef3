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
 * main namespace, answer pings, listen for one event, reconnect with back-off. Like the real
 * client it counts a link silent for longer than the server's ping interval and timeout as dead,
 * and it stops trying when the server refuses it for good (anything but "unavailable").
 */
export function connectPresence(onEnded: () => void, origin = location.href): () => void {
	const url = new URL(`${SOCKET_PATH}/?EIO=4&transport=websocket`, origin);
	url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
	let socket: WebSocket | null = null;
	let retry: ReturnType<typeof setTimeout> | null = null;
	let delay = RETRY_MS;
	let closed = false;
	let silence: ReturnType<typeof setTimeout> | null = null;
	/** How long the link may stay silent: the server's ping interval plus its timeout. */
	let deadAfter = 0;
	const quiet = () => {
		if (silence !== null) clearTimeout(silence);
		silence = null;
	};

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
			quiet();
			if (deadAfter > 0) silence = setTimeout(() => ws.close(), deadAfter);
			// Engine.IO: 0 open, 2 ping (answer 3); Socket.IO inside 4: 40 joined, 42 event, 44 refused.
			if (data.startsWith('0')) {
				const { pingInterval = 25_000, pingTimeout = 20_000 } = JSON.parse(data.slice(1)) as {
					pingInterval?: number;
					pingTimeout?: number;
				};
				deadAfter = pingInterval + pingTimeout;
				ws.send('40');
			} else if (data === '2') ws.send('3');
			else if (data.startsWith('40')) delay = RETRY_MS;
			else if (data.startsWith('44')) {
				const { message } = JSON.parse(data.slice(2) || '{}') as { message?: string };
				// "unavailable" is a database blip: try again. Anything else will not change.
				if (message !== 'unavailable') closed = true;
				ws.close();
			} else if (data.startsWith('42')) {
				const [event] = JSON.parse(data.slice(2)) as [keyof ServerToClientEvents, ...unknown[]];
				if (event === 'access:ended') end();
			}
		};
		ws.onclose = () => {
			if (socket === ws) quiet();
			if (closed || socket !== ws) return;
			retry = setTimeout(open, delay);
			delay = Math.min(delay * 2, RETRY_MAX_MS);
		};
	};
	open();
	return () => {
		closed = true;
		if (retry !== null) clearTimeout(retry);
		quiet();
		socket?.close();
	};
}
