import { and, eq, isNull } from 'drizzle-orm';
import type { DeskRequest } from '../domain/desk-request.js';
import type { Queryable } from './db/client.js';
import { households, residents } from './db/schema/index.js';
import { fileTicket, type Ticket } from './tickets.js';

/**
 * Files a request for an owner who phoned or walked in. A caller whose phone is on record for
 * the home is linked as the reporter; anyone else is kept by the name and phone they gave.
 */
export async function fileFromDesk(
	db: Queryable,
	input: {
		siteId: string;
		staffId: string;
		request: DeskRequest;
		preferredAt: Date | null;
		idempotencyKey: string;
	}
): Promise<Ticket> {
	const { request } = input;
	const [resident] = await db
		.select({ id: residents.id })
		.from(residents)
		.innerJoin(households, eq(households.id, residents.householdId))
		.where(
			and(
				eq(households.unitId, request.unitId),
				isNull(households.movedOutOn),
				isNull(residents.leftAt),
				eq(residents.phone, request.callerPhone)
			)
		);
	return fileTicket(db, {
		siteId: input.siteId,
		type: request.type,
		category: request.category,
		channel: request.channel,
		unitId: request.unitId,
		reporterResidentId: resident?.id ?? null,
		reporterName: resident ? null : request.callerName,
		reporterPhone: resident ? null : request.callerPhone,
		description: request.description,
		preferredAt: input.preferredAt,
		idempotencyKey: input.idempotencyKey,
		actor: { kind: 'staff', staffId: input.staffId }
	});
}
