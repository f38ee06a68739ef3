import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { staffUsers, visitorBlocks } from '../db/schema/index.js';
import { appendEvent, type Actor } from '../event-log.js';

/** Whether the block list holds this document or this phone. */
export async function isBlocked(
	db: Queryable,
	siteId: string,
	match: { idHash: string | null; phone: string | null }
): Promise<boolean> {
	const either = [
		match.idHash ? eq(visitorBlocks.idHash, match.idHash) : undefined,
		match.phone ? eq(visitorBlocks.phone, match.phone) : undefined
	].filter((c) => c !== undefined);
	if (!either.length) return false;
	const [hit] = await db
		.select({ id: visitorBlocks.id })
		.from(visitorBlocks)
		.where(and(eq(visitorBlocks.siteId, siteId), isNull(visitorBlocks.liftedAt), or(...either)))
		.limit(1);
	return !!hit;
}

export interface BlockRow {
	id: string;
	name: string;
	phone: string | null;
	idType: string | null;
	idLast4: string | null;
	reason: string;
	createdBy: string | null;
	createdAt: Date;
}

/** The entries in force, newest first. */
export async function listBlocks(db: Queryable, siteId: string): Promise<BlockRow[]> {
	return db
		.select({
			id: visitorBlocks.id,
			name: visitorBlocks.name,
			phone: visitorBlocks.phone,
			idType: visitorBlocks.idType,
			idLast4: visitorBlocks.idLast4,
			reason: visitorBlocks.reason,
			createdBy: staffUsers.displayName,
			createdAt: visitorBlocks.createdAt
		})
		.from(visitorBlocks)
		.leftJoin(staffUsers, eq(staffUsers.id, visitorBlocks.createdByStaffId))
		.where(and(eq(visitorBlocks.siteId, siteId), isNull(visitorBlocks.liftedAt)))
		.orderBy(desc(visitorBlocks.createdAt));
}

export interface NewBlock {
	name: string;
	phone: string | null;
	idType: string | null;
	idLast4: string | null;
	idHash: string | null;
	reason: string;
}

type StaffActor = Actor & { kind: 'staff'; staffId: string };

/** Adds an entry; the event records that one was added and by whom, not whom it names. */
export async function addBlock(
	db: Queryable,
	input: { siteId: string; block: NewBlock; actor: StaffActor },
	now = new Date()
): Promise<string> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(visitorBlocks)
			.values({
				siteId: input.siteId,
				...input.block,
				idType: input.block.idType as typeof visitorBlocks.$inferInsert.idType,
				createdByStaffId: input.actor.staffId,
				createdAt: now
			})
			.returning({ id: visitorBlocks.id });
		if (!row) throw new Error('Block insert returned no row');
		await appendEvent(tx, {
			siteId: input.siteId,
			type: 'visitor.blocked',
			actor: input.actor,
			data: { blockId: row.id },
			at: now
		});
		return row.id;
	});
}

/** Lifts an entry; false when it was not in force. */
export async function liftBlock(
	db: Queryable,
	input: { siteId: string; blockId: string; actor: StaffActor },
	now = new Date()
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(visitorBlocks)
			.set({ liftedAt: now, liftedByStaffId: input.actor.staffId })
			.where(
				and(
					eq(visitorBlocks.id, input.blockId),
					eq(visitorBlocks.siteId, input.siteId),
					isNull(visitorBlocks.liftedAt)
				)
			)
			.returning({ id: visitorBlocks.id });
		if (!row) return false;
		await appendEvent(tx, {
			siteId: input.siteId,
			type: 'visitor.unblocked',
			actor: input.actor,
			data: { blockId: row.id },
			at: now
		});
		return true;
	});
}
