/**
 * Sign-in throttling, per account and per address: after too many failures in a window the key
 * is locked for a while, and the person is told until when.
 */
export interface ThrottleRule {
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

const MINUTE = 60_000;

/** Five wrong passwords for one account within 15 minutes lock it for 15 minutes. */
export const ACCOUNT_RULE: ThrottleRule = {
	maxFailures: 5,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE
};
/** Twenty failures from one address within 15 minutes lock the address for 15 minutes. */
export const ADDRESS_RULE: ThrottleRule = {
	maxFailures: 20,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE
};

export interface ThrottleState {
	failures: number;
	windowStart: number;
	lockedUntil: number | null;
}

/** When the key may try again, or null when it may try now. */
export function lockedUntil(state: ThrottleState | null | undefined, now: number): number | null {
	return state?.lockedUntil != null && state.lockedUntil > now ? state.lockedUntil : null;
}

/** The state after one more failure at `now`. */
export function afterFailure(
	state: ThrottleState | null | undefined,
	rule: ThrottleRule,
	now: number
): ThrottleState {
	// A served lock, or a window gone by, starts the count again.
	const lockServed = state?.lockedUntil != null && state.lockedUntil <= now;
	const fresh = !state || lockServed || now - state.windowStart >= rule.windowMs;
	const failures = fresh ? 1 : state.failures + 1;
	const windowStart = fresh ? now : state.windowStart;
	return {
		failures,
		windowStart,
		lockedUntil: failures >= rule.maxFailures ? now + rule.lockMs : null
	};
}

/** The state after an attempt counted in advance turned out to be a success. */
export function afterForgiven(state: ThrottleState, rule: ThrottleRule): ThrottleState {
	const failures = Math.max(0, state.failures - 1);
	return {
		failures,
		windowStart: state.windowStart,
		lockedUntil: failures >= rule.maxFailures ? state.lockedUntil : null
	};
}
