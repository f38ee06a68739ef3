import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events.js';
import type { SiteToday } from '../domain/site-today.js';
import { StreamApplier } from './stream-applier.js';
import {
	FEED_LENGTH,
	type Audience,
	type StaffEvent,
	type StreamMessage,
	type StreamSnapshot,
	type SubscribeReply,
	type TicketFor
} from './stream.js';

/** `offline`: the link is up but the server cannot reach its database, so nothing can be saved. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';
export type AccessEnded = 'device-revoked' | 'session-ended';

const RETRY_MS = 2_000;
/** A subscription the server has not answered by then is asked again (its answer may be lost). */
const SUBSCRIBE_TIMEOUT_MS = 10_000;

/**
 * The open tickets of one site as one audience sees them, kept exact over Socket.IO: it starts
 * from the page's snapshot, subscribes from that `seq`, lets `StreamApplier` apply each change
 * once and in order, asks again after any gap or reconnect, and publishes bursts in one frame.
 * It keeps trying until the server answers; only a revoked device or an ended session stops it.
 */
export class LiveBoard<A extends Audience> {
	tickets = $state.raw<TicketFor<A>[]>([]);
	/** Staff only: the latest changes, newest first. */
	feed = $state.raw<StaffEvent[]>([]);
	connection = $state<ConnectionState>('connecting');
	ended = $state<AccessEnded | null>(null);
	/** Server clock minus this browser's clock, in ms. */
	clockOffset = $state(0);
	/** The site's figures for today (the wall's header). */
	today = $state.raw<SiteToday | null>(null);
	/**
	 * Bumped with the visits that changed in each batch (ids only: a page that shows one asks the
	 * server for what it may see of it, so the stream never carries a visitor's details). `all`
	 * after a snapshot, which says nothing of which visits changed while this board was away.
	 */
	visitChanges = $state.raw<{ count: number; ids: string[]; all: boolean }>({
		count: 0,
		ids: [],
		all: false
	});

	#applier: StreamApplier<TicketFor<A>>;
	#inbox: StreamMessage<A>[] = [];
	#subscribing = false;
	/** Counts subscription requests, so that only the latest one's answer is applied. */
	#attempt = 0;
	#databaseDown = false;
	#frame: number | null = null;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

	constructor(
		private readonly audience: A,
		snapshot: StreamSnapshot<A>,
		feed: StaffEvent[] = []
	) {
		this.#applier = new StreamApplier(snapshot);
		this.feed = feed.slice(0, FEED_LENGTH);
		this.#publish();
	}

	/** The last change applied. */
	get seq(): number {
		return this.#applier.seq;
	}

	/** Opens the socket; returns the function that closes it (for `onMount`). */
	connect(): () => void {
		let closed = false;
		// Loaded here, in the browser only, so the socket client stays out of the server bundle.
		void import('socket.io-client').then(({ io }) => {
			if (closed) return;
			const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
				transports: ['websocket'],
				reconnectionDelay: 500,
				reconnectionDelayMax: 5_000,
				// An attempt started while the network was gone may hang rather than fail: give up on
				// it after 5 s (not Socket.IO's 20) so the link is back soon after the network is.
				timeout: 5_000
			});
			this.#socket = socket;
			socket.on('hello', ({ serverTime }) => (this.clockOffset = serverTime - Date.now()));
			socket.on('connect', () => {
				// A new connection starts from "the database answers": the server says at once when
				// it does not, and a return announced while this socket was away is not missed.
				this.#databaseDown = false;
				this.#subscribe();
			});
			socket.on('disconnect', () => this.#lost());
			socket.on('connect_error', () => {
				this.#lost();
				// A refused handshake is not retried by Socket.IO itself: try again later.
				if (!socket.active) this.#later(() => socket.connect());
			});
			socket.on('database', ({ available }) => this.#database(available));
			socket.on('stream', (message) => this.#receive(message as StreamMessage<A>));
			socket.on('access:ended', (reason) => this.#end(reason));
		});
		// The network is back: try now rather than at the end of a back-off of up to 5 s.
		const online = () => {
			const socket = this.#socket;
			if (socket && !socket.connected && !this.ended) socket.disconnect().connect();
		};
		window.addEventListener('online', online);
		return () => {
			closed = true;
			window.removeEventListener('online', online);
			this.#socket?.disconnect();
			if (this.#frame !== null) cancelAnimationFrame(this.#frame);
			if (this.#retry !== null) clearTimeout(this.#retry);
		};
	}

	#later(action: () => void): void {
		if (this.#retry !== null) clearTimeout(this.#retry);
		this.#retry = setTimeout(() => {
			this.#retry = null;
			if (!this.ended) action();
		}, RETRY_MS);
	}

	#end(reason: AccessEnded): void {
		this.ended = reason;
		this.#socket?.disconnect();
	}

	#database(available: boolean): void {
		const wasDown = this.#databaseDown;
		this.#databaseDown = !available;
		if (!available) {
			if (!this.ended && this.connection === 'live') this.connection = 'offline';
		} else if (wasDown && this.connection === 'offline') {
			// Back: catch up on what was committed just before it went, then say "live".
			this.#subscribe();
		}
	}

	#lost(): void {
		if (!this.ended) this.connection = 'reconnecting';
	}

	#subscribe(): void {
		const socket = this.#socket;
		if (!socket?.connected) return;
		this.#subscribing = true;
		const attempt = ++this.#attempt;
		socket
			.timeout(SUBSCRIBE_TIMEOUT_MS)
			.emit('stream:subscribe', { audience: this.audience, after: this.seq }, (error, reply) => {
				// Only the latest request counts: an earlier one answered late says nothing new.
				if (attempt !== this.#attempt) return;
				if (error) {
					this.#subscribing = false;
					this.#subscribe();
				} else this.#subscribed(reply as SubscribeReply<A>);
			});
	}

	#subscribed(reply: SubscribeReply<A>): void {
		this.#subscribing = false;
		if (!reply.ok) {
			if (reply.error === 'unavailable') this.#later(() => this.#subscribe());
			else this.#end(reply.error === 'forbidden' ? 'device-revoked' : 'session-ended');
			return;
		}
		if ('snapshot' in reply) {
			this.#applier.reset(reply.snapshot);
			this.#publish();
			this.visitChanges = { count: this.visitChanges.count + 1, ids: [], all: true };
		} else {
			this.#inbox.push(...reply.replay);
		}
		this.connection = this.#databaseDown ? 'offline' : 'live';
		this.#flush();
	}

	#receive(message: StreamMessage<A>): void {
		this.#inbox.push(message);
		// While a subscription is answering, its replay comes first; live messages wait.
		if (this.#subscribing || this.#frame !== null) return;
		this.#frame = requestAnimationFrame(() => {
			this.#frame = null;
			this.#flush();
		});
	}

	#flush(): void {
		const result = this.#applier.offer(this.#inbox.splice(0));
		if (result.changed) this.#publish();
		if (result.events.length) {
			this.feed = [...result.events.reverse(), ...this.feed].slice(0, FEED_LENGTH);
		}
		if (result.visits.length) {
			this.visitChanges = { count: this.visitChanges.count + 1, ids: result.visits, all: false };
		}
		if (result.gap && !this.#subscribing) this.#subscribe();
	}

	#publish(): void {
		this.today = this.#applier.today;
		this.tickets = [...this.#applier.tickets.values()].sort((a, b) => a.filedAt - b.filedAt);
	}
}
