import { existsSync } from 'node:fs';
import { spawnServer, type ServerProcess } from '../../tests/e2e/server-process.ts';
import { freePort } from '../../tests/fault/pg-cluster.ts';
import { benchDatabase, type BenchDatabase } from './bench-database.ts';

export interface BenchApp {
	server: ServerProcess;
	database: BenchDatabase;
	stop(): Promise<void>;
}

/**
 * The production build on a fresh Postgres database with the demo site, on a free port.
 * Node options for the server (e.g. `--cpu-prof`) go in `env.NODE_OPTIONS`; Postgres settings the
 * bench needs in `settings` (see `benchDatabase`). A server that does not come up is stopped and
 * its database dropped before the error is thrown.
 */
export async function startApp(
	name: string,
	env: Record<string, string> = {},
	settings: string[] = []
): Promise<BenchApp> {
	if (!existsSync('build/handler.js')) {
		throw new Error('no production build: run `npm run build` first');
	}
	const database = await benchDatabase(name, settings);
	const server = spawnServer(await freePort(), env, database.url);
	try {
		await server.ready();
	} catch (error) {
		await server.stop();
		await database.drop();
		throw error;
	}
	let stopped: Promise<void> | undefined;
	/** Stops the server and drops its database; once, however often it is called. */
	const stop = () =>
		(stopped ??= (async () => {
			process.off('SIGINT', interrupted);
			process.off('SIGTERM', interrupted);
			await server.stop();
			await database.drop();
		})());
	// A bench stopped by hand still takes its server and database with it.
	const interrupted = (signal: NodeJS.Signals) => {
		void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	return { server, database, stop };
}
