import { OPEN_STATUSES } from '../domain/public-ticket.js';
import type { TicketStatus } from '../domain/vocabulary.js';
import type { SiteToday } from '../domain/site-today.js';
import type { StaffEvent } from './stream.js';

const OPEN: readonly TicketStatus[] = OPEN_STATUSES;

interface BoardTicket {
	serial: string;
	status: TicketStatus;
}

/** The shapes of `StreamSnapshot` and `StreamMessage`, for any audience's ticket type. */
interface Snapshot<T> {
	seq: number;
	tickets: readonly T[];
	today?: SiteToday | null;
}
interface Message<T> {
	seq: number;
	ticket: T | null;
	event: StaffEvent | null;
	today?: SiteToday | null;
	visit?: string | null;
}

export interface Applied {
	/** The messages applied by this call, in `seq` order, each once. */
	applied: number[];
	/** Whether the open tickets changed. */
	changed: boolean;
	/** Staff events among the applied messages, oldest first. */
	events: StaffEvent[];
	/** Messages wait beyond a missing one: the caller should ask for what came after `seq`. */
	gap: boolean;
	/** The visits that changed, by id, oldest first. */
	visits: string[];
}

/**
 * The client's half of the gap-free stream, without I/O: whatever order and however often
 * messages arrive, each is applied once, in `seq` order; what lies beyond a missing one waits.
 */
export class StreamApplier<T extends BoardTicket> {
	seq = 0;
	/** Plain, not reactive: the board publishes once per batch. */
	tickets = new Map<string, T>();
	/** The site's figures for today, as of the latest change that carried them. */
	today: SiteToday | null = null;
	#pending = new Map<number, Message<T>>();

	constructor(snapshot: Snapshot<T>) {
		this.reset(snapshot);
	}

	/** Starts again from a snapshot; anything waiting that it already covers is dropped. */
	reset(snapshot: Snapshot<T>): void {
		this.tickets = new Map(snapshot.tickets.map((t) => [t.serial, t]));
		this.seq = snapshot.seq;
		this.today = snapshot.today ?? this.today;
		for (const seq of this.#pending.keys()) if (seq <= this.seq) this.#pending.delete(seq);
	}

	offer(messages: Iterable<Message<T>>): Applied {
		for (const message of messages) {
			if (message.seq > this.seq) this.#pending.set(message.seq, message);
		}
		const result: Applied = { applied: [], changed: false, events: [], gap: false, visits: [] };
		for (let next = this.#pending.get(this.seq + 1); next; next = this.#pending.get(this.seq + 1)) {
			this.#pending.delete(next.seq);
			this.seq = next.seq;
			result.applied.push(next.seq);
			if (next.ticket) {
				result.changed = true;
				const ticket = next.ticket;
				if (OPEN.includes(ticket.status)) this.tickets.set(ticket.serial, ticket);
				else this.tickets.delete(ticket.serial);
			}
			if (next.event) result.events.push(next.event);
			if (next.visit) result.visits.push(next.visit);
			if (next.today) {
				this.today = next.today;
				result.changed = true;
			}
		}
		result.gap = this.#pending.size > 0;
		return result;
	}
}
