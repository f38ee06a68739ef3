import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session.js';
import { authenticate, signIn } from '../../src/lib/server/auth/sign-in.js';
import {
	events,
	sessions,
	signInThrottles,
	staffRoles,
	staffUsers
} from '../../src/lib/server/db/schema/index.js';
import { DEMO_PASSWORD } from '../../src/lib/server/demo-seed.js';
import type { Actor } from '../../src/lib/server/event-log.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import {
	changePassword,
	createStaff,
	endSessions,
	listSessions,
	setStaffDisabled
} from '../../src/lib/server/staff.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let admin: Actor;
const MINUTE = 60_000;

beforeAll(async () => {
	database = await createDemoDatabase();
	const site = await defaultSite(database.db);
	if (!site) throw new Error('no demo site');
	siteId = site.id;
	admin = { kind: 'staff', staffId: await userIdOf('admin') };
});
afterAll(() => database.dispose());

async function userIdOf(username: string): Promise<string> {
	const [user] = await database.db
		.select({ id: staffUsers.id })
		.from(staffUsers)
		.where(eq(staffUsers.username, username));
	if (!user) throw new Error(`no user ${username}`);
	return user.id;
}

/** A session for the user, with the token its browser would hold. */
async function sessionOf(userId: string) {
	const token = generateSessionToken();
	const session = await createSession(database.db, token, userId);
	return { token, id: session.id };
}

async function newStaff(username: string) {
	const created = await createStaff(database.db, {
		siteId,
		username,
		displayName: `  ${username} 师傅 `,
		role: 'engineer',
		actor: admin
	});
	if (!created.ok) throw new Error(`could not create ${username}`);
	return { id: await userIdOf(username), password: created.password };
}

async function tableCounts() {
	const [users] = await database.db.select({ n: count() }).from(staffUsers);
	const [roles] = await database.db.select({ n: count() }).from(staffRoles);
	const [log] = await database.db.select({ n: count() }).from(events);
	return { users: users?.n, roles: roles?.n, events: log?.n };
}

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

describe('creating an account', () => {
	it('gives a 16-character one-time password that signs in and must be changed', async () => {
		const created = await createStaff(database.db, {
			siteId,
			username: 'xiaoliu',
			displayName: ' 刘师傅 ',
			role: 'engineer',
			actor: admin
		});
		if (!created.ok) throw new Error('not created');
		expect(created.password).toHaveLength(16);
		const user = await authenticate(database.db, 'xiaoliu', created.password);
		expect(user).not.toBeNull();

		const [row] = await database.db
			.select()
			.from(staffUsers)
			.where(eq(staffUsers.username, 'xiaoliu'));
		expect(row).toMatchObject({ id: user?.id, displayName: '刘师傅', mustChangePassword: true });
		expect(row?.passwordHash).not.toContain(created.password);
		const [role] = await database.db
			.select()
			.from(staffRoles)
			.where(eq(staffRoles.userId, user?.id ?? ''));
		expect(role).toMatchObject({ siteId, role: 'engineer' });
		const recorded = await database.db
			.select()
			.from(events)
			.where(eq(events.type, 'staff.created'));
		expect(recorded.filter((e) => e.data.userId === user?.id)).toEqual([
			expect.objectContaining({ siteId, actorStaffId: admin.staffId })
		]);
	});

	it('refuses a name already taken, and writes nothing', async () => {
		const before = await tableCounts();
		expect(
			await createStaff(database.db, {
				siteId,
				username: 'assistant',
				displayName: '冒名者',
				role: 'admin',
				actor: admin
			})
		).toEqual({ ok: false, error: 'usernameTaken' });
		expect(await tableCounts()).toEqual(before);
		expect(await authenticate(database.db, 'assistant', DEMO_PASSWORD)).not.toBeNull();
	});
});

