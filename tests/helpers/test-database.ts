import { and, asc, eq, isNull } from 'drizzle-orm';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client.js';
import { households, residents, staffUsers, units } from '../../src/lib/server/db/schema/index.js';
import { prepareFirstRun } from '../../src/lib/server/first-run.js';

export const MIGRATIONS = resolve(import.meta.dirname, '../../drizzle');

export interface TestDatabase extends DatabaseHandle {
	/** The URL of the throwaway database, when on Postgres. */
	url: string | undefined;
	/** Closes and, on Postgres, drops the throwaway database. */
	dispose(): Promise<void>;
}

/** The admin URL of the real Postgres when tests should use it; PGlite otherwise. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

/**
 * A fresh, migrated database for one test file: its own Postgres database (created and dropped
 * here) when `TEST_DATABASE_URL` is set, an in-memory PGlite otherwise. Same suite, both engines.
 */
export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
	// A copy of the database the global setup migrated (`database-template.ts`), when there is one.
	const template = migrate ? inject('databaseTemplate') : undefined;
	if (!TEST_DATABASE_URL) {
		const handle = await openDatabase(
			template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}
		);
		if (migrate && !template) await handle.migrate(MIGRATIONS);
		return { ...handle, url: undefined, dispose: () => handle.close() };
	}
	const name = `lobbydesk_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
	const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ''}`);
	const url = withDatabase(TEST_DATABASE_URL, name);
	const handle = await openDatabase({ url });
	if (migrate && !template) await handle.migrate(MIGRATIONS);
	return {
		...handle,
		url,
		dispose: async () => {
			await handle.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

/** A fresh database prepared as the demo estate, as a first start in demo mode leaves it. */
export async function createDemoDatabase(): Promise<TestDatabase> {
	const database = await createTestDatabase();
	await prepareFirstRun(database.db, { demo: true, demoByDefault: true });
	return database;
}

/** The id of the staff account with this user name; throws when there is none. */
export async function staffIdOf(database: TestDatabase, username: string): Promise<string> {
	const [user] = await database.db
		.select({ id: staffUsers.id })
		.from(staffUsers)
		.where(eq(staffUsers.username, username));
	if (!user) throw new Error(`no staff account ${username}`);
	return user.id;
}

/** The occupied home on the lowest floor and a resident of it (empty ids when there is none). */
export async function firstOccupiedHome(
	database: TestDatabase
): Promise<{ unitId: string; residentId: string }> {
	const [home] = await database.db
		.select({ unitId: units.id, residentId: residents.id })
		.from(units)
		.innerJoin(households, and(eq(households.unitId, units.id), isNull(households.movedOutOn)))
		.innerJoin(residents, eq(residents.householdId, households.id))
		.orderBy(asc(units.floor))
		.limit(1);
	return { unitId: home?.unitId ?? '', residentId: home?.residentId ?? '' };
}
