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
 * Node options for the server (e.g. `--cpu-prof`) go in `env.NODE_OPTIONS`.
 */
export async function startApp(name: string, env: Record<string, string> = {}): Promise<BenchApp> {
	if (!existsSync('build/handler.js')) {
		throw new Error('no production build: run `npm run build` first');
	}
	const database = await benchDatabase(name);
	const server = spawnServer(await freePort(), env, database.url);
	await server.ready();
	return {
		server,
		database,
		stop: async () => {
			await server.stop();
			await database.drop();
		}
	};
}
