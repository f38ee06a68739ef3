import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db/client.js';
import { MIGRATIONS, TEST_DATABASE_URL, withDatabase } from './test-database.js';

declare module 'vitest' {
	interface ProvidedContext {
		/** A migrated database to copy: a Postgres template's name, or a PGlite dump's path. */
		databaseTemplate: string;
	}
}

/**
 * Vitest's global setup: migrates one database before the test files start, so each file's
 * fresh database is a copy (`create database … template` on Postgres, a loaded data directory
 * on PGlite) instead of a migration run of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	if (TEST_DATABASE_URL) {
		const name = `lobbydesk_template_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
		const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const template = await openDatabase({ url: withDatabase(TEST_DATABASE_URL, name) });
		await template.migrate(MIGRATIONS);
		await template.close();
		project.provide('databaseTemplate', name);
		return async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	}
	const template = new PGlite();
	await migrate(drizzle(template), { migrationsFolder: MIGRATIONS });
	const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-template-'));
	const file = join(dir, 'migrated.tar');
	writeFileSync(file, Buffer.from(await (await template.dumpDataDir('none')).arrayBuffer()));
	await template.close();
	project.provide('databaseTemplate', file);
	return async () => rmSync(dir, { recursive: true, force: true });
}
