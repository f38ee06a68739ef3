import type { PublicTicket } from '../domain/public-ticket.js';
import type { SiteToday } from '../domain/site-today.js';
import type { CareFlag, Channel, Priority } from '../domain/vocabulary.js';

/**
 * The live event stream's payloads, shared by the server and its clients. Each audience has its
 * own ticket type: the public one (lobby display, kiosk) has no field that could hold a name, a
 * phone or ID number, a room or a description; the staff room adds the room, never a phone.
 */
export type Audience = 'staff' | 'staff_room' | 'public';

/** The staff-room wall: the public view plus where exactly, never who or how to reach them. */
export interface RoomTicket extends PublicTicket {
	entrance: string | null;
	room: string | null;
}

/**
 * Where an emergency is, as the caller gave it (building, floor, room, a note): for the people
 * who go there, never for a wall.
 */
export interface StaffLocation {
	buildingCode: string | null;
	floor: string;
	room: string;
	note: string;
}

/** The console's view of a ticket. */
export interface StaffTicket extends RoomTicket {
	id: string;
	priority: Priority;
	channel: Channel;
	careFlags: CareFlag[];
	assigneeName: string | null;
	reporterName: string | null;
	/** Given with an emergency; null for a ticket about a home. */
	location: StaffLocation | null;
}

export type TicketFor<A extends Audience> = A extends 'staff'
	? StaffTicket
	: A extends 'staff_room'
		? RoomTicket
		: PublicTicket;

/** What happened, for the console's feed; only staff receive it. */
export interface StaffEvent {
	type: string;
	at: number;
	actorName: string | null;
	reason: string | null;
	data: Record<string, unknown>;
}

/**
 * One committed change of the site. `seq` is 1, 2, 3… without gaps; a message about something
 * the audience may not see still arrives, empty, so no gap is ever ambiguous.
 */
export interface StreamMessage<A extends Audience = Audience> {
	seq: number;
	/** The ticket as it now stands, when the change was about one. */
	ticket: TicketFor<A> | null;
	event: A extends 'staff' ? StaffEvent : null;
	/** The site's figures for today as they stand after this change (on the last of a batch). */
	today?: SiteToday | null;
	/**
	 * The visit this change was about: its id and nothing else, for every audience. A page showing
	 * that visit reloads what it may see of it; the wall only counts (in `today`).
	 */
	visit?: string | null;
}

/** Every open ticket as of `seq`. */
export interface StreamSnapshot<A extends Audience = Audience> {
	seq: number;
	tickets: TicketFor<A>[];
	today?: SiteToday | null;
}

export interface SubscribeRequest {
	audience: Audience;
	/** The last `seq` this client applied; null for a fresh snapshot. */
	after: number | null;
}

export type SubscribeReply<A extends Audience = Audience> =
	| { ok: true; siteId: string; replay: StreamMessage<A>[] }
	| { ok: true; siteId: string; snapshot: StreamSnapshot<A> }
	/** `unavailable`: the server could not answer just now; ask again shortly. */
	| { ok: false; error: 'unauthenticated' | 'forbidden' | 'unavailable' };

/** Beyond this many missed changes a client gets a snapshot instead of the changes. */
export const MAX_REPLAY = 500;

/** How many of the latest changes the console's activity feed shows. */
export const FEED_LENGTH = 30;
