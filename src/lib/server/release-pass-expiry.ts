/**
 * The item-release passes' day end, run by every app process on the clock scheduler's beat and
 * safe with several: a pass still waiting or approved when the site's next day begins expires,
 * its request closes, and its timeline says so once.
 */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { EXPIRING_STATUSES, passesDue } from '../domain/release-pass-expiry.js';
import { siteDate, TICKET_ENDED } from '../domain/release-pass.js';
import type { Database, Queryable } from './db/client.js';
import { releasePasses, sites, tickets } from './db/schema/index.js';
import { appendEvent, lockSiteStream, SYSTEM } from './event-log.js';

interface SiteRow {
	id: string;
	timeZone: string;
}

async function expireSite(tx: Queryable, site: SiteRow, now: Date, limit: number) {
	// The site's stream first, as the other sweeps take it: a second sweeper of the same site
	// waits here and then finds these passes already expired.
	await lockSiteStream(tx, site.id);
	const today = siteDate(now, site.timeZone);
	// Skipping locked rows, this sweep never waits while holding the stream: a pass a supervisor
	// or guard holds (they lock the pass, then the ticket, then the stream) is left for the next
	// beat, where the rules decide again on what they left.
	const candidates = await tx
		.select({
			id: releasePasses.id,
			ticketId: releasePasses.ticketId,
			status: releasePasses.status,
			carryOn: releasePasses.carryOn
		})
		.from(releasePasses)
		.where(
			and(
				eq(releasePasses.siteId, site.id),
				inArray(releasePasses.status, [...EXPIRING_STATUSES]),
				lt(releasePasses.carryOn, today)
			)
		)
		.orderBy(asc(releasePasses.carryOn), asc(releasePasses.createdAt))
		.limit(limit)
		.for('update', { skipLocked: true });
	const due = passesDue(candidates, now, site.timeZone);
	if (!due.length) return 0;
	// The tickets too: a desk step holds its ticket while it waits for the stream held here.
	const held = await tx
		.select({ id: tickets.id, serial: tickets.serial, status: tickets.status })
		.from(tickets)
		.where(
			inArray(
				tickets.id,
				due.map((pass) => pass.ticketId)
			)
		)
		.for('no key update', { skipLocked: true });
	const ticketOf = new Map(held.map((t) => [t.id, t]));

	let expired = 0;
	for (const pass of due) {
		const ticket = ticketOf.get(pass.ticketId);
		if (!ticket) continue;
		await tx
			.update(releasePasses)
			.set({ status: 'expired', expiredAt: now })
			.where(eq(releasePasses.id, pass.id));
		// A request the desk already ended keeps its own ending.
		const closes = !TICKET_ENDED.includes(ticket.status);
		if (closes) {
			await tx
				.update(tickets)
				.set({
					status: 'closed',
					closedAt: now,
					updatedAt: now,
					version: sql`${tickets.version} + 1`
				})
				.where(eq(tickets.id, ticket.id));
		}
		await appendEvent(tx, {
			siteId: site.id,
			ticketId: ticket.id,
			type: 'pass.expired',
			actor: SYSTEM,
			// `was`: waiting for the supervisor or approved, which the desk may want to know.
			data: { serial: ticket.serial, carryOn: pass.carryOn, was: pass.status },
			at: now
		});
		expired += 1;
	}
	return expired;
}

/** One pass over every site, each in its own transaction. Returns how many passes expired. */
export async function sweepExpiredPasses(
	db: Database,
	now: Date = new Date(),
	limit = 200
): Promise<number> {
	const all = await db.select({ id: sites.id, timeZone: sites.timeZone }).from(sites);
	let total = 0;
	for (const site of all) {
		// Most beats of most days find nothing: look before taking the site's stream.
		const [open] = await db
			.select({ id: releasePasses.id })
			.from(releasePasses)
			.where(
				and(
					eq(releasePasses.siteId, site.id),
					inArray(releasePasses.status, [...EXPIRING_STATUSES]),
					lt(releasePasses.carryOn, siteDate(now, site.timeZone))
				)
			)
			.limit(1);
		if (!open) continue;
		total += await db.transaction((tx) => expireSite(tx, site, now, limit));
	}
	return total;
}
