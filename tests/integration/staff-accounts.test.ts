import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session.js';
import { authenticate, signIn } from '../../src/lib/server/auth/sign-in.js';
import { events, sessions, staffRoles, staffUsers } from '../../src/lib/server/db/schema/index.js';
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
import { createDemoDatabase, type TestDatabase, staffIdOf } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let admin: Actor;

beforeAll(async () => {
	database = await createDemoDatabase();
	const site = await defaultSite(database.db);
	if (!site) throw new Error('no demo site');
	siteId = site.id;
	admin = { kind: 'staff', staffId: await userIdOf('admin') };
});
afterAll(() => database.dispose());

const userIdOf = (username: string) => staffIdOf(database, username);

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
