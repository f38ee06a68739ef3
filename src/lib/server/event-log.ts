import { eq, sql } from 'drizzle-orm';
import type { ActorKind } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { events, eventStreams } from './db/schema/index.js';
import { notifyEvent } from './realtime/channels.js';
import { refreshTicketClocks } from './clocks/ticket-clocks.js';

export interface Actor {
	kind: ActorKind;
	staffId?: string | null;
	deviceId?: string | null;
	residentId?: string | null;
}

export const SYSTEM: Actor = { kind: 'system' };

export interface NewEvent {
	siteId: string;
	ticketId?: string | null;
	type: string;
	actor: Actor;
	reason?: string | null;
	data?: Record<string, unknown>;
	at?: Date;
}

/**
 * Locks the site's event stream until the transaction ends. Work that changes many tickets' clocks
 * takes it first, as every ticket step does before touching its clocks, so the two never deadlock.
 */
export async function lockSiteStream(tx: Queryable, siteId: string): Promise<void> {
	await tx
		.select({ lastSeq: eventStreams.lastSeq })
		.from(eventStreams)
		.where(eq(eventStreams.siteId, siteId))
		.for('update');
}

/** Takes the site's next sequence number; the row stays locked until the transaction ends. */
async function nextSeq(tx: Queryable, siteId: string): Promise<number> {
	const [stream] = await tx
		.insert(eventStreams)
		.values({ siteId, lastSeq: 1 })
		.onConflictDoUpdate({
			target: eventStreams.siteId,
			set: { lastSeq: sql`${eventStreams.lastSeq} + 1` }
		})
		.returning({ lastSeq: eventStreams.lastSeq });
	if (!stream) throw new Error('Event stream returned no row');
	return stream.lastSeq;
}

/**
 * Appends one event in the caller's transaction, so the record of a change exists exactly when
 * the change does, and tells every app process once it commits. Returns its sequence number
 * within the site.
 */
export async function appendEvent(tx: Queryable, event: NewEvent): Promise<number> {
	const seq = await nextSeq(tx, event.siteId);
	const [row] = await tx
		.insert(events)
		.values({
			siteId: event.siteId,
			seq,
			ticketId: event.ticketId ?? null,
			type: event.type,
			actorKind: event.actor.kind,
			actorStaffId: event.actor.staffId ?? null,
			actorDeviceId: event.actor.deviceId ?? null,
			actorResidentId: event.actor.residentId ?? null,
			reason: event.reason ?? null,
			data: event.data ?? {},
			...(event.at ? { at: event.at } : {})
		})
		.returning({ seq: events.seq });
	if (!row) throw new Error('Event insert returned no row');
	// Every step of a ticket may start, pause or stop one of its clocks (a clock's own events do not).
	// The notice goes out with the clocks' queries: the site's stream row is locked from `nextSeq`
	// on, and every change of the site waits for each round trip made while it is.
	const ticketId = event.ticketId;
	await Promise.all([
		ticketId && !event.type.startsWith('clock.')
			? refreshTicketClocks(tx, event.siteId, ticketId)
			: null,
		notifyEvent(tx, event.siteId, seq)
	]);
	return seq;
}
