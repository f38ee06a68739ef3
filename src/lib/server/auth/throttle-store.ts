import { eq, inArray } from 'drizzle-orm';
import { afterFailure, lockedUntil, type ThrottleRule } from '../../domain/throttle.js';
import type { Queryable } from '../db/client.js';
import { signInThrottles } from '../db/schema/index.js';

/** The latest time any of these keys is locked until, or null when none is locked. */
export async function throttledUntil(
	db: Queryable,
	keys: string[],
	now: Date
): Promise<Date | null> {
	const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
	const until = rows
		.map((row) => lockedUntil(stateOf(row), now.getTime()))
		.filter((t): t is number => t !== null);
	return until.length ? new Date(Math.max(...until)) : null;
}

/** Counts one failure against each key; returns when the keys are now locked until, if they are. */
export async function recordFailure(
	db: Queryable,
	entries: { key: string; rule: ThrottleRule }[],
	now: Date
): Promise<Date | null> {
	return db.transaction(async (tx) => {
		let latest: number | null = null;
		for (const { key, rule } of entries) {
			const [row] = await tx
				.select()
				.from(signInThrottles)
				.where(eq(signInThrottles.key, key))
				.for('update');
			const next = afterFailure(row ? stateOf(row) : null, rule, now.getTime());
			const values = {
				failures: next.failures,
				windowStart: new Date(next.windowStart),
				lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil)
			};
			await tx
				.insert(signInThrottles)
				.values({ key, ...values })
				.onConflictDoUpdate({ target: signInThrottles.key, set: values });
			if (next.lockedUntil !== null) latest = Math.max(latest ?? 0, next.lockedUntil);
		}
		return latest === null ? null : new Date(latest);
	});
}

export async function clearThrottle(db: Queryable, key: string): Promise<void> {
	await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}

function stateOf(row: typeof signInThrottles.$inferSelect) {
	return {
		failures: row.failures,
		windowStart: row.windowStart.getTime(),
		lockedUntil: row.lockedUntil?.getTime() ?? null
	};
}
