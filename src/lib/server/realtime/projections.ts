import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { OPEN_STATUSES } from '../../domain/public-ticket.js';
import {
	toPublicTicket,
	toRoomTicket,
	toStaffTicket,
	type TicketRecord
} from '../../domain/redaction.js';
import type { Audience, StaffEvent, StreamMessage, StreamSnapshot } from '../../realtime/stream.js';
import type { Queryable } from '../db/client.js';
import { latestClocks } from '../clocks/ticket-clocks.js';
import { siteToday } from '../clocks/site-today.js';
import {
	buildings,
	events,
	eventStreams,
	residents,
	staffUsers,
	tickets,
	units
} from '../db/schema/index.js';

/** One committed change, already shaped for each audience. */
export interface ProjectedMessage {
	seq: number;
	staff: StreamMessage<'staff'>;
	staff_room: StreamMessage<'staff_room'>;
	public: StreamMessage<'public'>;
}

const assignee = alias(staffUsers, 'assignee');

async function ticketRecords(db: Queryable, where: SQL | undefined): Promise<TicketRecord[]> {
	const rows = await db
		.select({
			id: tickets.id,
			serial: tickets.serial,
			type: tickets.type,
			category: tickets.category,
			status: tickets.status,
			priority: tickets.priority,
			channel: tickets.channel,
			careFlags: tickets.careFlags,
			buildingCode: buildings.code,
			entrance: units.entrance,
			room: units.room,
			assigneeName: assignee.displayName,
			residentName: residents.name,
			reporterName: tickets.reporterName,
			location: tickets.location,
			createdAt: tickets.createdAt
		})
		.from(tickets)
		.leftJoin(buildings, eq(buildings.id, tickets.buildingId))
		.leftJoin(units, eq(units.id, tickets.unitId))
		.leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
		.leftJoin(residents, eq(residents.id, tickets.reporterResidentId))
		.where(where)
		.orderBy(asc(tickets.createdAt));
	const clocks = await latestClocks(
		db,
		rows.map((r) => r.id)
	);
	return rows.map(({ residentName, createdAt, location, ...row }) => ({
		...row,
		clocks: clocks.get(row.id) ?? [],
		reporterName: residentName ?? row.reporterName,
		// Filing takes the ticket's building from its location, so the joined code is the place's.
		location: location && {
			buildingCode: location.buildingId ? row.buildingCode : null,
			floor: location.floor,
			room: location.room,
			note: location.note
		},
		filedAt: createdAt.getTime()
	}));
}

/** The site's changes after `after`, at most `limit`, in order, shaped for every audience. */
export async function loadMessages(
	db: Queryable,
	siteId: string,
	after: number,
	limit: number
): Promise<ProjectedMessage[]> {
	const rows = await db
		.select({
			seq: events.seq,
			type: events.type,
			at: events.at,
			ticketId: events.ticketId,
			reason: events.reason,
			data: events.data,
			actorName: staffUsers.displayName
		})
		.from(events)
		.leftJoin(staffUsers, eq(staffUsers.id, events.actorStaffId))
		.where(and(eq(events.siteId, siteId), gt(events.seq, after)))
		.orderBy(asc(events.seq))
		.limit(limit);
	const ticketIds = [...new Set(rows.map((r) => r.ticketId).filter((id) => id !== null))];
	// Both reads at once: every wall and console waits for them before it hears of the change.
	const [found, today] = await Promise.all([
		ticketIds.length ? ticketRecords(db, inArray(tickets.id, ticketIds)) : [],
		// The day's figures once per batch, on its last message: they stand after all of it.
		rows.length ? siteToday(db, siteId) : null
	]);
	const records = new Map(found.map((t) => [t.id, t]));
	return rows.map((row, i) => {
		const last = i === rows.length - 1 ? today : null;
		const record = row.ticketId ? (records.get(row.ticketId) ?? null) : null;
		const visit = typeof row.data.visitId === 'string' ? row.data.visitId : null;
		const event: StaffEvent = {
			type: row.type,
			at: row.at.getTime(),
			actorName: row.actorName,
			reason: row.reason,
			data: row.data
		};
		return {
			seq: row.seq,
			staff: { seq: row.seq, ticket: record && toStaffTicket(record), event, today: last, visit },
			staff_room: {
				seq: row.seq,
				ticket: record && toRoomTicket(record),
				event: null,
				today: last,
				visit
			},
			public: {
				seq: row.seq,
				ticket: record && toPublicTicket(record),
				event: null,
				today: last,
				visit
			}
		};
	});
}

/** The site's latest changes for the console's activity feed, newest first. */
export async function recentEvents(
	db: Queryable,
	siteId: string,
	limit: number
): Promise<StaffEvent[]> {
	const head = await headSeq(db, siteId);
	const messages = await loadMessages(db, siteId, Math.max(0, head - limit), limit);
	return messages.map((m) => m.staff.event).reverse();
}

/** The last `seq` the site has committed (0 before its first event). */
export async function headSeq(db: Queryable, siteId: string): Promise<number> {
	const [stream] = await db
		.select({ lastSeq: eventStreams.lastSeq })
		.from(eventStreams)
		.where(eq(eventStreams.siteId, siteId));
	return stream?.lastSeq ?? 0;
}

/**
 * Every open ticket and the `seq` they stand at, read in one snapshot of the database so that
 * the two agree.
 */
export async function loadSnapshot<A extends Audience>(
	db: Queryable,
	siteId: string,
	audience: A
): Promise<StreamSnapshot<A>> {
	return db.transaction(
		async (tx) => {
			const seq = await headSeq(tx, siteId);
			const records = await ticketRecords(
				tx,
				and(eq(tickets.siteId, siteId), inArray(tickets.status, [...OPEN_STATUSES]))
			);
			const view =
				audience === 'staff'
					? toStaffTicket
					: audience === 'staff_room'
						? toRoomTicket
						: toPublicTicket;
			const today = await siteToday(tx, siteId);
			return { seq, tickets: records.map(view), today } as StreamSnapshot<A>;
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}
