import type { Socket } from 'socket.io-client';
import { OPEN_STATUSES } from '../domain/public-ticket.js';
import type { ClientToServerEvents, ServerToClientEvents } from './events.js';
import {
	FEED_LENGTH,
	type Audience,
	type StaffEvent,
	type StreamMessage,
	type StreamSnapshot,
	type SubscribeReply,
	type TicketFor
} from './stream.js';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';
export type AccessEnded = 'device-revoked' | 'session-ended';

const OPEN: readonly string[] = OPEN_STATUSES;

/**
 * The open tickets of one site as one audience sees them, kept exact over Socket.IO: it starts
 * from the page's snapshot, subscribes from that `seq`, applies each change once and in order,
 * asks again from its last `seq` after any gap or reconnect, and applies bursts in one frame.
 */
export class LiveBoard<A extends Audience> {
	tickets = $state.raw<TicketFor<A>[]>([]);
	/** Staff only: the latest changes, newest first. */
	feed = $state.raw<StaffEvent[]>([]);
	connection = $state<ConnectionState>('connecting');
	ended = $state<AccessEnded | null>(null);
	/** Server clock minus this browser's clock, in ms. */
	clockOffset = $state(0);
	/** The last change applied. */
	seq = $state(0);

	// Plain, not reactive: changes are published to `tickets` once per batch.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#bySerial = new Map<string, TicketFor<A>>();
	#queue: StreamMessage<A>[] = [];
	#subscribing = false;
	#frame: number | null = null;
	#socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

	constructor(
		private readonly audience: A,
		snapshot: StreamSnapshot<A>,
		feed: StaffEvent[] = []
	) {
		this.#reset(snapshot);
		this.feed = feed.slice(0, FEED_LENGTH);
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
				reconnectionDelayMax: 5_000
			});
			this.#socket = socket;
			socket.on('hello', ({ serverTime }) => (this.clockOffset = serverTime - Date.now()));
			socket.on('connect', () => this.#subscribe());
			socket.on('disconnect', () => this.#lost());
			socket.on('connect_error', () => this.#lost());
			socket.on('stream', (message) => this.#receive(message as StreamMessage<A>));
			socket.on('access:ended', (reason) => {
				this.ended = reason;
				socket.disconnect();
			});
		});
		return () => {
			closed = true;
			this.#socket?.disconnect();
			if (this.#frame !== null) cancelAnimationFrame(this.#frame);
		};
	}

	#lost(): void {
		if (!this.ended) this.connection = 'reconnecting';
	}

	#subscribe(): void {
		const socket = this.#socket;
		if (!socket) return;
		this.#subscribing = true;
		socket.emit('stream:subscribe', { audience: this.audience, after: this.seq }, (reply) =>
			this.#subscribed(reply as SubscribeReply<A>)
		);
	}

	#subscribed(reply: SubscribeReply<A>): void {
		this.#subscribing = false;
		if (!reply.ok) {
			this.ended = reply.error === 'forbidden' ? 'device-revoked' : 'session-ended';
			this.#socket?.disconnect();
			return;
		}
		if ('snapshot' in reply) {
			this.#reset(reply.snapshot);
			this.#queue = this.#queue.filter((m) => m.seq > reply.snapshot.seq);
		} else {
			this.#queue = [...reply.replay, ...this.#queue];
		}
		this.connection = 'live';
		this.#flush();
	}

	#receive(message: StreamMessage<A>): void {
		this.#queue.push(message);
		// While a subscription is answering, its replay comes first; live messages wait.
		if (this.#subscribing || this.#frame !== null) return;
		this.#frame = requestAnimationFrame(() => {
			this.#frame = null;
			this.#flush();
		});
	}

	/** Applies the queued changes in `seq` order, once each; a gap asks the server again. */
	#flush(): void {
		const queue = this.#queue.sort((a, b) => a.seq - b.seq);
		this.#queue = [];
		let seq = this.seq;
		let changed = false;
		let gap = false;
		const feed: StaffEvent[] = [];
		for (let i = 0; i < queue.length; i++) {
			const message = queue[i]!;
			if (message.seq <= seq) continue;
			if (message.seq > seq + 1) {
				// Something is missing: keep the rest and ask for what came after `seq`.
				this.#queue = queue.slice(i);
				gap = true;
				break;
			}
			seq = message.seq;
			if (message.ticket) {
				changed = true;
				if (OPEN.includes(message.ticket.status)) {
					this.#bySerial.set(message.ticket.serial, message.ticket);
				} else {
					this.#bySerial.delete(message.ticket.serial);
				}
			}
			if (message.event) feed.push(message.event);
		}
		this.seq = seq;
		if (changed) this.#publish();
		if (feed.length) this.feed = [...feed.reverse(), ...this.feed].slice(0, FEED_LENGTH);
		if (gap) this.#subscribe();
	}

	#reset(snapshot: StreamSnapshot<A>): void {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#bySerial = new Map(snapshot.tickets.map((t) => [t.serial, t]));
		this.seq = snapshot.seq;
		this.#publish();
	}

	#publish(): void {
		this.tickets = [...this.#bySerial.values()].sort((a, b) => a.filedAt - b.filedAt);
	}
}
