import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
	ESCALATED_FLAG,
	FOLLOW_UP_TYPES,
	NOT_CLOSED,
	parseHomeSearch,
	type QueueQuery
} from '../domain/ticket-queues.js';
import { can } from '../domain/access.js';
import type { StaffRole } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import {
	buildings,
	residents,
	staffRoles,
	staffUsers,
	ticketClocks,
	tickets,
	units
} from './db/schema/index.js';
import { latestClocks } from './clocks/ticket-clocks.js';
import type { PublicClock } from '../domain/public-ticket.js';

export interface QueueRow {
	id: string;
	serial: string;
	type: (typeof tickets.$inferSelect)['type'];
	category: string;
	status: (typeof tickets.$inferSelect)['status'];
	priority: (typeof tickets.$inferSelect)['priority'];
	careFlags: (typeof tickets.$inferSelect)['careFlags'];
	flags: string[];
	buildingCode: string | null;
	entrance: string | null;
	room: string | null;
	reporterName: string | null;
	assigneeName: string | null;
	createdAt: Date;
	appointmentAt: Date | null;
	/** The latest run of each of its service clocks. */
	clocks: PublicClock[];
}

const LIMIT = 200;

/** Its clocks that run now (not stopped, not paused). */
const runningClocks = sql`from ${ticketClocks} tc where tc.ticket_id = ${tickets.id} and tc.stopped_at is null and tc.paused_at is null`;
const assignee = alias(staffUsers, 'assignee');
const assigneeRole = alias(staffRoles, 'assignee_role');

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchCondition(search: string, byPhone: boolean): SQL | undefined {
	const like = `%${escapeLike(search)}%`;
	const home = parseHomeSearch(search);
	const digits = byPhone ? search.replace(/\D/g, '') : '';
	return or(
		ilike(tickets.serial, like),
		home
			? and(
					eq(buildings.code, home.building),
					eq(units.entrance, home.entrance),
					eq(units.room, home.room)
				)
			: undefined,
		/^\w+$/.test(search) ? eq(units.room, search) : undefined,
		digits.length >= 4 ? ilike(residents.phone, `%${digits}%`) : undefined,
		digits.length >= 4 ? ilike(tickets.reporterPhone, `%${digits}%`) : undefined
	);
}

/**
 * One of the console's lists for a staff member, ordered as the desk works it. A search looks in
 * closed tickets too; without one, closed tickets are left out.
 */
export async function listQueue(
	db: Queryable,
	siteId: string,
	me: { staffId: string; role: StaffRole },
	query: QueueQuery
): Promise<QueueRow[]> {
	const conditions: (SQL | undefined)[] = [eq(tickets.siteId, siteId)];
	// Only those who call owners back may find a ticket by a phone number.
	if (query.search) conditions.push(searchCondition(query.search, can(me.role, 'ticket.work')));
	else conditions.push(inArray(tickets.status, [...NOT_CLOSED]));
	switch (query.queue) {
		case 'new':
			conditions.push(eq(tickets.status, 'new'));
			break;
		case 'mine':
			conditions.push(eq(tickets.assigneeId, me.staffId));
			break;
		case 'team':
			conditions.push(eq(assigneeRole.role, me.role));
			break;
		case 'follow_up':
			conditions.push(eq(tickets.status, 'resolved'), inArray(tickets.type, [...FOLLOW_UP_TYPES]));
			break;
		case 'at_risk':
			conditions.push(sql`exists (select 1 ${runningClocks} and tc.at_risk_at <= now())`);
			break;
		case 'escalated':
			conditions.push(sql`${ESCALATED_FLAG} = any(${tickets.flags})`);
			break;
	}
	if (query.type) conditions.push(eq(tickets.type, query.type));
	if (query.status) conditions.push(eq(tickets.status, query.status));

	const rows = await db
		.select({
			id: tickets.id,
			serial: tickets.serial,
			type: tickets.type,
			category: tickets.category,
			status: tickets.status,
			priority: tickets.priority,
			careFlags: tickets.careFlags,
			flags: tickets.flags,
			buildingCode: buildings.code,
			entrance: units.entrance,
			room: units.room,
			reporterName: sql<string | null>`coalesce(${residents.name}, ${tickets.reporterName})`,
			assigneeName: assignee.displayName,
			createdAt: tickets.createdAt,
			appointmentAt: tickets.appointmentAt
		})
		.from(tickets)
		.leftJoin(buildings, eq(buildings.id, tickets.buildingId))
		.leftJoin(units, eq(units.id, tickets.unitId))
		.leftJoin(residents, eq(residents.id, tickets.reporterResidentId))
		.leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
		.leftJoin(
			assigneeRole,
			and(eq(assigneeRole.userId, tickets.assigneeId), eq(assigneeRole.siteId, tickets.siteId))
		)
		.where(and(...conditions))
		// At risk: the least time left first. Otherwise most urgent first (the enum's order); among
		// equals, owners who need special care; then the longest waiting.
		.orderBy(
			...(query.queue === 'at_risk'
				? [sql`(select min(tc.deadline_at) ${runningClocks}) asc nulls last`]
				: []),
			asc(tickets.priority),
			sql`cardinality(${tickets.careFlags}) > 0 desc`,
			asc(tickets.createdAt)
		)
		.limit(LIMIT);
	const clocks = await latestClocks(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((row) => ({ ...row, clocks: clocks.get(row.id) ?? [] }));
}
