import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import {
	checkDecision,
	checkUse,
	generatePassCode,
	itemsSummary,
	siteDate,
	type PassItem,
	type PassRefusal
} from '../domain/release-pass.js';
import type { Queryable } from './db/client.js';
import { releasePasses, sites, tickets } from './db/schema/index.js';
import { appendEvent, type Actor } from './event-log.js';
import { fileTicket, type Ticket } from './tickets.js';

export type ReleasePass = typeof releasePasses.$inferSelect;

/** Tries before giving up on finding an unused code (a clash is one in a billion per pass). */
const CODE_TRIES = 8;

/** The site's calendar date now: a pass is good on its own day there, whatever the server's zone. */
export async function siteToday(db: Queryable, siteId: string, now: Date): Promise<string> {
	const [site] = await db
		.select({ timeZone: sites.timeZone })
		.from(sites)
		.where(eq(sites.id, siteId));
	if (!site) throw new Error(`No site ${siteId}`);
	return siteDate(now, site.timeZone);
}

export interface FilePassInput {
	siteId: string;
	deviceId: string;
	residentId: string;
	unitId: string;
	category: string;
	/** `YYYY-MM-DD`, already checked. */
	carryOn: string;
	carrierName: string;
	items: PassItem[];
	idempotencyKey: string;
}

/**
 * Files the owner's pass from the kiosk: a `release_pass` ticket (with its `ticket.filed` event)
 * and the pass itself, in one transaction. The kiosk's key makes a double submission file one
 * pass, the first one's. A code already taken at the site is replaced by a fresh one.
 */
export async function filePass(
	db: Queryable,
	input: FilePassInput,
	options: { now?: Date; newCode?: () => string } = {}
): Promise<{ ticket: Ticket; pass: ReleasePass }> {
	const now = options.now ?? new Date();
	const newCode = options.newCode ?? (() => generatePassCode());
	return db.transaction(async (tx) => {
		const ticket = await fileTicket(tx, {
			siteId: input.siteId,
			type: 'release_pass',
			category: input.category,
			channel: 'kiosk',
			unitId: input.unitId,
			reporterResidentId: input.residentId,
			description: itemsSummary(input.items),
			details: { carryOn: input.carryOn, itemCount: input.items.length },
			idempotencyKey: input.idempotencyKey,
			actor: { kind: 'device', deviceId: input.deviceId, residentId: input.residentId },
			now
		});
		const [filedBefore] = await tx
			.select()
			.from(releasePasses)
			.where(eq(releasePasses.ticketId, ticket.id));
		if (filedBefore) return { ticket, pass: filedBefore };

		for (let i = 0; i < CODE_TRIES; i++) {
			const [pass] = await tx
				.insert(releasePasses)
				.values({
					siteId: input.siteId,
					ticketId: ticket.id,
					code: newCode(),
					items: input.items,
					carryOn: input.carryOn,
					carrierName: input.carrierName.trim(),
					createdAt: now
				})
				.onConflictDoNothing({ target: [releasePasses.siteId, releasePasses.code] })
				.returning();
			if (pass) return { ticket, pass };
		}
		throw new Error(`No unused pass code after ${CODE_TRIES} tries`);
	});
}

type StaffActor = Actor & { kind: 'staff'; staffId: string };

export type PassResult =
	{ ok: true; code: string } | { ok: false; error: PassRefusal | 'passNotFound' };

/**
 * The duty supervisor approves or refuses a pending pass (a refusal with its reason, which the
 * desk passes on to the owner). The pass row is locked while deciding, so two supervisors
 * deciding at once cannot both succeed. The ticket follows: approved → in progress (the items
 * are still to go out), refused → declined (the owner is still owed a reply).
 */
