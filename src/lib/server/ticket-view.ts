import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { StaffRole } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import {
	buildings,
	devices,
	events,
	residents,
	staffRoles,
	staffUsers,
	tickets,
	units
} from './db/schema/index.js';
import type { Ticket } from './tickets.js';

/** One line of a ticket's timeline: what happened, who did it, when, and why. */
export interface TimelineEntry {
	seq: number;
	type: string;
	at: Date;
	actorKind: 'staff' | 'resident' | 'device' | 'system';
	/** The staff member's or the kiosk's name; for an owner, "the owner" is said by the page. */
	actorName: string | null;
	reason: string | null;
	data: Record<string, unknown>;
}

export interface TicketPage {
	ticket: Ticket;
	unit: { building: string; entrance: string; room: string } | null;
	buildingCode: string | null;
	reporter: { name: string | null; phone: string | null };
	assigneeName: string | null;
	timeline: TimelineEntry[];
}

const assignee = alias(staffUsers, 'assignee');

/** A ticket's id and type by its serial within the site, for acting on it; null if none. */
export async function findTicket(
	db: Queryable,
	siteId: string,
	serial: string
): Promise<{ id: string; type: Ticket['type'] } | null> {
	const [row] = await db
		.select({ id: tickets.id, type: tickets.type })
		.from(tickets)
		.where(and(eq(tickets.siteId, siteId), eq(tickets.serial, serial)));
	return row ?? null;
}

/** Everything the console's ticket page shows, by serial within the site; null if none. */
export async function loadTicketPage(
	db: Queryable,
	siteId: string,
	serial: string
): Promise<TicketPage | null> {
	const [row] = await db
		.select({
			ticket: tickets,
			buildingCode: buildings.code,
			entrance: units.entrance,
			room: units.room,
			residentName: residents.name,
			residentPhone: residents.phone,
			assigneeName: assignee.displayName
		})
		.from(tickets)
		.leftJoin(buildings, eq(buildings.id, tickets.buildingId))
		.leftJoin(units, eq(units.id, tickets.unitId))
		.leftJoin(residents, eq(residents.id, tickets.reporterResidentId))
		.leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
		.where(and(eq(tickets.siteId, siteId), eq(tickets.serial, serial)));
	if (!row) return null;
	return {
		ticket: row.ticket,
		buildingCode: row.buildingCode,
		unit:
			row.buildingCode && row.entrance && row.room
				? { building: row.buildingCode, entrance: row.entrance, room: row.room }
				: null,
		reporter: {
			name: row.residentName ?? row.ticket.reporterName,
			phone: row.residentPhone ?? row.ticket.reporterPhone
		},
		assigneeName: row.assigneeName,
		timeline: await ticketTimeline(db, row.ticket.id)
	};
}

/** The ticket's events, oldest first, with the names of the staff and kiosks who acted. */
export async function ticketTimeline(db: Queryable, ticketId: string): Promise<TimelineEntry[]> {
	const rows = await db
		.select({
			seq: events.seq,
			type: events.type,
			at: events.at,
			actorKind: events.actorKind,
			staffName: staffUsers.displayName,
			deviceName: devices.name,
			reason: events.reason,
			data: events.data
		})
		.from(events)
		.leftJoin(staffUsers, eq(staffUsers.id, events.actorStaffId))
		.leftJoin(devices, eq(devices.id, events.actorDeviceId))
		.where(eq(events.ticketId, ticketId))
		.orderBy(asc(events.seq));
	return rows.map(({ staffName, deviceName, ...row }) => ({
		...row,
		actorName: staffName ?? deviceName
	}));
}

/** The people a ticket can be assigned or dispatched to at the site, by role then name. */
export async function assignableStaff(
	db: Queryable,
	siteId: string,
	roles: readonly StaffRole[]
): Promise<{ id: string; name: string; role: StaffRole }[]> {
	return db
		.select({ id: staffUsers.id, name: staffUsers.displayName, role: staffRoles.role })
		.from(staffUsers)
		.innerJoin(staffRoles, eq(staffRoles.userId, staffUsers.id))
		.where(
			and(
				eq(staffRoles.siteId, siteId),
				inArray(staffRoles.role, [...roles]),
				isNull(staffUsers.disabledAt)
			)
		)
		.orderBy(asc(staffRoles.role), asc(staffUsers.displayName));
}
