import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events.js';
import type { StreamMessage, SubscribeReply } from './stream.js';

const RETRY_MS = 3_000;

export interface VisitWatch {
	/** The household link's token: the socket's only credential. */
	household: string;
	/** The last change the page's data includes. */
	after: number;
	/** A visit at the site changed (or, after a gap too long to replay, any may have). */
	onChange: () => void;
	/** The link stopped working while the page was open. */
	onEnded: () => void;
	/** Whether changes are arriving: true once subscribed, false while the socket is down. */
	onLive?: (live: boolean) => void;
}

/**
 * The household's phone page listens to the lobby's public stream for visit changes. That stream
 * names visits by id only, so the page cannot tell whether a new one is for this household: any
 * visit change at the site makes it read its own again (see the page, which coalesces them).
 * Changes missed while the link was down are replayed on reconnect.
 */
export function watchVisits(watch: VisitWatch): () => void {
	let closed = false;
	let seq = watch.after;
	let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
	let retry: ReturnType<typeof setTimeout> | null = null;

	const later = (action: () => void) => {
		if (retry !== null) clearTimeout(retry);
		retry = setTimeout(() => {
			retry = null;
			if (!closed) action();
		}, RETRY_MS);
	};

	const subscribe = () => {
		socket?.emit('stream:subscribe', { audience: 'public', after: seq }, (reply) =>
			subscribed(reply)
		);
	};

	const subscribed = (reply: SubscribeReply) => {
		if (!reply.ok) {
			if (reply.error === 'unavailable') later(subscribe);
			else watch.onEnded();
			return;
		}
		watch.onLive?.(true);
		if ('snapshot' in reply) {
			seq = reply.snapshot.seq;
			watch.onChange();
			return;
		}
		const last = reply.replay.at(-1);
		if (last) seq = Math.max(seq, last.seq);
		if (reply.replay.some((m) => m.visit)) watch.onChange();
	};

	const receive = (message: StreamMessage) => {
		if (message.seq <= seq) return;
		// Every change reaches every audience: a hole means one was missed.
		if (message.seq > seq + 1) return subscribe();
		seq = message.seq;
		if (message.visit) watch.onChange();
	};

	// Loaded here, in the browser only, so the socket client stays out of the server bundle.
	void import('socket.io-client').then(({ io }) => {
		if (closed) return;
		socket = io({
			transports: ['websocket'],
			auth: { household: watch.household },
			reconnectionDelay: 500,
			reconnectionDelayMax: 5_000,
			timeout: 5_000
		});
		socket.on('connect', subscribe);
		socket.on('disconnect', () => watch.onLive?.(false));
		socket.on('connect_error', () => {
			watch.onLive?.(false);
			// A refused handshake is not retried by Socket.IO itself.
			if (socket && !socket.active) later(() => socket?.connect());
		});
		socket.on('stream', receive);
		socket.on('access:ended', () => {
			socket?.disconnect();
			watch.onEnded();
		});
	});

	return () => {
		closed = true;
		if (retry !== null) clearTimeout(retry);
		socket?.disconnect();
	};
}
