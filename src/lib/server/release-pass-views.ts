import { and, asc, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { TICKET_ENDED, type PassItem } from '../domain/release-pass.js';
import type { ReleasePassStatus } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { buildings, events, releasePasses, staffUsers, tickets, units } from './db/schema/index.js';

/** A pass as staff see it (supervisors deciding, guards at the exit). */
export interface StaffPassView {
	id: string;
	code: string;
	serial: string;
	category: string;
	status: ReleasePassStatus;
	carryOn: string;
	carrierName: string;
	items: PassItem[];
	unit: { building: string; entrance: string; room: string } | null;
	filedAt: Date;
	decidedAt: Date | null;
	decidedBy: string | null;
	usedAt: Date | null;
	usedBy: string | null;
	/** When the day-end sweep expired it, its day over and unused. */
	expiredAt: Date | null;
	/** Why it was refused, from the refusal's event. */
	refusalReason: string | null;
}

const decider = alias(staffUsers, 'decider');
const guard = alias(staffUsers, 'guard');

async function staffPasses(
	db: Queryable,
	where: SQL | undefined,
	order: SQL[],
	limit: number
): Promise<StaffPassView[]> {
	const rows = await db
		.select({
			id: releasePasses.id,
			ticketId: releasePasses.ticketId,
			code: releasePasses.code,
			serial: tickets.serial,
			category: tickets.category,
			status: releasePasses.status,
			carryOn: releasePasses.carryOn,
			carrierName: releasePasses.carrierName,
			items: releasePasses.items,
			building: buildings.code,
			entrance: units.entrance,
			room: units.room,
			filedAt: releasePasses.createdAt,
			decidedAt: releasePasses.decidedAt,
			decidedBy: decider.displayName,
			usedAt: releasePasses.usedAt,
			usedBy: guard.displayName,
			expiredAt: releasePasses.expiredAt
		})
		.from(releasePasses)
		.innerJoin(tickets, eq(tickets.id, releasePasses.ticketId))
		.leftJoin(units, eq(units.id, tickets.unitId))
		.leftJoin(buildings, eq(buildings.id, units.buildingId))
		.leftJoin(decider, eq(decider.id, releasePasses.decidedBy))
		.leftJoin(guard, eq(guard.id, releasePasses.usedBy))
		.where(where)
		.orderBy(...order)
		.limit(limit);
	const refused = rows.filter((r) => r.status === 'refused').map((r) => r.ticketId);
	const reasons = new Map<string, string | null>();
	if (refused.length) {
		const refusals = await db
			.select({ ticketId: events.ticketId, reason: events.reason })
			.from(events)
			.where(and(inArray(events.ticketId, refused), eq(events.type, 'pass.refused')))
			.orderBy(asc(events.id));
		for (const r of refusals) if (r.ticketId) reasons.set(r.ticketId, r.reason);
	}
	return rows.map(({ ticketId, building, entrance, room, ...row }) => ({
		...row,
		unit: building && entrance && room ? { building, entrance, room } : null,
		refusalReason: reasons.get(ticketId) ?? null
	}));
}

/**
 * The site's passes waiting for the duty supervisor, the earliest date first; not those whose
 * request the desk has declined or closed.
 */
export function pendingPasses(db: Queryable, siteId: string): Promise<StaffPassView[]> {
	return staffPasses(
		db,
		and(
			eq(releasePasses.siteId, siteId),
			eq(releasePasses.status, 'pending'),
			notInArray(tickets.status, [...TICKET_ENDED])
		),
		[asc(releasePasses.carryOn), asc(releasePasses.createdAt)],
		100
	);
}

/**
 * The latest settled passes, newest first: decided, used, or expired by the day's end (a pass
 * that expired undecided counts from its expiry).
 */
export function decidedPasses(db: Queryable, siteId: string, limit = 20): Promise<StaffPassView[]> {
	return staffPasses(
		db,
		and(
			eq(releasePasses.siteId, siteId),
			inArray(releasePasses.status, ['approved', 'refused', 'used', 'expired'])
		),
		[desc(sql`coalesce(${releasePasses.expiredAt}, ${releasePasses.decidedAt})`)],
		limit
	);
}

/** The pass with this code at the site (the code is already normalised), or null. */
export async function passByCode(
	db: Queryable,
	siteId: string,
	code: string
): Promise<StaffPassView | null> {
	const [pass] = await staffPasses(
		db,
		and(eq(releasePasses.siteId, siteId), eq(releasePasses.code, code)),
		[asc(releasePasses.createdAt)],
		1
	);
	return pass ?? null;
}

/** How long after filing the kiosk that filed a pass may still show its receipt. */
export const RECEIPT_MINUTES = 15;

/** The receipt as the kiosk shows it: no name, no phone; the code is the owner's to keep. */
export interface KioskPassReceipt {
	code: string;
	serial: string;
	category: string;
	status: ReleasePassStatus;
	carryOn: string;
	items: PassItem[];
}

/**
 * The receipt of a pass, only for the kiosk that filed it and only for a few minutes after:
 * a kiosk never shows a pass it did not file, nor one from earlier in the day.
 */
export async function kioskReceipt(
	db: Queryable,
	input: { siteId: string; deviceId: string; passId: string },
	now = new Date()
): Promise<KioskPassReceipt | null> {
	const [row] = await db
		.select({
			code: releasePasses.code,
			serial: tickets.serial,
			category: tickets.category,
			status: releasePasses.status,
			carryOn: releasePasses.carryOn,
			items: releasePasses.items,
			filedAt: releasePasses.createdAt
		})
		.from(releasePasses)
		.innerJoin(tickets, eq(tickets.id, releasePasses.ticketId))
		.where(
			and(
				eq(releasePasses.id, input.passId),
				eq(releasePasses.siteId, input.siteId),
				eq(tickets.createdByDeviceId, input.deviceId)
			)
		);
	if (!row) return null;
	const age = now.getTime() - row.filedAt.getTime();
	if (age < 0 || age > RECEIPT_MINUTES * 60_000) return null;
	return {
		code: row.code,
		serial: row.serial,
		category: row.category,
		status: row.status,
		carryOn: row.carryOn,
		items: row.items
	};
}