describe('disabling an account', () => {
	it('signs it out everywhere at once and keeps it out', async () => {
		const userId = await userIdOf('supervisor');
		const phone = await sessionOf(userId);
		const desk = await sessionOf(userId);
		expect((await validateSessionToken(database.db, phone.token)).user?.id).toBe(userId);

		expect(
			await setStaffDisabled(database.db, { siteId, userId, disabled: true, actor: admin })
		).toBe(true);
		expect((await validateSessionToken(database.db, phone.token)).user).toBeNull();
		expect((await validateSessionToken(database.db, desk.token)).user).toBeNull();
		expect(await listSessions(database.db, userId)).toEqual([]);
		expect(
			await signIn(database.db, {
				username: 'supervisor',
				password: DEMO_PASSWORD,
				address: '10.0.1.1'
			})
		).toEqual({ ok: false, reason: 'wrong' });
	});

	it('lets it sign in again once re-enabled, without bringing back the old sessions', async () => {
		const userId = await userIdOf('supervisor');
		const old = await sessionOf(userId);
		await setStaffDisabled(database.db, { siteId, userId, disabled: true, actor: admin });
		expect(
			await setStaffDisabled(database.db, { siteId, userId, disabled: false, actor: admin })
		).toBe(true);
		expect(
			await signIn(database.db, {
				username: 'supervisor',
				password: DEMO_PASSWORD,
				address: '10.0.1.1'
			})
		).toEqual({ ok: true, userId });
		expect((await validateSessionToken(database.db, old.token)).user).toBeNull();
		const types = (
			await database.db
				.select({ type: events.type })
				.from(events)
				.where(and(eq(events.siteId, siteId), eq(events.actorStaffId, admin.staffId ?? '')))
		).map((e) => e.type);
		expect(types).toContain('staff.disabled');
		expect(types).toContain('staff.enabled');
	});
});

describe('changing one’s password', () => {
	it('refuses a wrong current password and changes nothing', async () => {
		const { id, password } = await newStaff('xiaozhang');
		const here = await sessionOf(id);
		const there = await sessionOf(id);
		expect(
			await changePassword(database.db, {
				userId: id,
				sessionId: here.id,
				current: 'not-my-password',
				next: 'a-new-long-password'
			})
		).toEqual({ ok: false, error: 'currentWrong' });
		expect((await validateSessionToken(database.db, there.token)).user?.id).toBe(id);
		expect(await authenticate(database.db, 'xiaozhang', password)).not.toBeNull();
		expect(await authenticate(database.db, 'xiaozhang', 'a-new-long-password')).toBeNull();
	});

	it('ends every other session but keeps the one it was changed from', async () => {
		const { id, password } = await newStaff('xiaozhao');
		const here = await sessionOf(id);
		const phone = await sessionOf(id);
		const tablet = await sessionOf(id);
		expect(
			await changePassword(database.db, {
				userId: id,
				sessionId: here.id,
				current: password,
				next: 'a-new-long-password'
			})
		).toEqual({ ok: true });

		const kept = await validateSessionToken(database.db, here.token);
		expect(kept.user).toMatchObject({ id, mustChangePassword: false });
		expect((await validateSessionToken(database.db, phone.token)).user).toBeNull();
		expect((await validateSessionToken(database.db, tablet.token)).user).toBeNull();
		expect((await listSessions(database.db, id)).map((s) => s.id)).toEqual([here.id]);
		expect(await authenticate(database.db, 'xiaozhao', password)).toBeNull();
		expect(await authenticate(database.db, 'xiaozhao', 'a-new-long-password')).not.toBeNull();
	});
});

describe('ending chosen sessions', () => {
	it('ends only the user’s own, even when another user’s session is named', async () => {
		const mine = await userIdOf('director');
		const theirs = await userIdOf('assistant');
		const laptop = await sessionOf(mine);
		const phone = await sessionOf(mine);
		const colleague = await sessionOf(theirs);

		expect(await endSessions(database.db, mine, { only: [laptop.id, colleague.id] })).toBe(1);
		expect((await validateSessionToken(database.db, laptop.token)).user).toBeNull();
		expect((await validateSessionToken(database.db, phone.token)).user?.id).toBe(mine);
		expect((await validateSessionToken(database.db, colleague.token)).user?.id).toBe(theirs);
		const left = await database.db.select().from(sessions).where(eq(sessions.id, colleague.id));
		expect(left).toHaveLength(1);
	});

	it('ends nothing when only another user’s sessions are named', async () => {
		const mine = await userIdOf('director');
		const colleague = await sessionOf(await userIdOf('assistant'));
		expect(await endSessions(database.db, mine, { only: [colleague.id] })).toBe(0);
		expect((await validateSessionToken(database.db, colleague.token)).user).not.toBeNull();
	});
});
