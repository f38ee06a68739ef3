import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_PRIORITY, isCategoryOf } from '../domain/ticket-categories.js';
import { formatSerial, serialPrefix } from '../domain/serial-number.js';
import { siteDateKey } from '../domain/site-time.js';
import type { CareFlag, Channel, Priority, TicketType } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { isUniqueViolation } from './db/errors.js';
import {
	buildings,
	households,
	residents,
	sites,
	ticketSerials,
	tickets,
	units
} from './db/schema/index.js';
import type { TicketLocation } from './db/schema/index.js';
import { appendEvent, type Actor } from './event-log.js';

export type Ticket = typeof tickets.$inferSelect;

export interface FileTicketInput {
	siteId: string;
	type: TicketType;
	category: string;
	channel: Channel;
	description: string;
	unitId?: string | null;
	reporterResidentId?: string | null;
	reporterName?: string | null;
	reporterPhone?: string | null;
	location?: TicketLocation | null;
	preferredAt?: Date | null;
	priority?: Priority;
	details?: Record<string, unknown>;
	idempotencyKey?: string | null;
	actor: Actor;
	now?: Date;
}

/** Takes the next number for the prefix; the row lock serialises concurrent filings. */
export async function nextSerial(tx: Queryable, siteId: string, prefix: string): Promise<string> {
	const [row] = await tx
		.insert(ticketSerials)
		.values({ siteId, prefix, last: 1 })
		.onConflictDoUpdate({
			target: [ticketSerials.siteId, ticketSerials.prefix],
			set: { last: sql`${ticketSerials.last} + 1` }
		})
		.returning({ last: ticketSerials.last });
	if (!row) throw new Error('Serial counter returned no row');
	return formatSerial(prefix, row.last);
}

async function findByIdempotencyKey(db: Queryable, siteId: string, key: string) {
	const [existing] = await db
		.select()
		.from(tickets)
		.where(and(eq(tickets.siteId, siteId), eq(tickets.idempotencyKey, key)));
	return existing;
}

/**
 * Files a ticket and its `ticket.filed` event in one transaction. A repeated idempotency key
 * returns the ticket filed the first time instead of a second one, even when both submissions
 * arrive at the same moment.
 */
export async function fileTicket(db: Queryable, input: FileTicketInput): Promise<Ticket> {
	if (!isCategoryOf(input.type, input.category)) {
		throw new Error(`Category ${input.category} does not belong to ${input.type}`);
	}
	const key = input.idempotencyKey;
	try {
		return await insertTicket(db, input);
	} catch (error) {
		if (!key || !isUniqueViolation(error, 'tickets_site_idempotency_key')) throw error;
		const winner = await findByIdempotencyKey(db, input.siteId, key);
		if (!winner) throw error;
		return winner;
	}
}

async function insertTicket(db: Queryable, input: FileTicketInput): Promise<Ticket> {
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		if (input.idempotencyKey) {
			const existing = await findByIdempotencyKey(tx, input.siteId, input.idempotencyKey);
			if (existing) return existing;
		}
		const [site] = await tx
			.select({ timeZone: sites.timeZone })
			.from(sites)
			.where(eq(sites.id, input.siteId));
		if (!site) throw new Error(`No site ${input.siteId}`);

		let buildingId = input.location?.buildingId ?? null;
		if (buildingId) {
			const [building] = await tx
				.select({ id: buildings.id })
				.from(buildings)
				.where(and(eq(buildings.id, buildingId), eq(buildings.siteId, input.siteId)));
			if (!building) throw new Error(`No building ${buildingId} at site ${input.siteId}`);
		}
		let householdId: string | null = null;
		let careFlags: CareFlag[] = [];
		if (input.unitId) {
			const [unit] = await tx
				.select({ buildingId: units.buildingId, householdId: households.id })
				.from(units)
				.leftJoin(
					households,
					and(eq(households.unitId, units.id), sql`${households.movedOutOn} is null`)
				)
				.where(and(eq(units.id, input.unitId), eq(units.siteId, input.siteId)));
			if (!unit) throw new Error(`No unit ${input.unitId} at site ${input.siteId}`);
			buildingId ??= unit.buildingId;
			householdId = unit.householdId;
			if (householdId) careFlags = await householdCareFlags(tx, householdId);
		}

		const serial = await nextSerial(
			tx,
			input.siteId,
			serialPrefix(input.type, siteDateKey(now, site.timeZone))
		);
		const [ticket] = await tx
			.insert(tickets)
			.values({
				siteId: input.siteId,
				serial,
				type: input.type,
				category: input.category,
				priority: input.priority ?? DEFAULT_PRIORITY[input.type],
				channel: input.channel,
				buildingId,
				unitId: input.unitId ?? null,
				householdId,
				reporterResidentId: input.reporterResidentId ?? null,
				reporterName: input.reporterName ?? null,
				reporterPhone: input.reporterPhone ?? null,
				location: input.location ?? null,
				description: input.description,
				preferredAt: input.preferredAt ?? null,
				careFlags,
				details: input.details ?? {},
				createdByStaffId: input.actor.kind === 'staff' ? (input.actor.staffId ?? null) : null,
				createdByDeviceId: input.actor.kind === 'device' ? (input.actor.deviceId ?? null) : null,
				idempotencyKey: input.idempotencyKey ?? null,
				createdAt: now,
				updatedAt: now
			})
			.returning();
		if (!ticket) throw new Error('Ticket insert returned no row');
		await appendEvent(tx, {
			siteId: input.siteId,
			ticketId: ticket.id,
			type: 'ticket.filed',
			actor: input.actor,
			data: { serial, type: ticket.type, category: ticket.category, channel: ticket.channel },
			at: now
		});
		return ticket;
	});
}

/** The union of the current residents' special-care flags. */
async function householdCareFlags(tx: Queryable, householdId: string): Promise<CareFlag[]> {
	const rows = await tx
		.select({ careFlags: residents.careFlags })
		.from(residents)
		.where(and(eq(residents.householdId, householdId), sql`${residents.leftAt} is null`));
	return [...new Set(rows.flatMap((r) => r.careFlags))].sort();
}
