import { describe, expect, it } from 'vitest';
import { databaseAnswers } from './availability.js';

describe('databaseAnswers', () => {
	it('is true when the ping answers, false when it fails', async () => {
		expect(await databaseAnswers({ ping: async () => {} })).toBe(true);
		expect(await databaseAnswers({ ping: () => Promise.reject(new Error('refused')) })).toBe(false);
	});

	it('says no after the timeout, and asks a hung database only once until it answers', async () => {
		let pings = 0;
		let answer: () => void = () => {};
		const hung = {
			ping: () => {
				pings += 1;
				return new Promise<void>((resolve) => (answer = resolve));
			}
		};
		expect(await databaseAnswers(hung, 20)).toBe(false);
		expect(await databaseAnswers(hung, 20)).toBe(false);
		expect(pings).toBe(1);
		answer();
		expect(await databaseAnswers(hung, 20)).toBe(true);
		expect(pings).toBe(1);
		expect(await databaseAnswers(hung, 20)).toBe(false);
		expect(pings).toBe(2);
	});
});
