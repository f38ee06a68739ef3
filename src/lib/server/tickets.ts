import { and, eq, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { clockRuns } from '../domain/clocks/clock-runs.js';
import { DEFAULT_PRIORITY, isCategoryOf } from '../domain/ticket-categories.js';
import { formatSerial, serialPrefix } from '../domain/serial-number.js';
import { siteDateKey } from '../domain/site-time.js';
import type { Channel, Priority, TicketType } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { isUniqueViolation } from './db/errors.js';
import { ticketSerials, tickets } from './db/schema/index.js';
import type { TicketLocation } from './db/schema/index.js';
import { clockRulesAt } from './clocks/site-clock-rules.js';
import type { Actor } from './event-log.js';
import { filingContext, filingStatement } from './ticket-filing.js';

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
	/**
	 * The new ticket's id, when the caller must tell a new filing from a repeated key's (which
	 * returns the first filing, under its own id).
	 */
	id?: string;
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

/** A filing finds the rules changed under it at most this often before it gives up. */
const PLAN_TRIES = 5;

/**
 * Reads and plans with no lock held, then files in one statement (`filingStatement`). Its clocks
 * are planned with the site's rules as read; if the rules change before the statement takes the
 * site's stream row, the statement writes nothing and the filing plans again.
 */
async function insertTicket(db: Queryable, input: FileTicketInput): Promise<Ticket> {
	const now = input.now ?? new Date();
	const inTransaction = db instanceof PgTransaction;
	const id = input.id ?? crypto.randomUUID();
	for (let attempt = 0; attempt < PLAN_TRIES; attempt++) {
		const context = await filingContext(db, {
			siteId: input.siteId,
			unitId: input.unitId ?? null,
			buildingId: input.location?.buildingId ?? null,
			idempotencyKey: input.idempotencyKey ?? null
		});
		if (!context) throw new Error(`No site ${input.siteId}`);
		if (context.existingId && input.idempotencyKey) {
			const existing = await findByIdempotencyKey(db, input.siteId, input.idempotencyKey);
			if (existing) return existing;
		}
		if (!context.buildingFound) {
			throw new Error(`No building ${input.location?.buildingId} at site ${input.siteId}`);
		}
		if (input.unitId && !context.unitBuildingId) {
			throw new Error(`No unit ${input.unitId} at site ${input.siteId}`);
		}
		const { policy, calendar } = await clockRulesAt(
			db,
			input.siteId,
			context.rulesStamp,
			inTransaction
		);
		const priority = input.priority ?? DEFAULT_PRIORITY[input.type];
		// A new ticket's timeline is its filing (whose serial no clock rule reads: it is not known
		// until the statement takes it).
		const data = { type: input.type, category: input.category, channel: input.channel };
		const runs = clockRuns(
			policy,
			calendar,
			{ type: input.type, category: input.category, priority, flags: [] },
			[{ type: 'ticket.filed', at: now.getTime(), data }]
		);
		const row = {
			id,
			siteId: input.siteId,
			prefix: serialPrefix(input.type, siteDateKey(now, context.timeZone)),
			type: input.type,
			category: input.category,
			priority,
			channel: input.channel,
			buildingId: input.location?.buildingId ?? context.unitBuildingId,
			unitId: input.unitId ?? null,
			householdId: input.unitId ? context.householdId : null,
			reporterResidentId: input.reporterResidentId ?? null,
			reporterName: input.reporterName ?? null,
			reporterPhone: input.reporterPhone ?? null,
			location: input.location ?? null,
			description: input.description,
			preferredAt: input.preferredAt ?? null,
			careFlags: input.unitId ? context.careFlags : [],
			details: input.details ?? {},
			createdByStaffId: input.actor.kind === 'staff' ? (input.actor.staffId ?? null) : null,
			createdByDeviceId: input.actor.kind === 'device' ? (input.actor.deviceId ?? null) : null,
			idempotencyKey: input.idempotencyKey ?? null,
			at: now
		};
		const file = (q: Queryable) => filingStatement(q, row, input.actor, context.rulesStamp, runs);
		// In the caller's transaction, a savepoint: a repeated key's failure leaves it usable.
		const ticket = inTransaction ? await db.transaction(file) : await file(db);
		if (ticket) return ticket;
	}
	throw new Error(`The clock rules of site ${input.siteId} kept changing while filing`);
}
