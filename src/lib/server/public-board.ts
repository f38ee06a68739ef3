import { and, asc, eq, inArray } from 'drizzle-orm';
import { OPEN_STATUSES, type PublicTicket } from '../domain/public-ticket.js';
import type { Queryable } from './db/client.js';
import { buildings, tickets } from './db/schema/index.js';

/** Open tickets for the wall, oldest first, selected column by column: nothing personal leaves. */
export async function openPublicTickets(db: Queryable, siteId: string): Promise<PublicTicket[]> {
	const rows = await db
		.select({
			serial: tickets.serial,
			type: tickets.type,
			category: tickets.category,
			buildingCode: buildings.code,
			status: tickets.status,
			filedAt: tickets.createdAt
		})
		.from(tickets)
		.leftJoin(buildings, eq(buildings.id, tickets.buildingId))
		.where(and(eq(tickets.siteId, siteId), inArray(tickets.status, [...OPEN_STATUSES])))
		.orderBy(asc(tickets.createdAt));
	return rows.map((row) => ({ ...row, filedAt: row.filedAt.getTime() }));
}
