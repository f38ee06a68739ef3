import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchDatabase } from './database-watch.js';

describe('watchDatabase', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('reports the database going away and coming back, each change once', async () => {
		const answers = [true, false, false, true, true];
		const changes: boolean[] = [];
		const watch = watchDatabase(
			async () => answers.shift() ?? true,
			1_000,
			(available) => changes.push(available)
		);
		for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(1_000);
		expect(changes).toEqual([false, true]);
		expect(watch.available()).toBe(true);
		watch.stop();
	});

	it('says unavailable between the change and the next one', async () => {
		let up = true;
		const watch = watchDatabase(
			async () => up,
			1_000,
			() => {}
		);
		up = false;
		await vi.advanceTimersByTimeAsync(1_000);
		expect(watch.available()).toBe(false);
		watch.stop();
	});

	it('asks again only after the last answer, and never after stop', async () => {
		let asked = 0;
		let release: () => void = () => {};
		const watch = watchDatabase(
			() => {
				asked += 1;
				return new Promise<boolean>((resolve) => (release = () => resolve(true)));
			},
			1_000,
			() => {}
		);
		await vi.advanceTimersByTimeAsync(5_000);
		expect(asked).toBe(1);
		release();
		await vi.advanceTimersByTimeAsync(1_000);
		expect(asked).toBe(2);
		watch.stop();
		release();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(asked).toBe(2);
	});
});
