import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	isUnreachable,
	MAX_RETRY_MS,
	retryDelay,
	SubmitRetry,
	type RetryState
} from './submit-retry.js';

describe('retry delays', () => {
	it('doubles from 2 s and stops growing at 15 s', () => {
		expect([1, 2, 3, 4, 5, 6, 50].map(retryDelay)).toEqual([
			2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000
		]);
	});

	it('never waits longer than the cap, however many failures', () => {
		for (let n = 1; n < 2_000; n += 7) expect(retryDelay(n)).toBeLessThanOrEqual(MAX_RETRY_MS);
	});
});

describe('what counts as unreachable', () => {
	it.each([
		['the fetch failed or a proxy answered (no status)', { type: 'error' }, true],
		['the action broke on the server', { type: 'error', status: 500 }, true],
		['a gateway error that reached SvelteKit', { type: 'error', status: 503 }, true],
		['a field message (400 fail)', { type: 'failure', status: 400 }, false],
		['a locked home (429 fail)', { type: 'failure', status: 429 }, false],
		['filed: on to the receipt', { type: 'redirect', status: 303 }, false],
		['an error the action meant (404)', { type: 'error', status: 404 }, false],
		['a success', { type: 'success', status: 200 }, false]
	])('%s', (_, result, expected) => {
		expect(isUnreachable(result)).toBe(expected);
	});
});

describe('sending again until answered', () => {
	let sends: number;
	let states: RetryState[];
	let retry: SubmitRetry;

	beforeEach(() => {
		vi.useFakeTimers();
		sends = 0;
		states = [];
		// The page's `send` re-submits the form, which begins a new attempt.
		retry = new SubmitRetry(
			() => {
				sends += 1;
				retry.begin();
			},
			(state) => states.push(state)
		);
	});
	afterEach(() => vi.useRealTimers());

	it('refuses a second attempt while one is in flight (a double tap)', () => {
		expect(retry.begin()).toBe(true);
		expect(retry.begin()).toBe(false);
		expect(retry.state.phase).toBe('sending');
		expect(retry.pending).toBe(true);
	});

	it('retries after 2 s, 4 s, 8 s, then every 15 s, and stops when answered', () => {
		retry.begin();
		const waits: number[] = [];
		for (let i = 0; i < 6; i++) {
			retry.unreachable();
			expect(retry.state.phase).toBe('waiting');
			const before = sends;
			const wait = (retry.state.nextAt ?? 0) - Date.now();
			waits.push(wait);
			vi.advanceTimersByTime(wait - 1);
			expect(sends).toBe(before);
			vi.advanceTimersByTime(1);
			expect(sends).toBe(before + 1);
			expect(retry.state.phase).toBe('sending');
		}
		expect(waits).toEqual([2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
		expect(retry.state.failures).toBe(6);

		retry.answered();
		expect(retry.state).toEqual({ phase: 'idle', failures: 0, nextAt: null });
		expect(retry.pending).toBe(false);
		vi.advanceTimersByTime(60_000);
		expect(sends).toBe(6);
	});

	it('"try again now" sends at once and the old timer does not send a second time', () => {
		retry.begin();
		retry.unreachable();
		retry.retryNow();
		expect(sends).toBe(1);
		expect(retry.state.phase).toBe('sending');
		vi.advanceTimersByTime(60_000);
		expect(sends).toBe(1);
	});

	it('"try again now" does nothing while an attempt is in flight or nothing failed', () => {
		retry.retryNow();
		retry.begin();
		retry.retryNow();
		expect(sends).toBe(0);
	});

	it('a refused submission (a field message) ends the retries; the next submit starts afresh', () => {
		retry.begin();
		retry.unreachable();
		vi.advanceTimersByTime(2_000);
		retry.answered();
		expect(retry.state.failures).toBe(0);
		retry.begin();
		retry.unreachable();
		expect((retry.state.nextAt ?? 0) - Date.now()).toBe(2_000);
	});

	it('resumes a draft kept across a reload: sends at once, counted as already failed once', () => {
		retry.resume();
		expect(sends).toBe(1);
		expect(retry.state).toMatchObject({ phase: 'sending', failures: 1 });
		retry.unreachable();
		expect((retry.state.nextAt ?? 0) - Date.now()).toBe(4_000);
	});

	it('stops for good when the owner leaves: no attempt after, even one already scheduled', () => {
		retry.begin();
		retry.unreachable();
		retry.stop();
		expect(retry.pending).toBe(false);
		vi.advanceTimersByTime(60_000);
		retry.retryNow();
		retry.resume();
		expect(sends).toBe(0);
		expect(retry.begin()).toBe(false);
	});

	it('tells the page of every change of phase', () => {
		retry.begin();
		retry.unreachable();
		vi.advanceTimersByTime(2_000);
		retry.answered();
		expect(states.map((s) => s.phase)).toEqual(['sending', 'waiting', 'sending', 'idle']);
	});
});
