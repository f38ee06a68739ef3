import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from './db/client.js';
import { tickets } from './db/schema/index.js';
import { appendEvent, type Actor } from './event-log.js';

/**
 * 受理: a new request is taken on by the staff member who claims it. Refused when someone else
 * took it first (two assistants tapping at once: the first wins, the second is told).
 */
export async function claimTicket(
	db: Queryable,
	input: { siteId: string; ticketId: string; actor: Actor & { staffId: string } },
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: 'ticketNotNew' }> {
	return db.transaction(async (tx) => {
		const [ticket] = await tx
			.update(tickets)
			.set({
				status: 'accepted',
				assigneeId: input.actor.staffId,
				acceptedAt: now,
				updatedAt: now,
				version: sql`${tickets.version} + 1`
			})
			.where(
				and(
					eq(tickets.id, input.ticketId),
					eq(tickets.siteId, input.siteId),
					eq(tickets.status, 'new')
				)
			)
			.returning({ id: tickets.id, serial: tickets.serial });
		if (!ticket) return { ok: false, error: 'ticketNotNew' };
		await appendEvent(tx, {
			siteId: input.siteId,
			ticketId: ticket.id,
			type: 'ticket.claimed',
			actor: input.actor,
			data: { serial: ticket.serial },
			at: now
		});
		return { ok: true };
	});
}
