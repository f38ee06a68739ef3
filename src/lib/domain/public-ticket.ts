import type { ClockInstants } from './clocks/clock-state.js';
import type { TicketStatus, TicketType } from './vocabulary.js';

/**
 * One promise of a ticket, as instants: enough for any screen to count it down, and nothing
 * else. `key` is a clock code from the site's policy (`repair_arrival`), never free text.
 */
export interface PublicClock extends ClockInstants {
	key: string;
}

/**
 * A ticket as the lobby may see it. Every field is a code, a number or a time: there is no field
 * that could carry a name, a phone or ID number, a room or a description.
 */
export interface PublicTicket {
	serial: string;
	type: TicketType;
	/** A category code from `TICKET_CATEGORIES`, never free text. */
	category: string;
	/** The building's code; the finest location the public may see. */
	buildingCode: string | null;
	status: TicketStatus;
	/** Epoch milliseconds. */
	filedAt: number;
	/** The latest run of each of its clocks. */
	clocks: PublicClock[];
}

export const PUBLIC_TICKET_FIELDS = [
	'serial',
	'type',
	'category',
	'buildingCode',
	'status',
	'filedAt',
	'clocks'
] as const satisfies readonly (keyof PublicTicket)[];

/** Statuses that still owe the owner something; shown on the board. */
export const OPEN_STATUSES = [
	'new',
	'accepted',
	'in_progress',
	'waiting_owner',
	'reopened'
] as const satisfies readonly TicketStatus[];
