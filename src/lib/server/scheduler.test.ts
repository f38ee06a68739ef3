import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from './scheduler.js';

afterEach(() => vi.useRealTimers());

describe('the scheduler', () => {
	it('stops after the job under way, and starts no other', async () => {
		vi.useFakeTimers();
		const ran: string[] = [];
		let finish = () => {};
		const stop = startScheduler(100, [
			{
				name: 'slow',
				run: () =>
					new Promise<void>((resolve) => {
						ran.push('slow started');
						finish = () => {
							ran.push('slow finished');
							resolve();
						};
					})
			},
			{ name: 'next', run: async () => void ran.push('next') }
		]);
		await vi.advanceTimersByTimeAsync(100);
		let stopped = false;
		const stopping = stop().then(() => (stopped = true));
		await vi.advanceTimersByTimeAsync(0);
		// The database is closed once stopping resolves: the job under way must be done by then.
		expect(stopped).toBe(false);
		finish();
		await stopping;
		await vi.advanceTimersByTimeAsync(1_000);
		expect(ran).toEqual(['slow started', 'slow finished']);
	});

	it('logs a failed job and runs the others', async () => {
		vi.useFakeTimers();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const ran: string[] = [];
		const stop = startScheduler(100, [
			{ name: 'Broken', run: () => Promise.reject(new Error('down')) },
			{ name: 'next', run: async () => void ran.push('next') }
		]);
		await vi.advanceTimersByTimeAsync(100);
		await stop();
		expect(ran).toEqual(['next']);
		expect(logged).toHaveBeenCalledWith('Broken failed:', expect.any(Error));
		logged.mockRestore();
	});
});
