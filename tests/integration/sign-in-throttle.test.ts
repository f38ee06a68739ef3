import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/sign-in.js';
import { signInThrottles } from '../../src/lib/server/db/schema/index.js';
import { DEMO_PASSWORD } from '../../src/lib/server/demo-seed.js';
import { createDemoDatabase, type TestDatabase, staffIdOf } from '../helpers/test-database.js';

let database: TestDatabase;
const MINUTE = 60_000;

beforeAll(async () => {
	database = await createDemoDatabase();
});
afterAll(() => database.dispose());

const userIdOf = (username: string) => staffIdOf(database, username);

describe('signing in', () => {
	it('locks an account for 15 minutes at the fifth wrong password, even against the right one', async () => {
		const start = new Date('2026-11-02T09:00:00Z');
		const at = (ms: number) => new Date(start.getTime() + ms);
		const attempt = (password: string, now: Date) =>
			signIn(database.db, { username: 'guard', password, address: '10.0.0.1', now });

		for (let i = 0; i < 4; i++) {
			expect(await attempt('guess', at(i * 1000))).toEqual({ ok: false, reason: 'wrong' });
		}
		const fifth = at(4000);
		expect(await attempt('guess', fifth)).toEqual({
			ok: false,
			reason: 'throttled',
			until: new Date(fifth.getTime() + 15 * MINUTE)
		});
		expect(await attempt(DEMO_PASSWORD, at(5 * MINUTE))).toEqual({
			ok: false,
			reason: 'throttled',
			until: new Date(fifth.getTime() + 15 * MINUTE)
		});
		// Typed in any case, the name is the same account.
		expect(
			await signIn(database.db, {
				username: ' GUARD ',
				password: DEMO_PASSWORD,
				address: '10.0.0.9',
				now: at(6 * MINUTE)
			})
		).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('lets the account in once the lock has passed, and forgets its failures', async () => {
		const lockEnds = new Date('2026-11-02T09:15:04Z');
		const after = (ms: number) => new Date(lockEnds.getTime() + ms);
		expect(
			await signIn(database.db, {
				username: 'guard',
				password: DEMO_PASSWORD,
				address: '10.0.0.1',
				now: after(1000)
			})
		).toEqual({ ok: true, userId: await userIdOf('guard') });
		const rows = await database.db
			.select()
			.from(signInThrottles)
			.where(eq(signInThrottles.key, 'user:guard'));
		expect(rows).toHaveLength(0);
		// Counting starts again from nothing: four more wrong passwords only say "wrong".
		for (let i = 2; i < 6; i++) {
			expect(
				await signIn(database.db, {
					username: 'guard',
					password: 'guess',
					address: '10.0.0.1',
					now: after(i * 1000)
				})
			).toEqual({ ok: false, reason: 'wrong' });
		}
	});

	it('locks an address after 20 failures across different names, for every name', async () => {
		const start = new Date('2026-11-03T09:00:00Z');
		const at = (ms: number) => new Date(start.getTime() + ms);
		const address = '10.0.0.2';
		for (let i = 0; i < 19; i++) {
			expect(
				await signIn(database.db, {
					username: `visitor${i}`,
					password: 'guess',
					address,
					now: at(i * 1000)
				})
			).toEqual({ ok: false, reason: 'wrong' });
		}
		const twentieth = at(19_000);
		expect(
			await signIn(database.db, {
				username: 'visitor19',
				password: 'guess',
				address,
				now: twentieth
			})
		).toEqual({
			ok: false,
			reason: 'throttled',
			until: new Date(twentieth.getTime() + 15 * MINUTE)
		});

		const rightPassword = { username: 'engineer', password: DEMO_PASSWORD };
		expect(await signIn(database.db, { ...rightPassword, address, now: at(20_000) })).toMatchObject(
			{ ok: false, reason: 'throttled' }
		);
		expect(
			await signIn(database.db, { ...rightPassword, address: '10.0.0.3', now: at(20_000) })
		).toMatchObject({ ok: true });
	});
});

describe('a burst of simultaneous sign-ins', () => {
	it('gets no more password checks than a slow one: five, then a lock', async () => {
		const now = new Date('2026-11-04T09:00:00Z');
		const burst = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				signIn(database.db, {
					username: 'supervisor',
					password: `parallel-guess-${i}`,
					address: `10.0.1.${i}`,
					now
				})
			)
		);
		expect(burst.filter((r) => !r.ok && r.reason === 'wrong')).toHaveLength(4);
		const [row] = await database.db
			.select()
			.from(signInThrottles)
			.where(eq(signInThrottles.key, 'user:supervisor'));
		// Only five attempts were counted — and so checked; the other seven were refused unread.
		expect(row?.failures).toBe(5);
		expect(
			await signIn(database.db, {
				username: 'supervisor',
				password: DEMO_PASSWORD,
				address: '10.0.1.99',
				now
			})
		).toMatchObject({ ok: false, reason: 'throttled' });
	});
});
