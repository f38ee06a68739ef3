import { eq } from 'drizzle-orm';
import {
	afterFailure,
	afterForgiven,
	lockedUntil,
	type ThrottleRule,
	type ThrottleState
} from '../../domain/throttle.js';
import type { Queryable } from '../db/client.js';
import { signInThrottles } from '../db/schema/index.js';

export interface ThrottleEntry {
	key: string;
	rule: ThrottleRule;
}

export type AttemptClaim =
	/** Refused without trying: a key is locked until then. */
	| { refusedUntil: Date }
	/** Counted as a failure in advance; `lockedUntil` when this very attempt locked a key. */
	| { refusedUntil: null; lockedUntil: Date | null };

/**
 * Counts an attempt against every key before the secret is checked, under row locks, so that a
 * burst of simultaneous attempts cannot all slip past the limit. A success is forgiven
 * afterwards (`forgiveAttempt`).
 */
export async function claimAttempt(
	db: Queryable,
	entries: ThrottleEntry[],
	now: Date
): Promise<AttemptClaim> {
	return db.transaction(async (tx) => {
		const states = new Map<string, ThrottleState>();
		// A row to lock even for a key never seen: simultaneous first attempts queue on it.
		for (const { key } of entries) states.set(key, await lockedState(tx, key, now));
		const refused = [...states.values()]
			.map((state) => lockedUntil(state, now.getTime()))
			.filter((t): t is number => t !== null);
		if (refused.length) return { refusedUntil: new Date(Math.max(...refused)) };

		let latest: number | null = null;
		for (const { key, rule } of entries) {
			const next = afterFailure(states.get(key), rule, now.getTime());
			await save(tx, key, next);
			if (next.lockedUntil !== null) latest = Math.max(latest ?? 0, next.lockedUntil);
		}
		return { refusedUntil: null, lockedUntil: latest === null ? null : new Date(latest) };
	});
}

/** Takes back one attempt counted by `claimAttempt` that succeeded. */
export async function forgiveAttempt(db: Queryable, entries: ThrottleEntry[]): Promise<void> {
	await db.transaction(async (tx) => {
		for (const { key, rule } of entries) {
			const [row] = await tx
				.select()
				.from(signInThrottles)
				.where(eq(signInThrottles.key, key))
				.for('update');
			if (row) await save(tx, key, afterForgiven(stateOf(row), rule));
		}
	});
}

/** The key's row, created if new and locked until the transaction ends, in one statement. */
async function lockedState(tx: Queryable, key: string, now: Date): Promise<ThrottleState> {
	const [row] = await tx
		.insert(signInThrottles)
		.values({ key, failures: 0, windowStart: now, lockedUntil: null })
		.onConflictDoUpdate({ target: signInThrottles.key, set: { key } })
		.returning();
	if (!row) throw new Error(`Throttle ${key} returned no row`);
	return stateOf(row);
}

export type CheckedAttempt<T> =
	| { refusedUntil: Date }
	/** `lockedUntil` when this very attempt failed and locked the key. */
	| { refusedUntil: null; passed: T | null; lockedUntil: Date | null };

/**
 * One attempt at a secret for one key, checked while the key's row is locked, in one transaction:
 * simultaneous attempts take turns, so a burst cannot slip past the limit. A failure (`check`
 * gives null) counts; a success clears the key. The check is read at once with the lock (the two
 * go out together) and used only once the key is known not to be locked.
 */
export async function checkAttempt<T>(
	db: Queryable,
	entry: ThrottleEntry,
	now: Date,
	check: (tx: Queryable) => Promise<T | null>
): Promise<CheckedAttempt<T>> {
	return db.transaction(async (tx) => {
		const [state, passed] = await Promise.all([lockedState(tx, entry.key, now), check(tx)]);
		const refused = lockedUntil(state, now.getTime());
		if (refused !== null) return { refusedUntil: new Date(refused) };
		if (passed !== null) {
			await tx.delete(signInThrottles).where(eq(signInThrottles.key, entry.key));
			return { refusedUntil: null, passed, lockedUntil: null };
		}
		const next = afterFailure(state, entry.rule, now.getTime());
		await save(tx, entry.key, next);
		const locked = next.lockedUntil === null ? null : new Date(next.lockedUntil);
		return { refusedUntil: null, passed: null, lockedUntil: locked };
	});
}

export async function clearThrottle(db: Queryable, key: string): Promise<void> {
	await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}

async function save(tx: Queryable, key: string, state: ThrottleState): Promise<void> {
	const values = {
		failures: state.failures,
		windowStart: new Date(state.windowStart),
		lockedUntil: state.lockedUntil === null ? null : new Date(state.lockedUntil)
	};
	await tx
		.insert(signInThrottles)
		.values({ key, ...values })
		.onConflictDoUpdate({ target: signInThrottles.key, set: values });
}

function stateOf(row: typeof signInThrottles.$inferSelect): ThrottleState {
	return {
		failures: row.failures,
		windowStart: row.windowStart.getTime(),
		lockedUntil: row.lockedUntil?.getTime() ?? null
	};
}
