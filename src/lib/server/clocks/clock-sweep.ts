/**
 * Turns clocks amber and red on time, whether or not anyone is looking: each due warning and
 * breach becomes one timeline event (the escalation), exactly once even with several app
 * processes sweeping the same database.
 */
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.js';
import { ticketClocks, tickets } from '../db/schema/index.js';
import { appendEvent, lockSiteStream, SYSTEM } from '../event-log.js';

export interface SweepResult {
	warned: number;
	breached: number;
}

function dueAt(now: Date) {
	return and(
		isNull(ticketClocks.stoppedAt),
		isNull(ticketClocks.pausedAt),
		isNull(ticketClocks.breachedAt),
		or(
			lte(ticketClocks.deadlineAt, now),
			and(isNull(ticketClocks.warnedAt), lte(ticketClocks.atRiskAt, now))
		)
	);
}

async function sweepSite(tx: Queryable, siteId: string, now: Date, limit: number) {
	// The site's stream first, as every ticket step takes it before its clocks; ticket steps lock
	// their row FOR NO KEY UPDATE, which lets this sweep's event inserts check their foreign key.
	// A second sweeper of the same site waits here and then finds the marks already set.
	await lockSiteStream(tx, siteId);
	const due = await tx
		.select({
			ticketId: ticketClocks.ticketId,
			key: ticketClocks.clockKey,
			cycle: ticketClocks.cycle,
			policyVersion: ticketClocks.policyVersion,
			deadlineAt: ticketClocks.deadlineAt,
			escalateTo: ticketClocks.escalateTo,
			serial: tickets.serial
		})
		.from(ticketClocks)
		.innerJoin(tickets, eq(tickets.id, ticketClocks.ticketId))
		.where(and(eq(ticketClocks.siteId, siteId), dueAt(now)))
		.orderBy(asc(ticketClocks.deadlineAt))
		.limit(limit)
		.for('update', { of: ticketClocks, skipLocked: true });

	const result: SweepResult = { warned: 0, breached: 0 };
	for (const clock of due) {
		const breached = clock.deadlineAt !== null && clock.deadlineAt <= now;
		await tx
			.update(ticketClocks)
			.set(
				breached
					? {
							breachedAt: now,
							warnedAt: sql`coalesce(${ticketClocks.warnedAt}, ${now.toISOString()}::timestamptz)`
						}
					: { warnedAt: now }
			)
			.where(
				and(
					eq(ticketClocks.ticketId, clock.ticketId),
					eq(ticketClocks.clockKey, clock.key),
					eq(ticketClocks.cycle, clock.cycle)
				)
			);
		await appendEvent(tx, {
			siteId,
			ticketId: clock.ticketId,
			type: breached ? 'clock.breached' : 'clock.at_risk',
			actor: SYSTEM,
			data: {
				serial: clock.serial,
				clock: clock.key,
				cycle: clock.cycle,
				policyVersion: clock.policyVersion,
				deadline: clock.deadlineAt?.toISOString() ?? null,
				to: breached ? clock.escalateTo : ['supervisor']
			},
			at: now
		});
		result[breached ? 'breached' : 'warned'] += 1;
	}
	return result;
}

/** One pass over every site's due clocks. */
export async function sweepDueClocks(
	db: Database,
	now: Date = new Date(),
	limit = 200
): Promise<SweepResult> {
	const sites = await db
		.selectDistinct({ siteId: ticketClocks.siteId })
		.from(ticketClocks)
		.where(dueAt(now));
	const total: SweepResult = { warned: 0, breached: 0 };
	for (const { siteId } of sites) {
		const result = await db.transaction((tx) => sweepSite(tx, siteId, now, limit));
		total.warned += result.warned;
		total.breached += result.breached;
	}
	return total;
}
