import { ID_DOCUMENT_TYPES } from '../../src/lib/domain/visitors/id-documents.js';
import { VISIT_STATUSES } from '../../src/lib/domain/visitors/visit-lifecycle.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	CARE_FLAGS,
	CHANNELS,
	RELEASE_PASS_STATUSES,
	STAFF_ROLES,
	TICKET_STATUSES,
	TICKET_TYPES
} from '../../src/lib/domain/vocabulary.js';
import { openDatabase, queryRows } from '../../src/lib/server/db/client.js';
import { units } from '../../src/lib/server/db/schema/index.js';
import { prepareDatabase } from '../../src/lib/server/runtime.js';
import {
	createTestDatabase,
	MIGRATIONS,
	TEST_DATABASE_URL,
	type TestDatabase
} from '../helpers/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function tableNames(): Promise<string[]> {
	const rows = await queryRows<{ table_name: string }>(
		database.db,
		sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`
	);
	return rows.map((r) => r.table_name);
}

describe(`migrations on ${TEST_DATABASE_URL ? 'Postgres' : 'PGlite'}`, () => {
	it('create the whole data model', async () => {
		expect(await tableNames()).toEqual([
			'archive_reads',
			'buildings',
			'devices',
			'event_streams',
			'events',
			'fee_waivers',
			'households',
			'installation',
			'owner_links',
			'quotes',
			'release_passes',
			'residents',
			'service_items',
			'service_policies',
			'sessions',
			'sign_in_throttles',
			'site_calendar_days',
			'sites',
			'staff_roles',
			'staff_users',
			'ticket_clocks',
			'ticket_serials',
			'tickets',
			'units',
			'visitor_blocks',
			'visitor_profiles',
			'visits'
		]);
	});

	it('know every request type, status and role of DOMAIN.md', async () => {
		const enumValues = async (name: string) => {
			const rows = await queryRows<{ v: string }>(
				database.db,
				sql`select unnest(enum_range(null::${sql.raw(name)}))::text as v`
			);
			return rows.map((r) => r.v);
		};
		// The migrations must carry the same vocabulary as the code: a change to one without a
		// generated migration fails here.
		expect(await enumValues('ticket_type')).toEqual([...TICKET_TYPES]);
		expect(await enumValues('ticket_status')).toEqual([...TICKET_STATUSES]);
		expect(await enumValues('staff_role')).toEqual([...STAFF_ROLES]);
		expect(await enumValues('care_flag')).toEqual([...CARE_FLAGS]);
		expect(await enumValues('channel')).toEqual([...CHANNELS]);
		expect(await enumValues('visit_status')).toEqual([...VISIT_STATUSES]);
		expect(await enumValues('id_document_type')).toEqual([...ID_DOCUMENT_TYPES]);
		expect(await enumValues('release_pass_status')).toEqual([...RELEASE_PASS_STATUSES]);
		expect(TICKET_TYPES).toHaveLength(7);
		expect(STAFF_ROLES).toHaveLength(6);
	});

	it('apply only once: a second run changes nothing', async () => {
		const before = await tableNames();
		await database.migrate(MIGRATIONS);
		expect(await tableNames()).toEqual(before);
	});
});

describe.runIf(TEST_DATABASE_URL)('two app processes starting together on one Postgres', () => {
	it('take turns: both start, the schema is applied once and the demo seeded once', async () => {
		const fresh = await createTestDatabase({ migrate: false });
		const second = await openDatabase({ url: fresh.url });
		try {
			const config = { migrationsDir: MIGRATIONS, demo: true, databaseUrl: fresh.url };
			const results = await Promise.all([
				prepareDatabase(fresh, config),
				prepareDatabase(second, config)
			]);
			expect(results.map((r) => r.demo)).toEqual([true, true]);
			const applied = await queryRows<{ n: number }>(
				fresh.db,
				sql`select count(*)::int as n from drizzle.__drizzle_migrations`
			);
			const journal = JSON.parse(
				readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')
			) as { entries: unknown[] };
			expect(applied[0]?.n).toBe(journal.entries.length);
			const [homes] = await fresh.db.select({ n: count() }).from(units);
			expect(homes?.n).toBe(40);
		} finally {
			await second.close();
			await fresh.dispose();
		}
	});
});
