import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	SESSION_LIFETIME_MS,
	sessionIdOf,
	validateSessionToken
} from '../../src/lib/server/auth/session.js';
import { sessions, staffUsers } from '../../src/lib/server/db/schema/index.js';
import { endSessions } from '../../src/lib/server/staff.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let userId: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
	database = await createDemoDatabase();
	const [user] = await database.db
		.select()
		.from(staffUsers)
		.where(eq(staffUsers.username, 'assistant'));
	userId = user?.id ?? '';
});
afterAll(() => database.dispose());

describe('staff sessions', () => {
	it('store only a hash of the token', async () => {
		const token = generateSessionToken();
		await createSession(database.db, token, userId);
		const stored = await database.db.select().from(sessions).where(eq(sessions.userId, userId));
		expect(stored.map((s) => s.id)).toContain(sessionIdOf(token));
		expect(stored.map((s) => s.id)).not.toContain(token);
	});

	it('last 30 days and are renewed in their last 15', async () => {
		const start = new Date('2026-11-01T00:00:00Z');
		const token = generateSessionToken();
		await createSession(database.db, token, userId, {}, start);

		const day10 = await validateSessionToken(
			database.db,
			token,
			new Date(start.getTime() + 10 * DAY)
		);
		expect(day10.user?.username).toBe('assistant');
		expect(day10.renewed).toBe(false);

		const day20 = new Date(start.getTime() + 20 * DAY);
		const renewed = await validateSessionToken(database.db, token, day20);
		expect(renewed.renewed).toBe(true);
		expect(renewed.session?.expiresAt.getTime()).toBe(day20.getTime() + SESSION_LIFETIME_MS);

		const expired = await validateSessionToken(
			database.db,
			token,
			new Date(day20.getTime() + SESSION_LIFETIME_MS + 1)
		);
		expect(expired.user).toBeNull();
	});

	it('end when signed out', async () => {
		const token = generateSessionToken();
		const session = await createSession(database.db, token, userId);
		await endSessions(database.db, userId, { only: [session.id] });
		expect((await validateSessionToken(database.db, token)).user).toBeNull();
	});

	it('stop working at once when the account is disabled', async () => {
		const token = generateSessionToken();
		await createSession(database.db, token, userId);
		await database.db
			.update(staffUsers)
			.set({ disabledAt: new Date() })
			.where(eq(staffUsers.id, userId));
		expect((await validateSessionToken(database.db, token)).user).toBeNull();
	});

	it('do not accept a made-up token', async () => {
		expect((await validateSessionToken(database.db, 'not-a-real-token')).session).toBeNull();
	});
});
