import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/lib/server/auth/sign-in.js';
import { ConfigError } from '../../src/lib/server/config.js';
import {
	buildings,
	installation,
	residents,
	serviceItems,
	staffRoles,
	staffUsers,
	tickets,
	units
} from '../../src/lib/server/db/schema/index.js';
import { prepareFirstRun, type FirstRunOptions } from '../../src/lib/server/first-run.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const ROLES = ['admin', 'assistant', 'director', 'engineer', 'guard', 'supervisor'];
const asDemo: FirstRunOptions = { demo: undefined, demoByDefault: true };
const asReal: FirstRunOptions = { demo: undefined, demoByDefault: false };

describe('the first start of the embedded database, with nothing configured', () => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await createTestDatabase();
	});
	afterAll(() => database.dispose());

	it('makes it the demo: 2 buildings, 40 homes with residents, a price list, two tickets', async () => {
		const result = await prepareFirstRun(database.db, asDemo);
		expect(result.demo).toBe(true);
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
		const people = await db.select().from(residents);
		expect(people.some((x) => x.careFlags.includes('elderly'))).toBe(true);
		expect(people.every((x) => /^1\d{10}$/.test(x.phone))).toBe(true);
	});

	it('gives each role an account named after it, password lobbydesk, and says so', async () => {
		const { signIn } = await prepareFirstRun(database.db, asDemo);
		expect(signIn?.kind).toBe('demo');
		expect(signIn?.accounts.map((a) => a.username).sort()).toEqual(ROLES);
		for (const role of ROLES) {
			expect(await authenticate(database.db, role, 'lobbydesk'), role).not.toBeNull();
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
		await prepareFirstRun(database.db, asDemo);
		const [u] = await database.db.select({ n: count() }).from(units);
		expect(u?.n).toBe(40);
		expect(await database.db.select().from(installation)).toHaveLength(1);
	});

	it('stays the demo: a later start cannot turn it into a real site by a setting', async () => {
		await expect(
			prepareFirstRun(database.db, { demo: false, demoByDefault: false })
		).rejects.toThrow(ConfigError);
		expect((await prepareFirstRun(database.db, asReal)).demo).toBe(true);
	});
});

describe('the first start on a real database', () => {
	let plain: TestDatabase;
	beforeAll(async () => {
		plain = await createTestDatabase();
	});
	afterAll(() => plain.dispose());

	it('creates one admin with a random password shown once, and no demo account', async () => {
		const result = await prepareFirstRun(plain.db, { ...asReal, siteName: '阳光小区' });
		expect(result).toMatchObject({ demo: false, signIn: { kind: 'first-admin' } });
		const password = result.signIn?.accounts[0]?.password ?? '';
		expect(password).toHaveLength(16);
		expect(await authenticate(plain.db, 'admin', password)).not.toBeNull();
		expect(await authenticate(plain.db, 'admin', 'lobbydesk')).toBeNull();
		expect(await authenticate(plain.db, 'assistant', 'lobbydesk')).toBeNull();
		const [admin] = await plain.db.select().from(staffUsers);
		expect(admin?.mustChangePassword).toBe(true);
	});

	it('prints nothing on later starts, even where the embedded database would default to the demo', async () => {
		expect(await prepareFirstRun(plain.db, asDemo)).toEqual({ demo: false, signIn: null });
	});

	it('refuses to become the demo when LOBBYDESK_DEMO=on: no published password on real data', async () => {
		await expect(prepareFirstRun(plain.db, { demo: true, demoByDefault: true })).rejects.toThrow(
			/the demo needs its own database/
		);
		expect(await authenticate(plain.db, 'assistant', 'lobbydesk')).toBeNull();
	});
});
