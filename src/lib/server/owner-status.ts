import { and, asc, eq, inArray } from 'drizzle-orm';
import { loadClockRules } from './clocks/site-clock-rules.js';
import { nextSteps, type NextStep } from '../domain/next-steps.js';
import { ownerPage, type OwnerEvent, type OwnerPage } from '../domain/owner-page.js';
import type { TicketStatus, TicketType } from '../domain/vocabulary.js';
import { quoteRefusal } from '../domain/quotes.js';
import type { Queryable } from './db/client.js';
import { quoteForDisplay, type QuoteDisplay } from './quote-view.js';
import {
	buildings,
	events,
	sites,
	staffRoles,
	staffUsers,
	tickets,
	units
} from './db/schema/index.js';

/** A home as its owner knows it: building code, entrance, room. */
export interface Home {
	building: string;
	entrance: string;
	room: string;
}

/** Everything the owner's phone page shows; nothing here names anyone but by a handle. */
export interface OwnerStatus {
	serial: string;
	type: TicketType;
	category: string;
	status: TicketStatus;
	home: Home | null;
	/** The owner's own words. */
	description: string;
	preferredAt: Date | null;
	filedAt: Date;
	timeZone: string;
	nextSteps: NextStep[];
	page: OwnerPage;
	/** A paid service's quote, and whether the owner may answer it now. */
	quote: (QuoteDisplay & { answerable: boolean }) | null;
}

export async function homeOf(db: Queryable, unitId: string | null): Promise<Home | null> {
	if (!unitId) return null;
	const [home] = await db
		.select({ building: buildings.code, entrance: units.entrance, room: units.room })
		.from(units)
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.where(eq(units.id, unitId));
	return home ?? null;
}

/** The staff ids an event names: who did it, and whom it was given to. */
function staffIdsOf(event: { actorStaffId: string | null; data: Record<string, unknown> }) {
	return [event.actorStaffId, event.data.assigneeId, event.data.staffId].filter(
		(id): id is string => typeof id === 'string'
	);
}

export async function loadOwnerStatus(db: Queryable, ticketId: string): Promise<OwnerStatus> {
	const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
	if (!ticket) throw new Error(`No ticket ${ticketId}`);
	const [site] = await db
		.select({
			timeZone: sites.timeZone
		})
		.from(sites)
		.where(eq(sites.id, ticket.siteId));
	if (!site) throw new Error(`No site ${ticket.siteId}`);

	const history: OwnerEvent[] = await db
		.select({
			type: events.type,
			at: events.at,
			actorKind: events.actorKind,
			actorStaffId: events.actorStaffId,
			reason: events.reason,
			data: events.data
		})
		.from(events)
		.where(eq(events.ticketId, ticket.id))
		.orderBy(asc(events.id));

	const ids = [
		...new Set([...history.flatMap(staffIdsOf), ticket.assigneeId].filter((id) => id !== null))
	];
	const people = ids.length
		? await db
				.select({ id: staffUsers.id, name: staffUsers.displayName, role: staffRoles.role })
				.from(staffUsers)
				.leftJoin(
					staffRoles,
					and(eq(staffRoles.userId, staffUsers.id), eq(staffRoles.siteId, ticket.siteId))
				)
				.where(inArray(staffUsers.id, ids))
		: [];
	const directory = new Map(people.map((p) => [p.id, { name: p.name, role: p.role }]));

	return {
		serial: ticket.serial,
		type: ticket.type,
		category: ticket.category,
		status: ticket.status,
		home: await homeOf(db, ticket.unitId),
		description: ticket.description,
		preferredAt: ticket.preferredAt,
		filedAt: ticket.createdAt,
		timeZone: site.timeZone,
		nextSteps: nextSteps(ticket.type, (await loadClockRules(db, ticket.siteId)).policy),
		page: ownerPage(ticket, history, directory),
		quote: await ownerQuote(db, ticket)
	};
}

async function ownerQuote(
	db: Queryable,
	ticket: typeof tickets.$inferSelect
): Promise<OwnerStatus['quote']> {
	if (ticket.type !== 'paid_service') return null;
	const quote = await quoteForDisplay(db, ticket.id);
	if (!quote) return null;
	const answerable = quoteRefusal('confirm', ticket, { ...quote, status: quote.status }) === null;
	return { ...quote, answerable };
}
