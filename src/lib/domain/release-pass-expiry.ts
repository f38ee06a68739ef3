import { addDays, siteDate, type PassState } from './release-pass.js';
import { fromSiteLocal } from './site-time.js';
import type { ReleasePassStatus } from './vocabulary.js';

/**
 * A pass is good once, on its date. When the site's next day begins, one still waiting for the
 * supervisor or approved and never used has nothing left to wait for: it expires, and its
 * request closes. A refused or used pass is already settled.
 */

/** The statuses the day's end still has to settle. */
export const EXPIRING_STATUSES = [
	'pending',
	'approved'
] as const satisfies readonly ReleasePassStatus[];

const expiring = (status: ReleasePassStatus) =>
	(EXPIRING_STATUSES as readonly ReleasePassStatus[]).includes(status);

/** Whether the pass has lapsed on `today` (the site's calendar date): its day is over, unused. */
export function hasLapsed(pass: PassState, today: string): boolean {
	return expiring(pass.status) && pass.carryOn < today;
}

/** The passes among `passes` due to expire at `now`, judged on the site's calendar. */
export function passesDue<T extends PassState>(
	passes: readonly T[],
	now: Date,
	timeZone: string
): T[] {
	const today = siteDate(now, timeZone);
	return passes.filter((pass) => hasLapsed(pass, today));
}

/**
 * The moment a pass dated `carryOn` expires: the site's midnight that ends its day (the
 * start of the next day, on the site's clock whatever the server's zone).
 */
export function passExpiresAt(carryOn: string, timeZone: string): Date {
	const next = addDays(carryOn, 1);
	// Where daylight saving skips midnight, the day begins at the first hour the clock shows.
	for (let hour = 0; hour < 24; hour++) {
		const at = fromSiteLocal(`${next}T${String(hour).padStart(2, '0')}:00`, timeZone);
		if (at) return at;
	}
	throw new Error(`Not a calendar date: ${carryOn}`);
}
