import postgres from 'postgres';
import { createCluster, type PgCluster } from '../../tests/fault/pg-cluster.ts';

/**
 * A real Postgres database for one benchmark, created empty (the app migrates and seeds it).
 * BENCH_DATABASE_URL names an admin connection (default: the machine's Postgres on
 * 127.0.0.1:5432); when nothing answers there, a throwaway cluster of the bench's own is started.
 */
export interface BenchDatabase {
	url: string;
	version: string;
	drop(): Promise<void>;
}

const DEFAULT_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<string | undefined> {
	const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 3 });
	try {
		const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
		return row?.v;
	} catch {
		return undefined;
	} finally {
		await sql.end({ timeout: 1 });
	}
}

/**
 * `settings`: server settings the bench needs (e.g. `track_commit_timestamp=on`); a shared server
 * cannot be reconfigured, so asking for any always starts a throwaway cluster with them.
 */
export async function benchDatabase(name: string, settings: string[] = []): Promise<BenchDatabase> {
	const database = `lobbydesk_bench_${name}`;
	let cluster: PgCluster | undefined;
	let admin = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN;
	let version = settings.length ? undefined : await answers(admin);
	if (!version) {
		cluster = await createCluster(settings);
		admin = cluster.url;
		version = (await answers(admin)) ?? 'unknown';
	}
	const sql = postgres(admin, { max: 1, onnotice: () => {} });
	await sql.unsafe(`drop database if exists ${database} with (force)`);
	await sql.unsafe(`create database ${database}`);
	await sql.end();
	const url = new URL(admin);
	url.pathname = `/${database}`;
	return {
		url: url.toString(),
		version: `PostgreSQL ${version}${cluster ? ' (throwaway cluster)' : ''}`,
		drop: async () => {
			const again = postgres(admin, { max: 1, onnotice: () => {} });
			await again.unsafe(`drop database if exists ${database} with (force)`);
			await again.end();
			cluster?.remove();
		}
	};
}
