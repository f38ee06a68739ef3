import { and, eq, isNull } from 'drizzle-orm';
import { hostSurnameMatches } from '../../domain/visitors/host-surname.js';
import type { ThrottleRule } from '../../domain/throttle.js';
import type { Queryable } from '../db/client.js';
import { households, residents, units } from '../db/schema/index.js';
import { claimAttempt, clearThrottle } from '../auth/throttle-store.js';

/** Five surnames that match nobody at one home stop the kiosk answering for it for ten minutes. */
const HOST_RULE: ThrottleRule = { maxFailures: 5, windowMs: 10 * 60_000, lockMs: 10 * 60_000 };

export type HostMatch =
	| { ok: true; householdId: string; phones: string[] }
	| { ok: false; error: 'visitorUnitRequired' | 'visitorHostNoMatch' | 'visitorHostLocked' };

/** The home's current household and the phones it can be asked on. */
export async function currentHousehold(
	db: Queryable,
	siteId: string,
	unitId: string
): Promise<{ householdId: string; people: { id: string; name: string; phone: string }[] } | null> {
	const people = await db
		.select({
			householdId: households.id,
			id: residents.id,
			name: residents.name,
			phone: residents.phone
		})
		.from(households)
		.innerJoin(units, eq(units.id, households.unitId))
		.innerJoin(residents, eq(residents.householdId, households.id))
		.where(
			and(
				eq(households.unitId, unitId),
				eq(units.siteId, siteId),
				isNull(households.movedOutOn),
				isNull(residents.leftAt)
			)
		);
	const first = people[0];
	return first ? { householdId: first.householdId, people } : null;
}

/**
 * Whether someone with that surname lives at the home: yes or no, never who. The answer is all
 * the kiosk shows, and guessing is throttled per home, so the screen cannot be used to learn a
 * household's names by trying one surname after another.
 */
export async function matchHost(
	db: Queryable,
	input: { siteId: string; unitId: string; surname: string },
	now: Date
): Promise<HostMatch> {
	const [unit] = await db
		.select({ id: units.id })
		.from(units)
		.where(and(eq(units.id, input.unitId), eq(units.siteId, input.siteId)));
	if (!unit) return { ok: false, error: 'visitorUnitRequired' };

	const attempt = { key: `visit-host:${input.unitId}`, rule: HOST_RULE };
	const claim = await claimAttempt(db, [attempt], now);
	if (claim.refusedUntil) return { ok: false, error: 'visitorHostLocked' };

	const household = await currentHousehold(db, input.siteId, input.unitId);
	const hosts = household?.people.filter((p) => hostSurnameMatches(input.surname, p.name)) ?? [];
	if (!household || hosts.length === 0) {
		return { ok: false, error: claim.lockedUntil ? 'visitorHostLocked' : 'visitorHostNoMatch' };
	}
	await clearThrottle(db, attempt.key);
	// Everyone in the household may answer: the first "yes" or "no" decides.
	return {
		ok: true,
		householdId: household.householdId,
		phones: household.people.map((p) => p.phone)
	};
}