export async function decidePass(
	db: Queryable,
	input: {
		siteId: string;
		passId: string;
		decision: 'approve' | 'refuse';
		reason?: string;
		actor: StaffActor;
	},
	now = new Date()
): Promise<PassResult> {
	const today = await siteToday(db, input.siteId, now);
	return db.transaction(async (tx) => {
		const [pass] = await tx
			.select()
			.from(releasePasses)
			.where(and(eq(releasePasses.id, input.passId), eq(releasePasses.siteId, input.siteId)))
			.for('update');
		if (!pass) return { ok: false, error: 'passNotFound' };
		// Locked like the desk's workflow locks it, so a decline there and a decision here queue.
		const [filed] = await tx
			.select({ status: tickets.status })
			.from(tickets)
			.where(eq(tickets.id, pass.ticketId))
			.for('no key update');
		if (!filed) throw new Error(`No ticket ${pass.ticketId} for its pass`);
		const refusal = checkDecision(pass, input.decision, today, filed.status);
		if (refusal) return { ok: false, error: refusal };

		const approve = input.decision === 'approve';
		await tx
			.update(releasePasses)
			.set({
				status: approve ? 'approved' : 'refused',
				decidedBy: input.actor.staffId,
				decidedAt: now
			})
			.where(eq(releasePasses.id, pass.id));
		const ticket = await moveTicket(
			tx,
			pass.ticketId,
			approve
				? {
						status: 'in_progress',
						acceptedAt: sql`coalesce(${tickets.acceptedAt}, ${now.toISOString()}::timestamptz)`
					}
				: { status: 'declined' },
			now
		);
		await appendEvent(tx, {
			siteId: input.siteId,
			ticketId: pass.ticketId,
			type: approve ? 'pass.approved' : 'pass.refused',
			actor: input.actor,
			reason: approve ? null : (input.reason ?? '').trim(),
			data: { serial: ticket.serial, carryOn: pass.carryOn },
			at: now
		});
		return { ok: true, code: pass.code };
	});
}

/**
 * The guard lets the items out: an approved pass, on its date on the site's calendar, once. The
 * update itself carries the rule, so of two guards marking the same pass at the same moment one
 * wins and the other is told it was already used.
 */
export async function usePass(
	db: Queryable,
	input: { siteId: string; passId: string; actor: StaffActor },
	now = new Date()
): Promise<PassResult> {
	const today = await siteToday(db, input.siteId, now);
	return db.transaction(async (tx) => {
		const [used] = await tx
			.update(releasePasses)
			.set({ status: 'used', usedAt: now, usedBy: input.actor.staffId })
			.where(
				and(
					eq(releasePasses.id, input.passId),
					eq(releasePasses.siteId, input.siteId),
					eq(releasePasses.status, 'approved'),
					eq(releasePasses.carryOn, today)
				)
			)
			.returning();
		if (!used) {
			const [pass] = await tx
				.select({ status: releasePasses.status, carryOn: releasePasses.carryOn })
				.from(releasePasses)
				.where(and(eq(releasePasses.id, input.passId), eq(releasePasses.siteId, input.siteId)));
			if (!pass) return { ok: false, error: 'passNotFound' };
			return { ok: false, error: checkUse(pass, today) ?? 'passUsed' };
		}
		const ticket = await moveTicket(
			tx,
			used.ticketId,
			{
				status: 'closed',
				resolvedAt: sql`coalesce(${tickets.resolvedAt}, ${now.toISOString()}::timestamptz)`,
				closedAt: sql`coalesce(${tickets.closedAt}, ${now.toISOString()}::timestamptz)`
			},
			now
		);
		await appendEvent(tx, {
			siteId: input.siteId,
			ticketId: used.ticketId,
			type: 'pass.used',
			actor: input.actor,
			data: { serial: ticket.serial, carryOn: used.carryOn },
			at: now
		});
		return { ok: true, code: used.code };
	});
}

/** Moves the pass's ticket and bumps its version, so open consoles see the change. */
async function moveTicket(
	tx: Queryable,
	ticketId: string,
	set: PgUpdateSetSource<typeof tickets>,
	now: Date
): Promise<{ serial: string }> {
	const [ticket] = await tx
		.update(tickets)
		.set({ ...set, updatedAt: now, version: sql`${tickets.version} + 1` })
		.where(eq(tickets.id, ticketId))
		.returning({ serial: tickets.serial });
	if (!ticket) throw new Error(`No ticket ${ticketId} for its pass`);
	return ticket;
}
