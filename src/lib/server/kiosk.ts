import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { LockedHome, LockedHomePlace } from '../domain/home-locks.js';
import type { ThrottleRule } from '../domain/throttle.js';
import type { KioskRequestType } from '../domain/kiosk-request.js';
import type { Queryable } from './db/client.js';
import { buildings, households, residents, signInThrottles, units } from './db/schema/index.js';
import { checkAttempt } from './auth/throttle-store.js';
import { appendEvent } from './event-log.js';
import { fileTicket, type Ticket } from './tickets.js';

/** A home as the kiosk's pickers offer it: codes only, never who lives there. */
export interface KioskUnit {
	id: string;
	building: string;
	entrance: string;
	room: string;
}

export async function kioskUnits(db: Queryable, siteId: string): Promise<KioskUnit[]> {
	return db
		.select({ id: units.id, building: buildings.code, entrance: units.entrance, room: units.room })
		.from(units)
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.where(eq(units.siteId, siteId))
		.orderBy(asc(buildings.sortOrder), asc(units.entrance), asc(units.floor), asc(units.room));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the home is one of the site's (what the kiosk's pickers offer). */
export async function isKioskUnit(db: Queryable, siteId: string, unitId: string): Promise<boolean> {
	if (!UUID.test(unitId)) return false;
	const [unit] = await db
		.select({ id: units.id })
		.from(units)
		.where(and(eq(units.id, unitId), eq(units.siteId, siteId)));
	return unit !== undefined;
}

/** Five wrong answers for a home lock it on the kiosks for ten minutes. */
const UNIT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 10 * 60_000, lockMs: 10 * 60_000 };

const unitKey = (unitId: string) => `unit:${unitId}`;

async function homePlace(db: Queryable, unitId: string): Promise<LockedHomePlace | null> {
	const [home] = await db
		.select({ building: buildings.code, entrance: units.entrance, room: units.room })
		.from(units)
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.where(eq(units.id, unitId));
	return home ?? null;
}

/**
 * The site's homes locked on the kiosks at `now`, with where they are and until when: for the
 * desk's notice (staff only), the soonest to end first.
 */
export async function lockedHomes(
	db: Queryable,
	siteId: string,
	now = new Date()
): Promise<LockedHome[]> {
	const rows = await db
		.select({
			unitId: units.id,
			building: buildings.code,
			entrance: units.entrance,
			room: units.room,
			until: signInThrottles.lockedUntil
		})
		.from(signInThrottles)
		.innerJoin(units, sql`${signInThrottles.key} = 'unit:' || ${units.id}::text`)
		.innerJoin(buildings, eq(buildings.id, units.buildingId))
		.where(and(eq(units.siteId, siteId), gt(signInThrottles.lockedUntil, now)))
		.orderBy(asc(signInThrottles.lockedUntil));
	return rows.flatMap(({ until, ...home }) => (until ? [{ ...home, until: until.getTime() }] : []));
}

export type IdentityResult =
	| { ok: true; residentId: string; careFlagged: boolean }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'locked'; until: Date };

/**
 * The owner proves who they are by their home and the last four digits of a phone on record for
 * it. Attempts for a home take turns; the fifth wrong one locks the home and tells the desk (an
 * event on the staff stream naming the home and the lock's end: a notice on every desk page).
 */
export async function checkIdentity(
	db: Queryable,
	input: { siteId: string; unitId: string; phoneLast4: string; deviceId: string },
	now = new Date()
): Promise<IdentityResult> {
	const attempt = { key: unitKey(input.unitId), rule: UNIT_RULE };
	const claim = await checkAttempt(db, attempt, now, async (tx) => {
		const people = await tx
			.select({ id: residents.id, phone: residents.phone, careFlags: residents.careFlags })
			.from(residents)
			.innerJoin(households, eq(households.id, residents.householdId))
			.innerJoin(units, eq(units.id, households.unitId))
			.where(
				and(
					eq(units.id, input.unitId),
					eq(units.siteId, input.siteId),
					isNull(households.movedOutOn),
					isNull(residents.leftAt)
				)
			);
		const match = people.find((p) => p.phone.endsWith(input.phoneLast4));
		return match
			? { residentId: match.id, careFlagged: people.some((p) => p.careFlags.length > 0) }
			: null;
	});
	if (claim.refusedUntil) return { ok: false, reason: 'locked', until: claim.refusedUntil };
	if (claim.passed) return { ok: true, ...claim.passed };
	if (claim.lockedUntil) {
		// Where the home is goes with the event, so the desk's notice names it: the staff stream
		// alone carries an event's data (the wall's and the kiosk's messages have no event).
		const home = await homePlace(db, input.unitId);
		await appendEvent(db, {
			siteId: input.siteId,
			type: 'kiosk.unit_locked',
			actor: { kind: 'device', deviceId: input.deviceId },
			data: { unitId: input.unitId, home, until: claim.lockedUntil.toISOString() },
			at: now
		});
		return { ok: false, reason: 'locked', until: claim.lockedUntil };
	}
	return { ok: false, reason: 'wrong' };
}

/** Files the owner's request from the kiosk; the kiosk's key makes a retry file nothing twice. */
export function fileFromKiosk(
	db: Queryable,
	input: {
		siteId: string;
		deviceId: string;
		residentId: string;
		unitId: string;
		type: KioskRequestType;
		category: string;
		description: string;
		preferredAt: Date | null;
		idempotencyKey: string;
	}
): Promise<Ticket> {
	return fileTicket(db, {
		siteId: input.siteId,
		type: input.type,
		category: input.category,
		channel: 'kiosk',
		unitId: input.unitId,
		reporterResidentId: input.residentId,
		description: input.description.trim(),
		preferredAt: input.preferredAt,
		idempotencyKey: input.idempotencyKey,
		actor: { kind: 'device', deviceId: input.deviceId, residentId: input.residentId }
	});
}
