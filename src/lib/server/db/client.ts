import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { sql, type SQL } from 'drizzle-orm';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type the app codes against, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
	PgQueryResultHKT,
	Schema,
	ExtractTablesWithRelations<Schema>
>;
/** Anything queries can run on: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
	kind: DatabaseKind;
	db: Database;
	/** Resolves when the database answers a query; rejects otherwise. */
	ping(): Promise<void>;
	/** Applies the SQL migrations in the folder that the database has not seen yet. */
	migrate(migrationsFolder: string): Promise<void>;
	/**
	 * Runs `work` while no other process of the app runs its own `exclusive` work on this
	 * database: processes starting together take turns migrating and preparing a first run.
	 */
	exclusive<T>(work: () => Promise<T>): Promise<T>;
	/**
	 * Subscribes to a NOTIFY channel; resolves to the function that unsubscribes. `onRelisten`
	 * runs when a dropped listening connection is back (notices sent meanwhile are lost).
	 */
	listen(
		channel: string,
		onPayload: (payload: string) => void,
		onRelisten?: () => void
	): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** A `postgres://` URL; without one an embedded PGlite database is used. */
	url?: string | undefined;
	/** PGlite's data directory; created if missing. Omit for an in-memory database. */
	dataDir?: string | undefined;
	/** PGlite only: start from this saved data directory (`dumpDataDir`) instead of an empty one. */
	loadDataDir?: Blob | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
	return options.url ? openPostgres(options.url) : openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
	const { default: postgres } = await import('postgres');
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const client = postgres(url, {
		max: 10,
		onnotice: () => {},
		connection: { application_name: 'lobby-desk' }
	});
	const db = drizzle(client, { schema });
	return {
		kind: 'postgres',
		db,
		ping: async () => {
			await client`select 1`;
		},
		migrate: async (migrationsFolder) => {
			const { migrate } = await import('drizzle-orm/postgres-js/migrator');
			await migrate(db, { migrationsFolder });
		},
		exclusive: (work) => withAdvisoryLock(url, work),
		listen: async (channel, onPayload, onRelisten) => {
			let first = true;
			const { unlisten } = await client.listen(channel, onPayload, () => {
				if (!first) onRelisten?.();
				first = false;
			});
			return unlisten;
		},
		close: () => client.end({ timeout: 5 })
	};
}

async function openPglite(
	dataDir: string | undefined,
	loadDataDir: Blob | undefined
): Promise<DatabaseHandle> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	// (The options object must come first: as a second argument, `loadDataDir` is ignored.)
	const client = loadDataDir ? new PGlite({ dataDir, loadDataDir }) : new PGlite(dataDir);
	await client.waitReady;
	const db = drizzle(client, { schema });
	return {
		kind: 'pglite',
		db,
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		migrate: async (migrationsFolder) => {
			const { migrate } = await import('drizzle-orm/pglite/migrator');
			await migrate(db, { migrationsFolder });
		},
		// One process owns an embedded database: there is nobody to take turns with.
		exclusive: (work) => work(),
		listen: async (channel, onPayload) => client.listen(channel, onPayload),
		close: () => client.close()
	};
}

/** Any fixed number shared by every process of the app. */
const STARTUP_LOCK = 4_733_020_001;

/**
 * A session-level advisory lock, held on a dedicated connection for as long as `work` runs; the
 * work itself may use the pool.
 */
async function withAdvisoryLock<T>(url: string, work: () => Promise<T>): Promise<T> {
	const { default: postgres } = await import('postgres');
	const lock = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await lock`select pg_advisory_lock(${STARTUP_LOCK})`;
		return await work();
	} finally {
		await lock.end({ timeout: 5 });
	}
}

/** Runs raw SQL and returns its rows, whichever driver answers (they shape results differently). */
export async function queryRows<T extends Record<string, unknown>>(
	db: Queryable,
	query: SQL
): Promise<T[]> {
	const result: unknown = await db.execute(query);
	if (Array.isArray(result)) return result as T[];
	return (result as { rows: T[] }).rows;
}
