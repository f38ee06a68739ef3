import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/lib/server/auth/sign-in.js';
import {
	buildings,
	residents,
	serviceItems,
	staffRoles,
	staffUsers,
	tickets,
	units
} from '../../src/lib/server/db/schema/index.js';
import { prepareFirstRun } from '../../src/lib/server/first-run.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('first run in demo mode', () => {
	it('seeds a demo site: 2 buildings, 40 units with residents, a price list and two tickets', async () => {
		const notice = await prepareFirstRun(database.db, { demo: true });
		expect(notice?.kind).toBe('demo');
		const { db } = database;
		const [b] = await db.select({ n: count() }).from(buildings);
		const [u] = await db.select({ n: count() }).from(units);
		const [r] = await db.select({ n: count() }).from(residents);
		const [s] = await db.select({ n: count() }).from(serviceItems);
		const [t] = await db.select({ n: count() }).from(tickets);
		expect({ buildings: b?.n, units: u?.n, services: s?.n, tickets: t?.n }).toEqual({
			buildings: 2,
			units: 40,
			services: 7,
			tickets: 2
		});
		expect(r?.n).toBeGreaterThanOrEqual(40);
		const flagged = await db.select().from(residents);
		expect(flagged.some((x) => x.careFlags.includes('elderly'))).toBe(true);
		expect(flagged.every((x) => /^1\d{10}$/.test(x.phone))).toBe(true);
	});

	it('gives each role an account named after it, password lobbydesk', async () => {
		const notice = await prepareFirstRun(database.db, { demo: true });
		expect(notice?.accounts.map((a) => a.username).sort()).toEqual(
			['admin', 'assistant', 'director', 'engineer', 'guard', 'supervisor'].sort()
		);
		for (const role of ['director', 'supervisor', 'assistant', 'engineer', 'guard', 'admin']) {
			const user = await authenticate(database.db, role, 'lobbydesk');
			expect(user, role).not.toBeNull();
			const [row] = await database.db
				.select({ role: staffRoles.role })
				.from(staffRoles)
				.innerJoin(staffUsers, eq(staffUsers.id, staffRoles.userId))
				.where(eq(staffUsers.username, role));
			expect(row?.role).toBe(role);
		}
		expect(await authenticate(database.db, 'assistant', 'wrong')).toBeNull();
		expect(await authenticate(database.db, 'nobody', 'lobbydesk')).toBeNull();
	});

	it('seeds only once: a restart keeps the data as it is', async () => {
		await prepareFirstRun(database.db, { demo: true });
		const [u] = await database.db.select({ n: count() }).from(units);
		expect(u?.n).toBe(40);
	});
});

describe('first run outside demo mode', () => {
	let plain: TestDatabase;
	beforeAll(async () => {
		plain = await createTestDatabase();
	});
	afterAll(() => plain.dispose());

	it('creates one admin with a random password that must be changed, and no demo account', async () => {
		const notice = await prepareFirstRun(plain.db, { demo: false, siteName: '阳光小区' });
		expect(notice?.kind).toBe('first-admin');
		const password = notice?.accounts[0]?.password ?? '';
		expect(password).toHaveLength(16);
		expect(password).not.toBe('lobbydesk');
		expect(await authenticate(plain.db, 'admin', password)).not.toBeNull();
		expect(await authenticate(plain.db, 'admin', 'lobbydesk')).toBeNull();
		expect(await authenticate(plain.db, 'assistant', 'lobbydesk')).toBeNull();
		const [admin] = await plain.db.select().from(staffUsers);
		expect(admin?.mustChangePassword).toBe(true);
	});

	it('prints nothing on later starts', async () => {
		expect(await prepareFirstRun(plain.db, { demo: false })).toBeNull();
	});
});
