import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_RULE,
	afterFailure,
	afterForgiven,
	lockedUntil,
	type ThrottleState
} from './throttle.js';

const MINUTE = 60_000;
const t0 = Date.UTC(2026, 10, 22, 2, 0);

function fail(times: number, start = t0, step = 10_000): ThrottleState | null {
	let state: ThrottleState | null = null;
	for (let i = 0; i < times; i++) state = afterFailure(state, ACCOUNT_RULE, start + i * step);
	return state;
}

describe('sign-in throttling', () => {
	it('lets four wrong passwords through and locks at the fifth, for 15 minutes', () => {
		expect(lockedUntil(fail(4), t0 + MINUTE)).toBeNull();
		const fifth = fail(5);
		expect(lockedUntil(fifth, t0 + MINUTE)).toBe(t0 + 40_000 + 15 * MINUTE);
		expect(lockedUntil(fifth, t0 + 40_000 + 15 * MINUTE)).toBeNull();
	});

	it('forgets failures spread wider than the window', () => {
		expect(lockedUntil(fail(5, t0, 4 * MINUTE), t0 + 17 * MINUTE)).toBeNull();
	});

	it('starts counting again once a lock has been served', () => {
		const served = fail(5);
		const again = afterFailure(served, ACCOUNT_RULE, t0 + 20 * MINUTE);
		expect(again.failures).toBe(1);
		expect(lockedUntil(again, t0 + 20 * MINUTE)).toBeNull();
	});

	it('takes back an attempt counted in advance that succeeded, lifting a lock it caused', () => {
		const fifth = fail(5);
		if (!fifth) throw new Error('no state');
		const forgiven = afterForgiven(fifth, ACCOUNT_RULE);
		expect(forgiven.failures).toBe(4);
		expect(lockedUntil(forgiven, t0 + MINUTE)).toBeNull();
		expect(
			afterForgiven({ failures: 0, windowStart: t0, lockedUntil: null }, ACCOUNT_RULE).failures
		).toBe(0);
	});

	it('never locks before the limit, and always names a time in the future when it does', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 20 * MINUTE }), { maxLength: 30 }), (gaps) => {
				let state: ThrottleState | null = null;
				let now = t0;
				for (const gap of gaps) {
					now += gap;
					if (lockedUntil(state, now) !== null) continue; // refused before any check
					state = afterFailure(state, ACCOUNT_RULE, now);
					if (state.failures < ACCOUNT_RULE.maxFailures) expect(state.lockedUntil).toBeNull();
					else expect(state.lockedUntil).toBe(now + ACCOUNT_RULE.lockMs);
				}
			})
		);
	});
});
